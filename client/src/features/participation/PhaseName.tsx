import { type Phase, TYPE_PHASE_LABELS } from '@trame/shared';
import { useLabel } from '../../i18n/labels';

/** A phase's own label, or the name of its kind. */
export function usePhaseName() {
  const label = useLabel();
  return (phase: Pick<Phase, 'type' | 'libelle'>) =>
    phase.libelle || label(TYPE_PHASE_LABELS, phase.type);
}
