import type { FicheSummary, Phase } from '@trame/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { expectAccessible, openBrowser, signIn, type TestBrowser } from '../support/browser.js';
import { contratPath, DEMO, THOUARSAIS } from '../support/fixtures/trame.js';
import { type ApiClient, signedIn } from '../support/http.js';
import { linkIn, Mailbox } from '../support/mailbox.js';

const RESIDENT = {
  nom: 'Léa Martin',
  email: 'lea.martin@exemple.fr',
  password: 'un mot de passe assez long',
};
/** Markup a browser would run if the comment were ever interpreted as HTML. */
const HOSTILE =
  'Et la piste cyclable ? <script>window.__pwned = true</script> <img src=x onerror="window.__pwned=true">';

const pwned = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

describe('participation in a real browser: register, comment, moderate live', () => {
  let app: TestApp;
  let browser: TestBrowser;
  const mailbox = new Mailbox();
  let animateur: ApiClient;
  let fiche: FicheSummary;

  beforeAll(async () => {
    const smtpUrl = await mailbox.start();
    app = await startApp({ env: { SMTP_URL: smtpUrl } });
    browser = await openBrowser();
    animateur = await signedIn(app.url, DEMO.animateur);
    // Residents' comments wait for the animateur before anyone else reads them.
    const mode = await animateur.request('PUT', contratPath(THOUARSAIS, '/moderation/mode'), {
      mode: 'a_priori',
    });
    expect(mode.status).toBe(200);
    // The current phase, set by hand so the test does not depend on today's date, takes comments.
    const phases = (await animateur.get(contratPath(THOUARSAIS, '/phases'))).body.items as Phase[];
    const evaluation = phases.find((phase) => phase.type === 'evaluation');
    expect(evaluation).toBeDefined();
    const courante = await animateur.request('PUT', contratPath(THOUARSAIS, '/phase-courante'), {
      phaseId: evaluation!.id,
    });
    expect(courante.status).toBe(200);
    const ouverte = await animateur.patch(contratPath(THOUARSAIS, `/phases/${evaluation!.id}`), {
      commentaires: true,
    });
    expect(ouverte.status).toBe(200);
    const fiches = (await animateur.get(contratPath(THOUARSAIS, '/fiches?limit=200'))).body
      .items as FicheSummary[];
    const publique = fiches.find((f) => f.public);
    expect(publique).toBeDefined();
    fiche = publique!;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await mailbox.close();
  });

  it('a new resident comments on a fiche, the animateur publishes it live, and no markup runs', async () => {
    // Registration, confirmed from the link of the mail.
    const resident = await browser.newPage();
    await resident.goto(`${app.url}/inscription`);
    await resident.getByLabel('Nom').fill(RESIDENT.nom);
    await resident.getByLabel('Adresse e-mail').fill(RESIDENT.email);
    await resident.getByLabel('Mot de passe').fill(RESIDENT.password);
    await resident.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect
      .poll(() =>
        resident.getByRole('heading', { level: 1, name: 'Vérifiez votre messagerie' }).isVisible(),
      )
      .toBe(true);
    const mail = mailbox.lastTo(RESIDENT.email);
    expect(mail.subject).toBe('Confirmez votre adresse e-mail');
    await resident.goto(linkIn(mail, '/verifier-email'));
    await expect
      .poll(() => resident.getByRole('heading', { level: 1, name: 'Mes contrats' }).isVisible())
      .toBe(true);

    // Joining the published contract as habitant.
    await resident.goto(`${app.url}/contrats/${THOUARSAIS}`);
    await resident.getByRole('button', { name: 'Rejoindre ce contrat' }).click();
    await expect
      .poll(() => resident.getByRole('button', { name: 'Rejoindre ce contrat' }).count())
      .toBe(0);
    await expect
      .poll(() =>
        resident
          .getByRole('definition')
          .filter({ hasText: /^Habitant/ })
          .count(),
      )
      .toBe(1);

    // The animateur watches the moderation queue in another browser.
    const lead = await browser.newPage();
    await signIn(lead, app.url, DEMO.animateur);
    await lead.goto(`${app.url}/contrats/${THOUARSAIS}`);
    await lead
      .getByRole('navigation', { name: 'Sections du contrat' })
      .getByRole('link', { name: 'Modération' })
      .click();
    await lead.getByRole('heading', { level: 2, name: 'Modération' }).waitFor();
    const queue = lead.getByRole('list', { name: 'Commentaires à modérer' });
    const queued = queue.getByRole('listitem').filter({ hasText: HOSTILE });
    expect(await queued.count()).toBe(0);

    // The resident opens a public fiche and comments on it.
    await resident
      .getByRole('navigation', { name: 'Sections du contrat' })
      .getByRole('link', { name: 'Fiches' })
      .click();
    await resident.getByRole('link', { name: fiche.titre }).click();
    await resident.getByRole('heading', { level: 2, name: new RegExp(fiche.titre) }).waitFor();
    await resident.getByLabel('Nouveau commentaire').fill(HOSTILE);
    await resident.getByRole('button', { name: 'Publier le commentaire' }).click();
    await expect.poll(() => resident.getByText('Commentaire envoyé.').isVisible()).toBe(true);
    const threads = resident.getByRole('list', { name: 'Fils de commentaires' });
    const mine = threads.getByRole('article').filter({ hasText: HOSTILE });
    await expect.poll(() => mine.count()).toBe(1);
    // The markup is shown as the text it is.
    expect(await mine.locator('.commentaire__corps').textContent()).toBe(HOSTILE);
    expect(await mine.locator('script, img').count()).toBe(0);
    await expect.poll(() => mine.getByText('En attente de modération').isVisible()).toBe(true);
    await expectAccessible(resident, 'the fiche page with comments');

    // It reaches the queue live, without a reload; the animateur publishes it.
    await expect.poll(() => queued.count()).toBe(1);
    // Each item leads to its subject, on the comment itself.
    expect(
      await queued.getByRole('link', { name: 'Voir sur la fiche' }).getAttribute('href'),
    ).toMatch(new RegExp(`^/contrats/${THOUARSAIS}/fiches/${fiche.id}#commentaire-[0-9a-f-]{36}$`));
    await expectAccessible(lead, 'the moderation tab');
    await queued.getByRole('button', { name: 'Publier' }).click();
    await expect.poll(() => queued.count()).toBe(0);
    await expect.poll(() => lead.getByText('Commentaire publié.').isVisible()).toBe(true);

    // The resident sees it published, on the page they kept open.
    await expect.poll(() => mine.getByText('En attente de modération').count()).toBe(0);
    await expect.poll(() => mine.getByText(HOSTILE).isVisible()).toBe(true);

    // The animateur was notified; the notification quotes the comment, as text too.
    const bell = lead.getByRole('button', { name: /^Notifications/ });
    await expect.poll(() => bell.textContent()).toMatch(/non lues?\)$/);
    await bell.click();
    const notifications = lead.getByRole('region', { name: 'Notifications' });
    const notification = notifications
      .getByRole('listitem')
      .filter({ hasText: 'Commentaire à modérer' })
      .filter({ hasText: 'Et la piste cyclable ?' });
    await expect.poll(() => notification.count()).toBeGreaterThan(0);
    await expectAccessible(lead, 'the notifications list');
    await lead.keyboard.press('Escape');
    await expect.poll(() => notifications.count()).toBe(0);
    await expect.poll(() => bell.evaluate((el) => el === document.activeElement)).toBe(true);

    expect(await pwned(resident)).toBeUndefined();
    expect(await pwned(lead)).toBeUndefined();
    expect(browser.cspViolations).toEqual([]);
  });
});
