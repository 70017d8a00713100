import type { Contrat } from '@trame/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { expectAccessible, openBrowser, signIn, type TestBrowser } from '../support/browser.js';
import { DEMO_PASSWORD } from '../support/fixtures/trame.js';

const SLUG = 'crte-thouarsais';

describe('the demo contract in a real browser', () => {
  let app: TestApp;
  let browser: TestBrowser;

  /** This file reads the contract at 1280×800. */
  const newPage = () => browser.newPage({ viewport: { width: 1280, height: 800 } });

  beforeAll(async () => {
    app = await startApp();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('signs in, reads the Thouarsais contract section by section, then switches to English', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/connexion`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('heading', { level: 1, name: 'Connexion à Trame' }).waitFor();
    await expectAccessible(page, '/connexion');

    await signIn(page, app.url, 'animateur@trame.test');
    expect(page.url()).toBe(`${app.url}/`);
    await expectAccessible(page, 'Mes contrats');

    await page.getByRole('link', { name: 'CRTE du Thouarsais' }).click();
    await page.getByRole('heading', { level: 1, name: 'CRTE du Thouarsais' }).waitFor();
    expect(page.url()).toBe(`${app.url}/contrats/${SLUG}`);
    await page.getByRole('heading', { level: 2, name: 'Signataires' }).waitFor();
    await expectAccessible(page, 'aperçu');

    const sections = page.getByRole('navigation', { name: 'Sections du contrat' });
    await sections.getByRole('link', { name: /Périmètre/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Communes du périmètre' }).waitFor();
    const thouars = page.getByRole('row', { name: /^Thouars\b/ });
    await expect.poll(() => thouars.getByRole('rowheader').textContent()).toBe('Thouars');
    expect(await thouars.getByRole('cell', { name: '79329' }).isVisible()).toBe(true);
    const response = await page.request.get(`${app.url}/api/v1/contrats/${SLUG}`);
    expect(response.ok()).toBe(true);
    const contrat = (await response.json()) as Contrat;
    expect(contrat.perimetre.communes.length).toBe(contrat.nombreCommunes);
    const rows = page.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(contrat.nombreCommunes);
    expect(
      await page.getByText(`${contrat.nombreCommunes} communes affichées sur`).isVisible(),
    ).toBe(true);
    await expectAccessible(page, 'périmètre');

    await sections.getByRole('link', { name: /Orientations/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Orientations stratégiques' }).waitFor();
    const titles = page.locator('.orientations').getByRole('heading', { level: 3 });
    await expect.poll(() => titles.count()).toBeGreaterThanOrEqual(3);
    for (const orientation of contrat.orientations.slice(0, 3)) {
      expect(
        await page.getByRole('heading', { level: 3, name: orientation.titre }).isVisible(),
      ).toBe(true);
    }
    await expectAccessible(page, 'orientations');

    await sections.getByRole('link', { name: 'Membres' }).click();
    await page.getByRole('heading', { level: 2, name: 'Membres du contrat' }).waitFor();
    await page.getByRole('cell', { name: 'copil@trame.test' }).waitFor();
    await expectAccessible(page, 'membres');

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Contract members' }).waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await sections.count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Contract sections' }).isVisible()).toBe(
      true,
    );
    await expectAccessible(page, 'members (English)');

    // The choice is saved with the account: it survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Contract members' }).waitFor();
    const me = await (await page.request.get(`${app.url}/api/v1/me`)).json();
    expect(me.locale).toBe('en');

    expect(browser.cspViolations).toEqual([]);
  });

  it('can be used with the keyboard alone, from the skip link to a contract', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/connexion`);
    await page.getByRole('heading', { level: 1, name: 'Connexion à Trame' }).waitFor();

    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return {
          tag: element?.tagName.toLowerCase() ?? '',
          id: element?.id ?? '',
          type: element?.getAttribute('type') ?? '',
          text: element?.textContent?.trim() ?? '',
        };
      });

    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'a', text: 'Aller au contenu' });
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ tag: 'main', id: 'contenu' });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'input', type: 'email' });
    await page.keyboard.type('copil@trame.test');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'input', type: 'password' });
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    // Focus follows the navigation to the new page's heading.
    await expect.poll(focused).toMatchObject({ tag: 'h1', text: 'Mes contrats' });

    let reached = false;
    for (let presses = 0; presses < 25 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = (await focused()).text.startsWith('CRTE du Thouarsais');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'CRTE du Thouarsais' }).waitFor();
    await expect.poll(focused).toMatchObject({ tag: 'h1', text: 'CRTE du Thouarsais' });

    expect(browser.cspViolations).toEqual([]);
  });
});
