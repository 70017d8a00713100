import type { Fiche } from '@trame/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { Alert, LiveStatus } from '../../ui/Alert';
import { ButtonLink } from '../../ui/Button';
import { ErrorState, Loading } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { CommentairesSection } from '../commentaires/CommentairesSection';
import { useContratContext } from '../contrats/context';
import { ficheNumero } from './FicheBadges';
import { CalendrierSection } from './page/CalendrierSection';
import { DecisionsSection } from './page/DecisionsSection';
import { DescriptionSection } from './page/DescriptionSection';
import { FicheAside } from './page/FicheAside';
import { FicheHeader } from './page/FicheHeader';
import { FinancementSection } from './page/FinancementSection';
import { HistorySection } from './page/HistorySection';
import { IndicateursSection } from './page/IndicateursSection';
import { IsoSection } from './page/IsoSection';
import { OddSection } from './page/OddSection';
import { PublicationSection } from './page/PublicationSection';
import { RecitSection } from './page/RecitSection';
import { TerritoireSection } from './page/TerritoireSection';
import { useFiche } from './queries';

export function FichePage() {
  const { t } = useTranslation();
  const { ficheId = '' } = useParams();
  const { contrat } = useContratContext();
  const fiche = useFiche(ficheId);
  usePageTitle(
    fiche.data
      ? `${ficheNumero(fiche.data.numero)} ${fiche.data.titre} — ${contrat.nom}`
      : t('sections.fiches'),
  );

  if (fiche.isPending) return <Loading />;
  if (fiche.isError) {
    const missing = isApiError(fiche.error) && [403, 404].includes(fiche.error.status);
    return (
      <section className="notice-page">
        <h2>{t('fiche.unavailable')}</h2>
        <ErrorState
          error={fiche.error}
          onRetry={missing ? undefined : () => void fiche.refetch()}
        />
        <p>
          <ButtonLink to={`/contrats/${contrat.slug}/fiches`} variant="secondary">
            {t('fiche.back')}
          </ButtonLink>
        </p>
      </section>
    );
  }
  return <FicheContent fiche={fiche.data} />;
}

function FicheContent({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  // Arriving from another page, focus went to the contract's title (the page's h1): the fiche's
  // own title, just below, is where the reader wants to start.
  useEffect(() => {
    if (document.activeElement?.tagName === 'H1') document.getElementById('fiche-titre')?.focus();
  }, []);
  return (
    <article className="fiche" aria-labelledby="fiche-titre">
      <FicheHeader fiche={fiche} onAnnounce={setAnnouncement} />
      <LiveStatus message={announcement} />
      {!fiche.droits.modifier && <Alert tone="info" title={t('fiche.readOnly')} />}
      <div className="fiche__layout">
        <div className="fiche__sections">
          <DescriptionSection fiche={fiche} />
          <RecitSection fiche={fiche} />
          <TerritoireSection fiche={fiche} />
          <CalendrierSection fiche={fiche} />
          <FinancementSection fiche={fiche} />
          <IndicateursSection fiche={fiche} />
          <IsoSection fiche={fiche} />
          <OddSection fiche={fiche} />
          <PublicationSection fiche={fiche} />
          <DecisionsSection fiche={fiche} />
          <HistorySection fiche={fiche} />
          <CommentairesSection
            sujetType="fiche"
            sujetId={fiche.id}
            liveSubject={`fiche:${fiche.id}`}
          />
        </div>
        <FicheAside fiche={fiche} />
      </div>
    </article>
  );
}
