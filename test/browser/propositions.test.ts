import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { expectAccessible, openBrowser, signIn, type TestBrowser } from '../support/browser.js';
import { contratPath, DEMO, THOUARSAIS } from '../support/fixtures/trame.js';
import { signedIn } from '../support/http.js';

const TITRE = 'Atelier de réparation de vélos à Thouars';

describe('proposals in a real browser', () => {
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await startApp();
    browser = await openBrowser();
    // Today the demo contract is in its évaluation, closed to proposals; its mise en œuvre takes them.
    const animateur = await signedIn(app.url, DEMO.animateur);
    const phases = (await animateur.get(contratPath(THOUARSAIS, '/phases'))).body.items;
    const miseEnOeuvre = phases.find((p: any) => p.type === 'mise_en_oeuvre');
    const reply = await animateur.request('PUT', contratPath(THOUARSAIS, '/phase-courante'), {
      phaseId: miseEnOeuvre.id,
    });
    expect(reply.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a partner proposes an action, the comité technique retains it and opens the fiche projet', async () => {
    const partner = await browser.newPage();
    await signIn(partner, app.url, DEMO.partenaire);
    await partner.goto(`${app.url}/contrats/${THOUARSAIS}`);
    await partner
      .getByRole('navigation', { name: 'Sections du contrat' })
      .getByRole('link', { name: 'Propositions' })
      .click();
    await partner.getByRole('button', { name: 'Proposer une action' }).click();
    const dialog = partner.getByRole('dialog', { name: 'Proposer une action' });

    // The shared schema's messages, before anything is sent.
    await dialog.getByLabel('Coût estimé').fill('12,345');
    await dialog.getByRole('button', { name: 'Déposer la proposition' }).click();
    await expect
      .poll(() => dialog.getByText('Saisissez un montant positif').isVisible())
      .toBe(true);
    await expect
      .poll(() => dialog.getByLabel('Titre de l’action').getAttribute('aria-invalid'))
      .toBe('true');

    await dialog.getByLabel('Titre de l’action').fill(TITRE);
    await dialog.getByLabel('Description').fill('Un atelier ouvert deux soirs par semaine.');
    await dialog.getByLabel('Porteur').fill('Association Vélo Thouarsais');
    await dialog.getByLabel('Coût estimé').fill('18 500');
    await dialog.getByRole('checkbox', { name: 'Fonds vert' }).check();
    await dialog.getByRole('checkbox', { name: 'Thouars', exact: true }).check();
    await expectAccessible(partner, 'the proposal form');
    await dialog.getByRole('button', { name: 'Déposer la proposition' }).click();

    const heading = partner.getByRole('heading', { level: 2, name: new RegExp(TITRE) });
    await expect.poll(() => heading.isVisible()).toBe(true);
    const url = partner.url();
    expect(url).toMatch(/\/propositions\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => partner.getByText('Déposée', { exact: true }).first().isVisible())
      .toBe(true);
    await expect.poll(() => partner.getByText('18 500,00').isVisible()).toBe(true);
    await expectAccessible(partner, 'a proposal');

    const cotech = await browser.newPage();
    await signIn(cotech, app.url, DEMO.cotech);
    await cotech.goto(url);
    for (const statut of ['En instruction', 'Retenue']) {
      await cotech.getByRole('button', { name: 'Instruire' }).click();
      const decision = cotech.getByRole('dialog', { name: /^Instruire la proposition P-/ });
      await decision.getByRole('radio', { name: statut, exact: true }).check();
      await decision.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await expect.poll(() => decision.isVisible()).toBe(false);
    }
    const ficheLink = cotech.getByRole('link', { name: /^Voir la fiche projet F-/ });
    await expect.poll(() => ficheLink.isVisible()).toBe(true);
    await expect
      .poll(() =>
        cotech.getByRole('listitem').filter({ hasText: 'En instruction → Retenue' }).count(),
      )
      .toBe(1);
    await ficheLink.click();
    await expect
      .poll(() => cotech.getByRole('heading', { level: 2, name: new RegExp(TITRE) }).isVisible())
      .toBe(true);
    expect(browser.cspViolations).toEqual([]);
  });
});
