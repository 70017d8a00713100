import {
  PUBLICATION_PROPOSITION_LABELS,
  type PublicationProposition,
  STATUT_PROPOSITION_LABELS,
  type StatutProposition,
} from '@trame/shared';
import { useLabel } from '../../i18n/labels';
import { Badge, type BadgeTone } from '../../ui/Badge';

const STATUT_TONES: Record<StatutProposition, BadgeTone> = {
  deposee: 'new',
  en_instruction: 'info',
  retenue: 'success',
  non_retenue: 'neutral',
};

const PUBLICATION_TONES: Record<PublicationProposition, BadgeTone> = {
  en_attente: 'warning',
  publiee: 'neutral',
  masquee: 'purple',
};

export function StatutPropositionBadge({ statut }: { statut: StatutProposition }) {
  const label = useLabel();
  return <Badge tone={STATUT_TONES[statut]}>{label(STATUT_PROPOSITION_LABELS, statut)}</Badge>;
}

/** Shown only when the proposal is not simply published: waiting for moderation, or hidden. */
export function PublicationBadge({ publication }: { publication: PublicationProposition }) {
  const label = useLabel();
  if (publication === 'publiee') return null;
  return (
    <Badge tone={PUBLICATION_TONES[publication]}>
      {label(PUBLICATION_PROPOSITION_LABELS, publication)}
    </Badge>
  );
}
