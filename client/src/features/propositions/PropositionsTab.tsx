import {
  PUBLICATION_PROPOSITION_LABELS,
  PUBLICATIONS_PROPOSITION,
  type PublicationProposition,
  propositionReference,
  STATUT_PROPOSITION_LABELS,
  STATUTS_PROPOSITION,
  type StatutProposition,
} from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isMemberView, type PropositionVue } from '../../api/propositions';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/Field';
import { Pagination } from '../../ui/Pagination';
import { Section } from '../../ui/Section';
import { EmptyState, ErrorState, Loading } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';
import { PublicationBadge, StatutPropositionBadge } from './PropositionBadges';
import { PropositionForm } from './PropositionForm';
import { useProposalsOpen, usePropositions } from './queries';

const PAGE_SIZE = 20;

/** The contract's proposals: the list with its filters, and the form to propose an action. */
export function PropositionsTab() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { contrat, allowed } = useContratContext();
  usePageTitle(`${t('sections.propositions')} — ${contrat.nom}`);
  const moderateur = allowed('proposition.moderer');
  const canPropose = allowed('proposition.deposer');
  const open = useProposalsOpen(contrat.id);
  const [statut, setStatut] = useState<StatutProposition | ''>('');
  const [publication, setPublication] = useState<PublicationProposition | ''>('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = usePropositions(contrat.id, {
    statut: statut || undefined,
    publication: publication || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const action = canPropose && open && (
    <Button onClick={() => setCreating(true)}>{t('propositions.add')}</Button>
  );
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <Section
      title={t('propositions.title')}
      description={t('propositions.description')}
      action={action}
    >
      {canPropose && open === false && <Alert tone="info" title={t('propositions.closed')} />}
      <div className="form__row">
        <SelectField
          label={t('propositions.filterStatut')}
          value={statut}
          onChange={(value) => {
            setStatut(value);
            setPage(1);
          }}
          placeholder={t('propositions.allStatuts')}
          options={STATUTS_PROPOSITION.map((value) => ({
            value,
            label: label(STATUT_PROPOSITION_LABELS, value),
          }))}
        />
        {moderateur && (
          <SelectField
            label={t('propositions.filterPublication')}
            value={publication}
            onChange={(value) => {
              setPublication(value);
              setPage(1);
            }}
            placeholder={t('propositions.allPublications')}
            options={PUBLICATIONS_PROPOSITION.map((value) => ({
              value,
              label: label(PUBLICATION_PROPOSITION_LABELS, value),
            }))}
          />
        )}
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          title={statut || publication ? t('propositions.emptyFiltered') : t('propositions.empty')}
        />
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('propositions.count', { count: list.data.total })}
          </p>
          <ul className="propositions" aria-label={t('propositions.listLabel')}>
            {list.data.items.map((proposition) => (
              <PropositionItem key={proposition.id} proposition={proposition} />
            ))}
          </ul>
          <Pagination page={page} pages={pages} onPage={setPage} />
        </>
      )}
      <Dialog
        open={creating}
        title={t('propositions.newTitle')}
        onClose={() => setCreating(false)}
        size="lg"
      >
        {creating && (
          <PropositionForm
            onCancel={() => setCreating(false)}
            onCreated={(created) => {
              setCreating(false);
              navigate(`/contrats/${contrat.slug}/propositions/${created.id}`);
            }}
          />
        )}
      </Dialog>
    </Section>
  );
}

function PropositionItem({ proposition }: { proposition: PropositionVue }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat } = useContratContext();
  const member = isMemberView(proposition) ? proposition : null;
  return (
    <li className="proposition">
      <div className="proposition__header">
        <h3 className="proposition__title">
          <Link to={`/contrats/${contrat.slug}/propositions/${proposition.id}`}>
            <span className="proposition__numero">{propositionReference(proposition.numero)}</span>{' '}
            {proposition.titre}
          </Link>
        </h3>
        <div className="badges">
          <StatutPropositionBadge statut={proposition.statut} />
          {member && <PublicationBadge publication={member.publication} />}
        </div>
      </div>
      <p className="proposition__meta">
        {t('propositions.porteLe', {
          porteur: proposition.porteur,
          date: format.day(proposition.createdAt),
        })}
        {proposition.coutEstimeCents !== null && ` · ${format.euros(proposition.coutEstimeCents)}`}
        {member?.auteur && ` · ${t('propositions.par', { nom: member.auteur.nom })}`}
      </p>
      {proposition.statut === 'non_retenue' && proposition.motifDecision && (
        <p className="proposition__motif">
          {t('propositions.motifNonRetenue', { motif: proposition.motifDecision })}
        </p>
      )}
    </li>
  );
}
