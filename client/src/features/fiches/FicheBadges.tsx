import { MATURITE_LABELS, type Maturite, TYPE_FICHE_LABELS, type TypeFiche } from '@trame/shared';
import { useLabel } from '../../i18n/labels';
import { Badge, type BadgeTone } from '../../ui/Badge';

/** "F-007": the number people quote in meetings and mails. */
export const ficheNumero = (numero: number) => `F-${String(numero).padStart(3, '0')}`;

const TYPE_TONES: Record<TypeFiche, BadgeTone> = { projet: 'neutral', action: 'info' };

const MATURITE_TONES: Record<Maturite, BadgeTone> = {
  idee: 'neutral',
  en_emergence: 'new',
  en_instruction: 'purple',
  prete_a_demarrer: 'info',
  engagee: 'success',
  realisee: 'success',
  abandonnee: 'warning',
};

/** The colour helps scanning; the text says it all, so colour is never the only cue. */
export function TypeBadge({ type }: { type: TypeFiche }) {
  const label = useLabel();
  return <Badge tone={TYPE_TONES[type]}>{label(TYPE_FICHE_LABELS, type)}</Badge>;
}

export function MaturiteBadge({ maturite }: { maturite: Maturite }) {
  const label = useLabel();
  return <Badge tone={MATURITE_TONES[maturite]}>{label(MATURITE_LABELS, maturite)}</Badge>;
}
