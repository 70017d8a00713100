import type { Contrat, FicheSummary, MaquetteView } from '@trame/shared';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { expectAccessible, openBrowser, signIn, type TestBrowser } from '../support/browser.js';

const SLUG = 'crte-thouarsais';
const FICHE = 'Réseau de chaleur bois du quartier des Capucins à Thouars';
/** The line the test adds to the fiche's plan: 12 345,67 € of DSIL requested for 2024. */
const ANNEE = 2024;
const MONTANT = '12 345,67';
const MONTANT_CENTS = 1_234_567;

/** "1 234 567,89 €" (with the narrow spaces French formatting uses) → 123456789 cents. */
function cents(text: string): number {
  const match = /(-?[\d\s\u00a0\u202f]+),(\d{2})/.exec(text);
  if (!match) throw new Error(`not an amount in euros: ${text}`);
  return Number(match[1]!.replace(/[\s\u00a0\u202f]/g, '')) * 100 + Number(match[2]);
}

describe('fiches and the maquette financière in a real browser', () => {
  let app: TestApp;
  let browser: TestBrowser;

  /** The grand total of the maquette on screen, in cents (0 when the year has no financing). */
  async function maquetteTotal(page: Page): Promise<number> {
    const table = page.getByRole('table', { name: /^Maquette financière/ });
    const empty = page.getByText(`Aucun financement prévu en ${ANNEE}.`);
    await expect
      .poll(async () => (await table.isVisible()) || (await empty.isVisible()))
      .toBe(true);
    if (await empty.isVisible()) return 0;
    const total = table
      .getByRole('row', { name: /^Total général/ })
      .getByRole('cell')
      .last();
    return cents((await total.textContent()) ?? '');
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('filters the fiches, adds a financing line and finds it in the maquette of its year', async () => {
    const page = await browser.newPage();
    await signIn(page, app.url, 'animateur@trame.test');
    const contrat = (await (
      await page.request.get(`${app.url}/api/v1/contrats/${SLUG}`)
    ).json()) as Contrat;

    // The Fiches tab: a table of the contract's fiches.
    await page.goto(`${app.url}/contrats/${SLUG}`);
    const sections = page.getByRole('navigation', { name: 'Sections du contrat' });
    await sections.getByRole('link', { name: 'Fiches' }).click();
    await page.getByRole('heading', { level: 2, name: 'Fiches projets et actions' }).waitFor();
    expect(page.url()).toBe(`${app.url}/contrats/${SLUG}/fiches`);
    const table = page.getByRole('table', { name: `Fiches de ${contrat.nom}` });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(20);
    const all = await rows.count();
    const listed = (await (
      await page.request.get(`${app.url}/api/v1/contrats/${contrat.id}/fiches?limit=200`)
    ).json()) as { items: FicheSummary[]; total: number };
    expect(all).toBe(Math.min(listed.total, 50));
    expect(await page.getByText(`${listed.total} fiches`, { exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, 'table des fiches');

    // Filtering by maturity: fewer rows, all of that maturity, and the filter is in the address.
    const engagees = listed.items.filter((fiche) => fiche.maturite === 'engagee').length;
    expect(engagees).toBeGreaterThan(0);
    expect(engagees).toBeLessThan(all);
    await page.getByRole('checkbox', { name: 'Engagée' }).check();
    await expect.poll(() => rows.count()).toBe(engagees);
    await expect.poll(() => page.url()).toContain('maturite=engagee');
    const maturites = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(new Set(maturites)).toEqual(new Set(['Engagée']));

    // Then by text, on top of it: the search is sent once typing pauses.
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('chaleur');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => page.url()).toContain('q=chaleur');
    await page.getByRole('button', { name: 'Réinitialiser les filtres' }).click();
    await expect.poll(() => rows.count()).toBe(all);

    // Sorting is the server's: by title, then by title descending.
    const firstTitle = () => table.locator('tbody tr th').first().textContent();
    const byNumber = await firstTitle();
    await table.getByRole('button', { name: /^Titre/ }).click();
    await expect.poll(() => page.url()).toContain('sort=titre');
    await expect.poll(firstTitle).not.toBe(byNumber);
    const ascending = await firstTitle();
    await table.getByRole('button', { name: /^Titre/ }).click();
    await expect.poll(() => page.url()).toContain('sort=-titre');
    await expect.poll(firstTitle).not.toBe(ascending);
    expect(
      await table.getByRole('columnheader', { name: /^Titre/ }).getAttribute('aria-sort'),
    ).toBe('descending');

    // The maquette of the year, before the change.
    await sections.getByRole('link', { name: 'Maquette financière' }).click();
    await page.getByRole('combobox', { name: 'Année' }).waitFor();
    await page.getByRole('combobox', { name: 'Année' }).selectOption(String(ANNEE));
    await page.getByRole('heading', { level: 2, name: `Maquette financière ${ANNEE}` }).waitFor();
    expect(page.url()).toBe(`${app.url}/contrats/${SLUG}/maquette/${ANNEE}`);
    const before = await maquetteTotal(page);

    // A fiche: its page, then a new line in its plan de financement.
    await sections.getByRole('link', { name: 'Fiches' }).click();
    await table.getByRole('link', { name: FICHE }).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(FICHE) }).waitFor();
    expect(page.url()).toMatch(new RegExp(`/contrats/${SLUG}/fiches/[0-9a-f-]{36}$`));
    await page.getByRole('heading', { level: 3, name: 'Coût et plan de financement' }).waitFor();
    await expectAccessible(page, 'page de la fiche');

    const plan = page.getByRole('table', { name: /^Plan de financement de la fiche F-\d{3}$/ });
    const linesBefore = await plan.locator('tbody tr').count();
    await page.getByRole('combobox', { name: 'Source', exact: true }).selectOption('dsil');
    await page.getByRole('textbox', { name: 'Année', exact: true }).fill(String(ANNEE));
    await page.getByRole('textbox', { name: 'Montant (en euros)' }).fill(MONTANT);
    await page.getByRole('button', { name: 'Ajouter la ligne' }).click();
    await page.getByText(/^Ligne ajoutée : DSIL 2024/).waitFor();
    await expect.poll(() => plan.locator('tbody tr').count()).toBe(linesBefore + 1);
    const amounts = await Promise.all((await plan.locator('tbody tr').all()).map(amountsIn));
    expect(amounts.flat()).toContain(MONTANT_CENTS);

    // The same maquette now counts that line: its grand total grew by exactly its amount.
    await sections.getByRole('link', { name: 'Maquette financière' }).click();
    await page.getByRole('combobox', { name: 'Année' }).selectOption(String(ANNEE));
    await page.getByRole('heading', { level: 2, name: `Maquette financière ${ANNEE}` }).waitFor();
    await expect.poll(() => maquetteTotal(page)).toBe(before + MONTANT_CENTS);
    const live = (await (
      await page.request.get(`${app.url}/api/v1/contrats/${contrat.id}/maquettes/${ANNEE}`)
    ).json()) as MaquetteView;
    expect(live.totalCents).toBe(before + MONTANT_CENTS);
    await expectAccessible(page, 'maquette financière');

    expect(browser.cspViolations).toEqual([]);
  });
});

/** The amounts written in a row's cells, in cents. */
async function amountsIn(row: Locator): Promise<number[]> {
  const texts = await row.getByRole('cell').allTextContents();
  return texts.filter((text) => /\d,\d{2}/.test(text)).map(cents);
}
