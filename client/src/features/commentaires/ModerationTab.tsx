import {
  CATEGORIE_LABELS,
  type Commentaire,
  type CommentaireAModerer,
  corpsEnTexte,
  MODE_MODERATION_LABELS,
  MODES_MODERATION,
  type ModeModeration,
  PUBLICATION_COMMENTAIRE_LABELS,
} from '@trame/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { commentaireApi } from '../../api/commentaires';
import { useFormat } from '../../i18n/format';
import { currentLocale } from '../../i18n/locale';
import { FormAlert, LiveStatus } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { EmptyState, ErrorState, Loading } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';
import { useCommentaireMutation, useFileModeration } from './queries';

/** The animateur's moderation queue: waiting and reported comments, updated live. */
export function ModerationTab() {
  const { t } = useTranslation();
  const { contrat, allowed } = useContratContext();
  usePageTitle(`${t('moderation.title')} — ${contrat.nom}`);
  const file = useFileModeration(contrat.id);
  const [status, setStatus] = useState<string | null>(null);
  const locale = currentLocale();
  const mode = useCommentaireMutation(contrat.id, (value: ModeModeration) =>
    commentaireApi.setMode(contrat.id, value),
  );
  if (!allowed('commentaire.moderer'))
    return <ErrorState error={new Error(t('moderation.forbidden'))} />;
  return (
    <Section title={t('moderation.title')} description={t('moderation.description')}>
      <LiveStatus message={status} />
      {file.isPending && <Loading />}
      {file.isError && <ErrorState error={file.error} onRetry={() => void file.refetch()} />}
      {file.data && (
        <>
          {allowed('contrat.modifier') && (
            <div className="moderation-mode">
              <SelectField
                label={t('moderation.mode')}
                value={file.data.mode}
                options={MODES_MODERATION.map((value) => ({
                  value,
                  label: MODE_MODERATION_LABELS[value][locale],
                }))}
                onChange={(value) =>
                  mode.mutate(value, { onSuccess: () => setStatus(t('moderation.modeSaved')) })
                }
              />
            </div>
          )}
          {file.data.commentaires.length === 0 ? (
            <EmptyState title={t('moderation.empty')} />
          ) : (
            <ol className="moderation-queue" aria-label={t('moderation.queue')}>
              {file.data.commentaires.map((item) => (
                <QueueItem key={item.commentaire.id} item={item} onStatus={setStatus} />
              ))}
            </ol>
          )}
          {file.data.propositions.length > 0 && (
            <p className="notice">
              <Link to={`/contrats/${contrat.slug}/propositions`}>
                {t('moderation.propositions', { count: file.data.propositions.length })}
              </Link>
            </p>
          )}
        </>
      )}
    </Section>
  );
}

function QueueItem({
  item,
  onStatus,
}: {
  item: CommentaireAModerer;
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const format = useFormat();
  const locale = currentLocale();
  const [motif, setMotif] = useState('');
  const headingId = useId();
  const { commentaire, signalements } = item;
  const subject = subjectLink(contrat.slug, commentaire);
  const publish = useCommentaireMutation(contrat.id, () =>
    commentaireApi.publish(contrat.id, commentaire.id),
  );
  const hide = useCommentaireMutation(contrat.id, (reason: string) =>
    commentaireApi.hide(contrat.id, commentaire.id, reason),
  );
  const onHide = (event: FormEvent) => {
    event.preventDefault();
    hide.mutate(motif.trim(), { onSuccess: () => onStatus(t('moderation.hidden')) });
  };
  return (
    <li className="moderation-item">
      <article aria-labelledby={headingId}>
        <p className="moderation-item__head">
          <Badge tone={signalements.length > 0 ? 'purple' : 'warning'}>
            {signalements.length > 0
              ? t('moderation.signale', { count: signalements.length })
              : PUBLICATION_COMMENTAIRE_LABELS[commentaire.publication][locale]}
          </Badge>
          <Link className="moderation-item__sujet" to={subject.to}>
            {t(subject.label)}
          </Link>
        </p>
        <p className="commentaire__meta" id={headingId}>
          <strong className="commentaire__auteur">{commentaire.auteur?.nom ?? '—'}</strong>
          <span className="commentaire__categorie">
            {CATEGORIE_LABELS[commentaire.categorie][locale]}
          </span>
          <time dateTime={commentaire.createdAt}>{format.dateTime(commentaire.createdAt)}</time>
        </p>
        {commentaire.ancre && (
          <blockquote className="commentaire__ancre">{commentaire.ancre.extrait}</blockquote>
        )}
        <p className="commentaire__corps">{corpsEnTexte(commentaire.corps)}</p>
        {signalements.length > 0 && (
          <ul className="moderation-item__reports" aria-label={t('moderation.reports')}>
            {signalements.map((s) => (
              <li key={s.id}>
                <strong>{t('moderation.reportBy', { nom: s.par?.nom ?? '—' })}</strong>{' '}
                <time dateTime={s.createdAt}>{format.dateTime(s.createdAt)}</time> : {s.motif}
              </li>
            ))}
          </ul>
        )}
      </article>
      <div className="moderation-item__decision">
        <div className="commentaires__actions">
          {commentaire.droits.publier && (
            <Button
              size="sm"
              busy={publish.isPending}
              onClick={() =>
                publish.mutate(undefined, { onSuccess: () => onStatus(t('moderation.published')) })
              }
            >
              {t(commentaire.publication === 'publie' ? 'moderation.keep' : 'moderation.publish')}
            </Button>
          )}
        </div>
        {commentaire.droits.masquer && (
          <form onSubmit={onHide} className="commentaires__form moderation-item__hide">
            <TextArea label={t('moderation.motif')} value={motif} onChange={setMotif} rows={2} />
            <FormAlert message={hide.error ? hide.error.message : null} />
            <Button
              type="submit"
              variant="secondary"
              size="sm"
              busy={hide.isPending}
              disabled={!motif.trim()}
            >
              {t('moderation.hide')}
            </Button>
          </form>
        )}
      </div>
    </li>
  );
}

/** Where a comment of the queue is read, in context: its fiche, proposal or document. */
type SubjectLabel = 'moderation.voirFiche' | 'moderation.voirProposition' | 'moderation.voirProjet';

function subjectLink(slug: string, commentaire: Commentaire): { to: string; label: SubjectLabel } {
  const { type, id } = commentaire.sujet;
  const hash = `#commentaire-${commentaire.id}`;
  if (type === 'proposition') {
    return {
      to: `/contrats/${slug}/propositions/${id}${hash}`,
      label: 'moderation.voirProposition',
    };
  }
  if (type === 'fiche') {
    return { to: `/contrats/${slug}/fiches/${id}${hash}`, label: 'moderation.voirFiche' };
  }
  // A collaborative document: `fiche:<id>` (a fiche's récit) or `contrat:<id>:projet`.
  const fiche = /^fiche:(.+)$/.exec(id);
  return fiche
    ? { to: `/contrats/${slug}/fiches/${fiche[1]}`, label: 'moderation.voirFiche' }
    : { to: `/contrats/${slug}/projet`, label: 'moderation.voirProjet' };
}
