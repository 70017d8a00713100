import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

export function Periode({ debut, fin }: { debut: string | null; fin: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (debut && fin)
    return <>{t('contrat.periode', { debut: format.date(debut), fin: format.date(fin) })}</>;
  if (debut) return <>{t('contrat.depuis', { debut: format.date(debut) })}</>;
  if (fin) return <>{t('contrat.jusquau', { fin: format.date(fin) })}</>;
  return <>{t('contrat.periodeInconnue')}</>;
}
