import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';
import { EvenementsSection } from './EvenementsSection';
import { PhasesSection } from './PhasesSection';
import { RapportSection } from './RapportSection';

/** The contract's phases, the events held in them, and the participation report. */
export function ParticipationTab() {
  const { t } = useTranslation();
  const { contrat, allowed } = useContratContext();
  usePageTitle(`${t('sections.participation')} — ${contrat.nom}`);
  if (!allowed('participation.lire')) {
    return <Alert tone="info" title={t('participation.notAllowed')} />;
  }
  return (
    <>
      <PhasesSection />
      <EvenementsSection />
      <RapportSection />
    </>
  );
}
