import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { type BrowserContext, chromium, type Page, type ViewportSize } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from './fixtures/trame.js';

/**
 * Debian's Chromium driven by playwright-core, for the end-to-end tests in `test/browser/`: one
 * browser per test file, a fresh context per page, axe-core at hand and the CSP watched.
 */

const require = createRequire(import.meta.url);
const axeSource = readFileSync(
  path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

/** Where the tests serve axe-core from, on the app's own origin (see `expectAccessible`). */
const AXE_PATH = '/__axe/axe.min.js';

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PageOptions {
  /** 1280×900 unless told. */
  viewport?: ViewportSize;
  /** False: the page is read as with JavaScript turned off (`expectAccessible` needs it on). */
  javaScriptEnabled?: boolean;
  /** The browser's language, sent as `Accept-Language` (e.g. `fr-FR`); Chromium's own unless told. */
  locale?: string;
}

export interface TestBrowser {
  /** A page in a context of its own: its own cookies, so one person per page. */
  newPage(options?: PageOptions): Promise<Page>;
  /**
   * What the browser reported refusing under the Content Security Policy, on any page opened so
   * far: the strict CSP must never have to refuse anything the app does.
   */
  readonly cspViolations: readonly string[];
  /** Closes every context, then the browser. */
  close(): Promise<void>;
}

export async function openBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: LAUNCH_ARGS,
  });
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  return {
    cspViolations,
    async newPage({
      viewport = { width: 1280, height: 900 },
      javaScriptEnabled = true,
      locale,
    } = {}) {
      const context = await browser.newContext({
        viewport,
        javaScriptEnabled,
        ...(locale ? { locale } : {}),
      });
      contexts.push(context);
      const page = await context.newPage();
      await page.route(`**${AXE_PATH}`, (route) =>
        route.fulfill({ body: axeSource, contentType: 'application/javascript' }),
      );
      // Chromium reports a refusal on the console, with or without JavaScript on the page.
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      return page;
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
    },
  };
}

/**
 * Runs axe-core on the page as it is now; serious and critical violations fail the test. The
 * app's CSP refuses inline scripts, so axe is not inlined but served from the app's origin by a
 * route (set up in `newPage`): the policy stays on for the whole test.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
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

/** Signs in through the login form with a demo account, and waits for the list of contracts. */
export async function signIn(page: Page, appUrl: string, email: string): Promise<void> {
  await page.goto(`${appUrl}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1, name: 'Mes contrats' }).isVisible())
    .toBe(true);
}
