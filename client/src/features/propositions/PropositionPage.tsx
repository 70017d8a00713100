import {
  CATEGORIE_LABELS,
  ISO_DOMAINE_LABELS,
  type PropositionDetail,
  type PropositionPublique,
  propositionReference,
  STATUT_PROPOSITION_LABELS,
} from '@trame/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { isMemberView } from '../../api/propositions';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { Alert, LiveStatus } from '../../ui/Alert';
import { ButtonLink } from '../../ui/Button';
import { Section } from '../../ui/Section';
import { ErrorState, Loading } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';
import { ficheNumero } from '../fiches/FicheBadges';
import { useSourceLabel } from '../fiches/queries';
import { PropositionActions } from './PropositionActions';
import { PublicationBadge, StatutPropositionBadge } from './PropositionBadges';
import { useProposition } from './queries';

export function PropositionPage() {
  const { t } = useTranslation();
  const { propositionId = '' } = useParams();
  const { contrat } = useContratContext();
  const proposition = useProposition(contrat.id, propositionId);
  usePageTitle(
    proposition.data
      ? `${propositionReference(proposition.data.numero)} ${proposition.data.titre} — ${contrat.nom}`
      : t('sections.propositions'),
  );
  const back = (
    <ButtonLink to={`/contrats/${contrat.slug}/propositions`} variant="secondary">
      {t('propositions.back')}
    </ButtonLink>
  );

  if (proposition.isPending) return <Loading />;
  if (proposition.isError) {
    const missing =
      isApiError(proposition.error) && [401, 403, 404].includes(proposition.error.status);
    return (
      <section className="notice-page">
        <h2>{t('propositions.unavailable')}</h2>
        <ErrorState
          error={proposition.error}
          onRetry={missing ? undefined : () => void proposition.refetch()}
        />
        <p>{back}</p>
      </section>
    );
  }
  return (
    <>
      <PropositionContent proposition={proposition.data} />
      <p>{back}</p>
    </>
  );
}

function PropositionContent({
  proposition,
}: {
  proposition: PropositionDetail | PropositionPublique;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const { contrat } = useContratContext();
  const sourceLabel = useSourceLabel(contrat.id);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const member = isMemberView(proposition) ? proposition : null;
  useEffect(() => {
    if (document.activeElement?.tagName === 'H1') {
      document.getElementById('proposition-titre')?.focus();
    }
  }, []);

  return (
    <article className="proposition-page" aria-labelledby="proposition-titre">
      <header className="proposition-page__header">
        <h2 id="proposition-titre" tabIndex={-1}>
          <span className="proposition__numero">{propositionReference(proposition.numero)}</span>{' '}
          {proposition.titre}
        </h2>
        <div className="badges">
          <StatutPropositionBadge statut={proposition.statut} />
          {member && <PublicationBadge publication={member.publication} />}
        </div>
      </header>
      <LiveStatus message={announcement} />
      {member?.publication === 'en_attente' && (
        <Alert tone="info" title={t('propositions.pendingNotice')} />
      )}
      {member?.publication === 'masquee' && (
        <Alert tone="info" title={t('propositions.hiddenNotice')}>
          {member.moderation && (
            <p>
              {t('propositions.hiddenReason', {
                date: format.day(member.moderation.le),
                motif: member.moderation.motif ?? '',
              })}
            </p>
          )}
        </Alert>
      )}
      <p className="proposition__description">{proposition.description}</p>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('propositions.porteur')}</dt>
          <dd>{proposition.porteur}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('propositions.cout')}</dt>
          <dd>
            {proposition.coutEstimeCents === null
              ? t('propositions.coutUnknown')
              : format.euros(proposition.coutEstimeCents)}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('propositions.isoDomaine')}</dt>
          <dd>
            {proposition.isoDomaine
              ? label(ISO_DOMAINE_LABELS, proposition.isoDomaine)
              : t('propositions.none')}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('propositions.deposeeLe')}</dt>
          <dd>{format.day(proposition.createdAt)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('propositions.categorie')}</dt>
          <dd>{label(CATEGORIE_LABELS, proposition.categorie)}</dd>
        </div>
        {member?.auteur && (
          <div className="facts__item">
            <dt>{t('propositions.auteur')}</dt>
            <dd>{member.auteur.nom}</dd>
          </div>
        )}
      </dl>
      <dl className="facts facts--stacked">
        <div className="facts__item">
          <dt>{t('propositions.financements')}</dt>
          <dd>
            {proposition.financementsRecherches.length === 0
              ? t('propositions.none')
              : proposition.financementsRecherches.map(sourceLabel).join(', ')}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('propositions.communes')}</dt>
          <dd>
            {proposition.communes.length === 0
              ? t('propositions.none')
              : proposition.communes.map((c) => c.nom).join(', ')}
          </dd>
        </div>
      </dl>
      <Decision proposition={proposition} />
      {member && <PropositionActions proposition={member} onAnnounce={setAnnouncement} />}
      {member && <History proposition={member} />}
    </article>
  );
}

function Decision({ proposition }: { proposition: PropositionDetail | PropositionPublique }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat } = useContratContext();
  const member = isMemberView(proposition) ? proposition : null;
  if (proposition.statut !== 'retenue' && proposition.statut !== 'non_retenue') return null;
  return (
    <Section title={t('propositions.decision')}>
      <p>
        {t(
          proposition.statut === 'retenue' ? 'propositions.retenueLe' : 'propositions.nonRetenueLe',
          {
            date: proposition.decideeLe ? format.day(proposition.decideeLe) : '',
          },
        )}
        {member?.decideePar && ` ${t('propositions.par', { nom: member.decideePar.nom })}`}
      </p>
      {proposition.motifDecision && (
        <p>
          <strong>
            {proposition.statut === 'non_retenue'
              ? t('propositions.motifPublic')
              : t('propositions.noteComite')}
          </strong>{' '}
          {proposition.motifDecision}
        </p>
      )}
      {proposition.fiche && (
        <p>
          <Link to={`/contrats/${contrat.slug}/fiches/${proposition.fiche.id}`}>
            {t('propositions.voirFiche', { numero: ficheNumero(proposition.fiche.numero) })}
          </Link>
        </p>
      )}
    </Section>
  );
}

function History({ proposition }: { proposition: PropositionDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  return (
    <Section title={t('propositions.historique')}>
      <ol className="proposition-history">
        {proposition.historique.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.at}>{format.dateTime(entry.at)}</time> —{' '}
            {entry.de
              ? t('propositions.historyChange', {
                  de: label(STATUT_PROPOSITION_LABELS, entry.de),
                  vers: label(STATUT_PROPOSITION_LABELS, entry.vers),
                })
              : t('propositions.historyCreated')}
            {entry.auteur && ` ${t('propositions.par', { nom: entry.auteur.nom })}`}
            {entry.motif && (
              <span className="proposition-history__motif">
                {' '}
                {t('propositions.historyMotif', { motif: entry.motif })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}
