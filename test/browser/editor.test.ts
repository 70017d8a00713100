import path from 'node:path';
import type { Contrat, FicheSummary } from '@trame/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { expectAccessible, openBrowser, signIn, type TestBrowser } from '../support/browser.js';

const SLUG = 'crte-thouarsais';
const EDITOR = 'Texte du projet de territoire';
const RECIT = 'Récit de la fiche';
const FICHE = 'Réseau de chaleur bois du quartier des Capucins à Thouars';
const CLAIRE = 'Claire Moreau';
const BERNARD = 'Bernard Giraud';
const OFFLINE = 'Hors ligne — vos modifications seront envoyées au retour de la connexion';
/** Live changes cross a websocket: give them time, the poll stops as soon as they arrive. */
const WAIT = { timeout: 15_000 };
/** Set to a directory to keep screenshots of both people editing (`editor-*.png`). */
const SCREENSHOTS = process.env.EDITOR_SCREENSHOTS;

/** The text of a document as a page shows it, without the other people's caret labels. */
function documentText(page: Page, name = EDITOR): Promise<string> {
  return page.getByRole('textbox', { name }).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collab-caret').forEach((caret) => {
      caret.remove();
    });
    return Array.from(copy.children, (block) => block.textContent ?? '').join('\n');
  });
}

/** What the connection status says. */
function connectionStatus(page: Page): Promise<string> {
  return page
    .locator('.connection-status')
    .evaluate((element) => element.textContent?.replace('État de la connexion :', '').trim() ?? '');
}

/** Puts the caret at the end of a document and types a new paragraph there. */
async function typeAtEnd(page: Page, text: string, name = EDITOR) {
  const editor = page.getByRole('textbox', { name });
  await editor.click();
  await page.keyboard.press('Control+End');
  // A new paragraph, unless the last one is still empty (a fresh document, a trailing one).
  const lastEmpty = await editor.evaluate((element) => {
    const last = element.lastElementChild?.cloneNode(true) as HTMLElement | undefined;
    last?.querySelectorAll('.collab-caret').forEach((caret) => {
      caret.remove();
    });
    return !last || (last.tagName === 'P' && (last.textContent ?? '') === '');
  });
  if (!lastEmpty) await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

describe('the projet de territoire, written together in the browser', () => {
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await startApp();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('two members see each other type and each other’s caret, and an offline edit is merged on return', async () => {
    const claire = await browser.newPage();
    const bernard = await browser.newPage();
    await signIn(claire, app.url, 'animateur@trame.test');
    await signIn(bernard, app.url, 'copil@trame.test');

    // The tab comes right after the overview.
    await claire.goto(`${app.url}/contrats/${SLUG}`);
    const sections = claire.getByRole('navigation', { name: 'Sections du contrat' });
    await sections.getByRole('link', { name: 'Aperçu' }).waitFor();
    const tabs = await sections.getByRole('link').allTextContents();
    expect(tabs.slice(0, 2)).toEqual(['Aperçu', 'Projet de territoire']);
    await sections.getByRole('link', { name: 'Projet de territoire' }).click();
    await claire.getByRole('heading', { level: 2, name: 'Projet de territoire' }).waitFor();
    expect(claire.url()).toBe(`${app.url}/contrats/${SLUG}/projet`);
    await bernard.goto(`${app.url}/contrats/${SLUG}/projet`);

    for (const page of [claire, bernard]) {
      await page.getByRole('textbox', { name: EDITOR }).waitFor();
      await expect.poll(() => connectionStatus(page), WAIT).toBe('Connecté');
      expect(
        await page.getByRole('textbox', { name: EDITOR }).getAttribute('contenteditable'),
      ).toBe('true');
    }

    // Each one types; each sees the other's text.
    await typeAtEnd(claire, 'Alpha, écrit par Claire.');
    await expect.poll(() => documentText(bernard), WAIT).toContain('Alpha, écrit par Claire.');
    await typeAtEnd(bernard, 'Bravo, écrit par Bernard.');
    await expect.poll(() => documentText(claire), WAIT).toContain('Bravo, écrit par Bernard.');

    // A heading set from the toolbar reaches the other as a heading.
    await typeAtEnd(claire, '');
    const heading2 = claire.getByRole('button', { name: 'Titre 2' });
    expect(await heading2.getAttribute('aria-pressed')).toBe('false');
    await heading2.click();
    await claire.keyboard.type('Charlie, un titre');
    expect(await heading2.getAttribute('aria-pressed')).toBe('true');
    await bernard
      .getByRole('textbox', { name: EDITOR })
      .getByRole('heading', { level: 2, name: 'Charlie, un titre' })
      .waitFor();

    // The toolbar is one tab stop, walked with the arrow keys; a table inserted from the keyboard
    // (its column widths are set through the CSSOM, which the CSP allows) reaches the other.
    const toolbar = claire.getByRole('toolbar', { name: 'Mise en forme du texte' });
    expect(await toolbar.locator('button[tabindex="0"]').allTextContents()).toEqual(['Titre 2']);
    const focused = () => claire.evaluate(() => document.activeElement?.textContent ?? '');
    await toolbar.getByRole('button', { name: 'Titre 2' }).focus();
    await claire.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Titre 3');
    await claire.keyboard.press('End');
    expect(await focused()).toBe('Supprimer le tableau');
    expect(
      await toolbar
        .getByRole('button', { name: 'Supprimer le tableau' })
        .getAttribute('aria-disabled'),
    ).toBe('true');
    await claire.keyboard.press('Home');
    expect(await focused()).toBe('Titre 2');
    await typeAtEnd(claire, '');
    await toolbar.getByRole('button', { name: 'Titre 2' }).focus();
    for (let presses = 0; presses < 20 && (await focused()) !== 'Tableau'; presses += 1) {
      await claire.keyboard.press('ArrowRight');
    }
    expect(await focused()).toBe('Tableau');
    await claire.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'Ajouter une ligne' }).press('Enter');
    const bernardTable = bernard.getByRole('textbox', { name: EDITOR }).getByRole('table');
    await expect.poll(() => bernardTable.getByRole('row').count(), WAIT).toBe(4);
    expect(await bernardTable.getByRole('columnheader').count()).toBe(3);

    // Each sees the other's named caret, and who is here.
    await bernard.getByRole('textbox', { name: EDITOR }).click();
    await bernard.keyboard.press('Control+End');
    await claire.locator('.collab-caret__label', { hasText: BERNARD }).waitFor();
    await bernard.locator('.collab-caret__label', { hasText: CLAIRE }).waitFor();
    for (const [page, self, other] of [
      [claire, CLAIRE, BERNARD],
      [bernard, BERNARD, CLAIRE],
    ] as const) {
      const present = page.getByRole('list', { name: 'Personnes sur ce document' });
      await expect
        .poll(() => present.getByRole('listitem').allTextContents(), WAIT)
        .toEqual([`${self} (vous)`, other]);
      expect(await page.getByText('2 personnes ici').isVisible()).toBe(true);
      // Two people present never share a colour (their carets would be told apart by name only).
      await expect
        .poll(async () => {
          const colours = await present
            .getByRole('listitem')
            .evaluateAll((items) =>
              items.map((item) => item.className.match(/collab-color--\w+/)?.[0]),
            );
          return new Set(colours).size;
        }, WAIT)
        .toBe(2);
    }
    if (SCREENSHOTS) {
      await claire.screenshot({ path: path.join(SCREENSHOTS, 'editor-claire.png') });
      await bernard.screenshot({ path: path.join(SCREENSHOTS, 'editor-bernard.png') });
    }

    await expectAccessible(claire, 'projet de territoire');

    // Bernard loses the network: he keeps writing, and is told it will be sent later.
    await bernard.context().setOffline(true);
    await expect.poll(() => connectionStatus(bernard), WAIT).toBe(OFFLINE);
    await typeAtEnd(bernard, 'Delta, écrit hors ligne par Bernard.');
    await typeAtEnd(claire, 'Echo, écrit en ligne par Claire.');
    await expect
      .poll(() => documentText(claire), WAIT)
      .toContain('Echo, écrit en ligne par Claire.');
    expect(await documentText(bernard)).toContain('Delta, écrit hors ligne par Bernard.');
    // Nothing left Bernard's browser while it was offline.
    expect(await documentText(claire)).not.toContain('Delta');
    expect(await documentText(bernard)).not.toContain('Echo');
    if (SCREENSHOTS) {
      await bernard.screenshot({ path: path.join(SCREENSHOTS, 'editor-bernard-offline.png') });
    }

    // Back online: both copies converge to the same text, with both edits.
    await bernard.context().setOffline(false);
    await expect.poll(() => connectionStatus(bernard), WAIT).toBe('Connecté');
    await expect
      .poll(() => documentText(claire), WAIT)
      .toContain('Delta, écrit hors ligne par Bernard.');
    await expect
      .poll(() => documentText(bernard), WAIT)
      .toContain('Echo, écrit en ligne par Claire.');
    await expect
      .poll(async () => (await documentText(claire)) === (await documentText(bernard)), WAIT)
      .toBe(true);
    const final = await documentText(claire);
    for (const text of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'])
      expect(final).toContain(text);

    expect(browser.cspViolations).toEqual([]);
  });
  it('saves a named version, compares it with the current text and restores it for everyone', async () => {
    const claire = await browser.newPage();
    const bernard = await browser.newPage();
    await signIn(claire, app.url, 'animateur@trame.test');
    await signIn(bernard, app.url, 'copil@trame.test');
    for (const page of [claire, bernard]) {
      await page.goto(`${app.url}/contrats/${SLUG}/projet`);
      await expect.poll(() => connectionStatus(page), WAIT).toBe('Connecté');
    }
    await typeAtEnd(claire, 'Golf, avant la signature.');
    await expect.poll(() => documentText(bernard), WAIT).toContain('Golf');
    const signed = await documentText(claire);

    await claire.getByLabel('Nom de la version').fill('version signée');
    await claire.getByRole('button', { name: 'Enregistrer une version' }).click();
    await claire.getByText('Version « version signée » enregistrée.').waitFor();
    const versions = claire.getByRole('list', { name: 'Versions enregistrées' });
    await versions.getByText('version signée', { exact: true }).waitFor();
    expect(await versions.getByRole('listitem').first().textContent()).toContain(CLAIRE);

    // A change after the signature; once Bernard has it, the server has stored it.
    await typeAtEnd(claire, 'Foxtrot, ajout postérieur.');
    await expect.poll(() => documentText(bernard), WAIT).toContain('Foxtrot');

    // The comparison marks what was added since, in words and not by colour alone.
    await claire
      .getByRole('button', { name: 'Comparer la version « version signée » au texte actuel' })
      .click();
    const comparison = claire.getByRole('dialog', {
      name: 'Version « version signée » et texte actuel',
    });
    const added = comparison.locator('.diff ins');
    await added.first().waitFor();
    const insertions = (await added.allTextContents()).join('');
    expect(insertions).toContain('[ajouté : ');
    expect(insertions.replace(/\[ajouté : |\]/g, '').trim()).toBe('Foxtrot, ajout postérieur.');
    expect(await comparison.locator('.diff del').count()).toBe(0);
    expect(await comparison.getByText('Légende').isVisible()).toBe(true);
    await expectAccessible(claire, 'comparaison de versions');
    if (SCREENSHOTS) {
      await claire.screenshot({ path: path.join(SCREENSHOTS, 'editor-comparison.png') });
    }
    await comparison.getByRole('button', { name: 'Fermer' }).click();

    // The version itself, read-only.
    await claire.getByRole('button', { name: 'Lire la version « version signée »' }).click();
    const reading = claire.getByRole('dialog', { name: 'Version « version signée »' });
    const versionText = reading.getByRole('textbox', {
      name: 'Texte de la version « version signée »',
    });
    await versionText.waitFor();
    expect(await versionText.getAttribute('contenteditable')).toBe('false');
    expect(await versionText.textContent()).toContain('Golf');
    expect(await versionText.textContent()).not.toContain('Foxtrot');
    await reading.getByRole('button', { name: 'Fermer' }).click();

    // Restoring asks first, then reaches both editors live.
    await claire.getByRole('button', { name: 'Restaurer la version « version signée »' }).click();
    const confirm = claire.getByRole('dialog', {
      name: 'Restaurer la version « version signée » ?',
    });
    await confirm.getByRole('button', { name: 'Restaurer cette version' }).click();
    await claire
      .getByText('Version « version signée » restaurée : le texte a été remplacé.')
      .waitFor();
    for (const page of [claire, bernard]) {
      await expect.poll(() => documentText(page), WAIT).toBe(signed);
    }

    expect(browser.cspViolations).toEqual([]);
  });

  it('shows the projet read-only to a visitor of the published contract, and the narrative of a fiche to its editors', async () => {
    const claire = await browser.newPage();
    await signIn(claire, app.url, 'animateur@trame.test');
    await claire.goto(`${app.url}/contrats/${SLUG}/projet`);
    await expect.poll(() => connectionStatus(claire), WAIT).toBe('Connecté');
    await typeAtEnd(claire, 'Hotel, lu par le public.');

    const visitor = await browser.newPage();
    await visitor.goto(`${app.url}/contrats/${SLUG}/projet`);
    const text = visitor.getByRole('textbox', { name: EDITOR });
    await text.waitFor();
    await expect.poll(() => connectionStatus(visitor), WAIT).toBe('Connecté');
    await expect.poll(() => documentText(visitor), WAIT).toContain('Hotel, lu par le public.');
    expect(await text.getAttribute('contenteditable')).toBe('false');
    expect(await text.getAttribute('aria-readonly')).toBe('true');
    expect(await visitor.getByRole('toolbar').count()).toBe(0);
    // Visitors see neither who is here nor the versions.
    expect(await visitor.getByRole('list', { name: 'Personnes sur ce document' }).count()).toBe(0);
    expect(await visitor.getByRole('heading', { name: 'Versions' }).count()).toBe(0);
    await expectAccessible(visitor, 'projet, visiteur');

    // A fiche's narrative: written by one member, read by another from the server.
    const bernard = await browser.newPage();
    await signIn(bernard, app.url, 'copil@trame.test');
    const contrat = (await (
      await claire.request.get(`${app.url}/api/v1/contrats/${SLUG}`)
    ).json()) as Contrat;
    const { items } = (await (
      await claire.request.get(`${app.url}/api/v1/contrats/${contrat.id}/fiches?limit=200`)
    ).json()) as { items: FicheSummary[] };
    const fiche = items.find((item) => item.titre === FICHE)!;
    await claire.goto(`${app.url}/contrats/${SLUG}/fiches/${fiche.id}`);
    await claire.getByRole('heading', { level: 3, name: 'Récit' }).waitFor();
    await expect.poll(() => connectionStatus(claire), WAIT).toBe('Connecté');
    expect(await claire.getByRole('textbox', { name: RECIT }).getAttribute('contenteditable')).toBe(
      'true',
    );
    await typeAtEnd(claire, 'Contexte : le quartier des Capucins.', RECIT);
    // A link, on the words just typed: web addresses only.
    await claire.keyboard.press('Shift+Home');
    await claire.getByRole('button', { name: 'Lien' }).click();
    const linkDialog = claire.getByRole('dialog', { name: 'Ajouter un lien' });
    const address = linkDialog.getByRole('textbox', { name: 'Adresse web' });
    await address.fill('javascript:alert(1)');
    await linkDialog.getByRole('button', { name: 'Appliquer le lien' }).click();
    await linkDialog
      .getByText('Saisissez une adresse web qui commence par https:// ou http://.')
      .waitFor();
    await address.fill('https://www.thouars.fr/');
    await linkDialog.getByRole('button', { name: 'Appliquer le lien' }).click();
    await linkDialog.waitFor({ state: 'hidden' });

    await bernard.goto(`${app.url}/contrats/${SLUG}/fiches/${fiche.id}`);
    await expect
      .poll(() => documentText(bernard, RECIT), WAIT)
      .toContain('Contexte : le quartier des Capucins.');
    const link = bernard
      .getByRole('textbox', { name: RECIT })
      .getByRole('link', { name: 'Contexte : le quartier des Capucins.' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://www.thouars.fr/');
    await bernard.locator('.collab-caret__label', { hasText: CLAIRE }).waitFor();
    await expectAccessible(bernard, 'fiche, récit');
    if (SCREENSHOTS) {
      await bernard.getByRole('heading', { level: 3, name: 'Récit' }).scrollIntoViewIfNeeded();
      await bernard.screenshot({ path: path.join(SCREENSHOTS, 'editor-fiche.png') });
      await visitor.screenshot({ path: path.join(SCREENSHOTS, 'editor-visitor.png') });
    }

    expect(browser.cspViolations).toEqual([]);
  });
});
