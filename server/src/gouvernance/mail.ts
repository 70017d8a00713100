import { type Locale, TYPE_INSTANCE_LABELS, type TypeInstance } from '@trame/shared';
import { compose } from '../mail/templates.js';

export interface Convocation {
  nom: string;
  contratNom: string;
  instance: { type: TypeInstance; nom: string };
  date: string;
  heure: string | null;
  lieu: string;
  ordreDuJour: string[];
  url: string;
}

function dateLongue(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** The convocation to a séance, with its agenda, sent to each member of the instance. */
export function convocationMail(locale: Locale, input: Convocation) {
  const jour = dateLongue(input.date, locale);
  const points = input.ordreDuJour.map((titre, index) => `${index + 1}. ${titre}`);
  if (locale === 'en') {
    const when = input.heure ? `${jour} at ${input.heure}` : jour;
    return compose(
      `Meeting notice: ${input.instance.nom}, ${jour}`,
      [
        `Hello ${input.nom},`,
        `You are invited to the meeting of the ${TYPE_INSTANCE_LABELS[input.instance.type].en.toLowerCase()} “${input.instance.nom}” (${input.contratNom}) on ${when}${input.lieu ? `, ${input.lieu}` : ''}.`,
        points.length > 0 ? `Agenda:\n${points.join('\n')}` : 'The agenda will follow.',
      ],
      { label: 'Open the meeting', url: input.url },
    );
  }
  const quand = input.heure ? `${jour} à ${input.heure.replace(':', ' h ')}` : jour;
  return compose(
    `Convocation : ${input.instance.nom}, ${jour}`,
    [
      `Bonjour ${input.nom},`,
      `Vous êtes convoqué·e à la séance du ${TYPE_INSTANCE_LABELS[input.instance.type].fr.toLowerCase()} « ${input.instance.nom} » (${input.contratNom}) le ${quand}${input.lieu ? `, ${input.lieu}` : ''}.`,
      points.length > 0 ? `Ordre du jour :\n${points.join('\n')}` : 'L’ordre du jour suivra.',
    ],
    { label: 'Voir la séance', url: input.url },
  );
}
