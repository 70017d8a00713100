import { STATUT_CONTRAT_LABELS, type StatutContrat } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n/labels';
import { Badge, type BadgeTone } from '../../ui/Badge';

const TONES: Record<StatutContrat, BadgeTone> = {
  en_elaboration: 'new',
  signe: 'purple',
  en_mise_en_oeuvre: 'success',
  en_evaluation: 'warning',
};

export function StatutBadge({ statut }: { statut: StatutContrat }) {
  const label = useLabel();
  return <Badge tone={TONES[statut]}>{label(STATUT_CONTRAT_LABELS, statut)}</Badge>;
}

export function PublieBadge({ publie }: { publie: boolean }) {
  const { t } = useTranslation();
  return publie ? (
    <Badge tone="info">{t('contrat.publie')}</Badge>
  ) : (
    <Badge tone="neutral">{t('contrat.nonPublie')}</Badge>
  );
}
