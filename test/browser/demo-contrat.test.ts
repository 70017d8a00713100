import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Contrat } from '@trame/shared';
import type { AxeResults } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(
  path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

const PASSWORD = 'demo-trame';
const SLUG = 'crte-thouarsais';

/** Where the tests serve axe-core from, on the app's own origin (see `expectAccessible`). */
const AXE_PATH = '/__axe/axe.min.js';

/**
 * Runs axe-core on the page as it is now; serious and critical violations fail the test. The
 * app's CSP refuses inline scripts, so axe is not inlined but served from the app's origin by a
 * route (set up in `newPage`): the policy stays on for the whole test.
 */
async function expectAccessible(page: Page, label: string) {
  await page.addScriptTag({ url: new URL(AXE_PATH, page.url()).href });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(context: Document): Promise<AxeResults> } };
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
  const blocking = violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  if (blocking.length > 0) {
    console.error(`axe violations on ${label}:\n${JSON.stringify(blocking, null, 2)}`);
  }
  expect(blocking, `axe violations on ${label}`).toEqual([]);
}

describe('the demo contract in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** The strict CSP must never have to refuse anything the client does. */
  const cspViolations: string[] = [];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.route(`**${AXE_PATH}`, (route) =>
      route.fulfill({ body: axeSource, contentType: 'application/javascript' }),
    );
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return page;
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${app.url}/connexion`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Mes contrats' }).isVisible())
      .toBe(true);
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  it('signs in, reads the Thouarsais contract section by section, then switches to English', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/connexion`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('heading', { level: 1, name: 'Connexion à Trame' }).waitFor();
    await expectAccessible(page, '/connexion');

    await signIn(page, 'animateur@trame.test');
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

    expect(cspViolations).toEqual([]);
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
    await page.keyboard.type(PASSWORD);
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

    expect(cspViolations).toEqual([]);
  });
});
