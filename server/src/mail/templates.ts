import { type Locale, ROLE_LABELS, type Role } from '@trame/shared';
import type { Mail } from './mailer.js';

type Content = Omit<Mail, 'to'>;

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** A plain layout: the text version is the reference, the HTML one adds a button. */
export function compose(
  subject: string,
  paragraphs: string[],
  action?: { label: string; url: string },
): Content {
  const text = [
    ...paragraphs,
    ...(action ? [`${action.label} : ${action.url}`] : []),
    '—',
    'Trame',
  ].join('\n\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1e1e1e;max-width:560px">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${
  action
    ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#1f4e79;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(action.url)}</p>`
    : ''
}
<p style="color:#555">— Trame</p></body></html>`;
  return { subject, text, html };
}

export function verificationMail(locale: Locale, nom: string, url: string): Content {
  return locale === 'en'
    ? compose(
        'Confirm your email address',
        [
          `Hello ${nom},`,
          'Confirm your address to activate your Trame account. The link is valid for 48 hours.',
        ],
        { label: 'Confirm my address', url },
      )
    : compose(
        'Confirmez votre adresse e-mail',
        [
          `Bonjour ${nom},`,
          'Confirmez votre adresse pour activer votre compte Trame. Le lien est valable 48 heures.',
        ],
        { label: 'Confirmer mon adresse', url },
      );
}

export function alreadyRegisteredMail(locale: Locale, url: string): Content {
  return locale === 'en'
    ? compose(
        'Your Trame account',
        [
          'Someone tried to create a Trame account with this address, which already has one. If it was you, sign in or reset your password.',
        ],
        { label: 'Reset my password', url },
      )
    : compose(
        'Votre compte Trame',
        [
          'Quelqu’un a tenté de créer un compte Trame avec cette adresse, qui en a déjà un. Si c’était vous, connectez-vous ou réinitialisez votre mot de passe.',
        ],
        { label: 'Réinitialiser mon mot de passe', url },
      );
}

export function resetPasswordMail(locale: Locale, nom: string, url: string): Content {
  return locale === 'en'
    ? compose(
        'Reset your password',
        [
          `Hello ${nom},`,
          'Choose a new password with the link below, valid for one hour. If you did not ask for it, ignore this message.',
        ],
        { label: 'Choose a new password', url },
      )
    : compose(
        'Réinitialisez votre mot de passe',
        [
          `Bonjour ${nom},`,
          'Choisissez un nouveau mot de passe avec le lien ci-dessous, valable une heure. Si vous n’avez rien demandé, ignorez ce message.',
        ],
        { label: 'Choisir un nouveau mot de passe', url },
      );
}

export function invitationMail(
  locale: Locale,
  input: { contrat: string; role: Role; invitePar: string; message?: string; url: string },
): Content {
  const role = ROLE_LABELS[input.role][locale];
  const note = input.message ? [`« ${input.message} »`] : [];
  return locale === 'en'
    ? compose(
        `Invitation to ${input.contrat}`,
        [
          `${input.invitePar} invites you to take part in “${input.contrat}” on Trame, as ${role}.`,
          ...note,
          'The invitation is valid for 14 days.',
        ],
        { label: 'Accept the invitation', url: input.url },
      )
    : compose(
        `Invitation : ${input.contrat}`,
        [
          `${input.invitePar} vous invite à participer à « ${input.contrat} » sur Trame, en tant que ${role}.`,
          ...note,
          'L’invitation est valable 14 jours.',
        ],
        { label: 'Accepter l’invitation', url: input.url },
      );
}

export function addedToContratMail(
  locale: Locale,
  input: { contrat: string; role: Role; invitePar: string; message?: string; url: string },
): Content {
  const role = ROLE_LABELS[input.role][locale];
  const note = input.message ? [`« ${input.message} »`] : [];
  return locale === 'en'
    ? compose(
        `You joined ${input.contrat}`,
        [`${input.invitePar} added you to “${input.contrat}” on Trame, as ${role}.`, ...note],
        { label: 'Open the contract', url: input.url },
      )
    : compose(
        `Vous participez à « ${input.contrat} »`,
        [
          `${input.invitePar} vous a ajouté·e à « ${input.contrat} » sur Trame, en tant que ${role}.`,
          ...note,
        ],
        { label: 'Ouvrir le contrat', url: input.url },
      );
}

/** One notification, e-mailed at once to a person who chose `immediat`. */
export function notificationMail(
  locale: Locale,
  input: { nom: string; titre: string; extrait: string; url: string; preferencesUrl: string },
): Content {
  const extrait = input.extrait ? [`« ${input.extrait} »`] : [];
  return locale === 'en'
    ? compose(
        input.titre,
        [
          `Hello ${input.nom},`,
          `${input.titre}.`,
          ...extrait,
          `You receive this email for each notification; change it in your account: ${input.preferencesUrl}`,
        ],
        { label: 'Open in Trame', url: input.url },
      )
    : compose(
        input.titre,
        [
          `Bonjour ${input.nom},`,
          `${input.titre}.`,
          ...extrait,
          `Vous recevez cet e-mail à chaque notification ; modifiez ce choix dans votre compte : ${input.preferencesUrl}`,
        ],
        { label: 'Ouvrir dans Trame', url: input.url },
      );
}

/** The daily digest of a person's notifications not yet read. */
export function digestMail(
  locale: Locale,
  input: {
    nom: string;
    items: { titre: string; extrait: string; url: string }[];
    url: string;
    preferencesUrl: string;
  },
): Content {
  const lines = input.items.map(
    (item) => `• ${item.titre}${item.extrait ? ` — « ${item.extrait} »` : ''}\n${item.url}`,
  );
  const n = input.items.length;
  return locale === 'en'
    ? compose(
        n === 1 ? 'Your Trame digest: 1 notification' : `Your Trame digest: ${n} notifications`,
        [
          `Hello ${input.nom},`,
          'Here is what happened for you on Trame since the last digest:',
          ...lines,
          `You receive one digest a day at most; change it in your account: ${input.preferencesUrl}`,
        ],
        { label: 'Open my notifications', url: input.url },
      )
    : compose(
        n === 1 ? 'Votre résumé Trame : 1 notification' : `Votre résumé Trame : ${n} notifications`,
        [
          `Bonjour ${input.nom},`,
          'Voici ce qui vous concerne sur Trame depuis le dernier résumé :',
          ...lines,
          `Vous recevez au plus un résumé par jour ; modifiez ce choix dans votre compte : ${input.preferencesUrl}`,
        ],
        { label: 'Voir mes notifications', url: input.url },
      );
}
