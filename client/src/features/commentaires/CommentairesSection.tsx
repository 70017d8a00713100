import {
  CATEGORIE_LABELS,
  type Commentaire,
  type CommentairePublic,
  corpsSegments,
  type Fil,
  PUBLICATION_COMMENTAIRE_LABELS,
  type SujetCommentaire,
} from '@trame/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commentaireApi, isMemberView } from '../../api/commentaires';
import { useFormat } from '../../i18n/format';
import { currentLocale } from '../../i18n/locale';
import { FormAlert, LiveStatus } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { ErrorState, Loading } from '../../ui/Status';
import { useContratContext } from '../contrats/context';
import { useCommentaireMutation, useFils } from './queries';

interface Props {
  sujetType: SujetCommentaire;
  sujetId: string;
  /** The live subject its comments are sent to (`fiche:<id>`). */
  liveSubject: string;
}

/**
 * The threads of a fiche (or a proposal), with replies, resolution and reports, updated live.
 * Bodies are plain text: React escapes them, mentions are shown as `@Name`.
 */
export function CommentairesSection({ sujetType, sujetId, liveSubject }: Props) {
  const { t } = useTranslation();
  const { contrat, allowed } = useContratContext();
  const fils = useFils(contrat.id, sujetType, sujetId, liveSubject);
  const [status, setStatus] = useState<string | null>(null);
  const headingId = useId();
  // A block of the page it is on (an `h3`: the page's `h2` is the fiche's or proposal's title).
  return (
    <section className="fiche-section commentaires-section" aria-labelledby={headingId}>
      <h3 className="fiche-section__title" id={headingId}>
        {t('commentaires.title')}
      </h3>
      <p className="fiche-section__description">{t('commentaires.description')}</p>
      <LiveStatus message={status} />
      {fils.isPending && <Loading />}
      {fils.isError && <ErrorState error={fils.error} onRetry={() => void fils.refetch()} />}
      {fils.data &&
        (fils.data.items.length === 0 ? (
          <p className="muted">{t('commentaires.none')}</p>
        ) : (
          <ol className="commentaires" aria-label={t('commentaires.threads')}>
            {fils.data.items.map((fil) => (
              <FilView key={fil.id} fil={fil} onStatus={setStatus} />
            ))}
          </ol>
        ))}
      {allowed('commentaire.ecrire') && (
        <CommentForm
          label={t('commentaires.new')}
          submit={t('commentaires.post')}
          onPosted={() => setStatus(t('commentaires.posted'))}
          input={{ sujetType, sujetId }}
        />
      )}
    </section>
  );
}

function FilView({ fil, onStatus }: { fil: Fil; onStatus: (message: string) => void }) {
  const { t } = useTranslation();
  const { contrat, allowed } = useContratContext();
  const [replying, setReplying] = useState(false);
  const replyId = useId();
  const actions = useRef<HTMLDivElement>(null);
  const closeReply = () => {
    setReplying(false);
    actions.current?.querySelector<HTMLElement>('[data-action="repondre"]')?.focus();
  };
  const resolu = fil.etat === 'resolu';
  const etat = useCommentaireMutation(contrat.id, (action: 'resoudre' | 'rouvrir') =>
    commentaireApi.setEtat(contrat.id, fil.id, action),
  );
  return (
    <li
      className={`commentaires__fil${resolu ? ' commentaires__fil--resolu' : ''}`}
      id={`commentaire-${fil.id}`}
    >
      {resolu && (
        <p className="commentaires__etat">
          <Badge tone="success">{t('commentaires.resolu')}</Badge>
        </p>
      )}
      <CommentView commentaire={fil} onStatus={onStatus} />
      {fil.reponses.length > 0 && (
        <ol className="commentaires__reponses" aria-label={t('commentaires.replies')}>
          {fil.reponses.map((reponse) => (
            <li key={reponse.id} id={`commentaire-${reponse.id}`}>
              <CommentView commentaire={reponse} onStatus={onStatus} />
            </li>
          ))}
        </ol>
      )}
      <div className="commentaires__actions" ref={actions}>
        {allowed('commentaire.ecrire') && (
          <Button
            data-action="repondre"
            variant="tertiary"
            size="sm"
            aria-expanded={replying}
            aria-controls={replying ? replyId : undefined}
            onClick={() => setReplying((v) => !v)}
          >
            {t('commentaires.reply')}
          </Button>
        )}
        {isMemberView(fil) && fil.droits.changerEtat && (
          <Button
            variant="tertiary"
            size="sm"
            busy={etat.isPending}
            onClick={() =>
              etat.mutate(fil.etat === 'resolu' ? 'rouvrir' : 'resoudre', {
                onSuccess: () =>
                  onStatus(
                    t(fil.etat === 'resolu' ? 'commentaires.reopened' : 'commentaires.resolved'),
                  ),
              })
            }
          >
            {t(fil.etat === 'resolu' ? 'commentaires.reopen' : 'commentaires.resolve')}
          </Button>
        )}
      </div>
      {replying && (
        <CommentForm
          id={replyId}
          autoFocus
          onCancel={closeReply}
          label={t('commentaires.replyLabel')}
          submit={t('commentaires.sendReply')}
          input={{ sujetType: fil.sujet.type, sujetId: fil.sujet.id, parentId: fil.id }}
          onPosted={() => {
            setReplying(false);
            onStatus(t('commentaires.posted'));
          }}
        />
      )}
    </li>
  );
}

function CommentView({
  commentaire,
  onStatus,
}: {
  commentaire: Commentaire | CommentairePublic;
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = currentLocale();
  const member = isMemberView(commentaire) ? commentaire : null;
  const categorie = CATEGORIE_LABELS[commentaire.categorie][locale];
  const nom = member?.auteur?.nom;
  const publication = member?.publication ?? 'publie';
  return (
    <article className={`commentaire commentaire--${publication}`}>
      <p className="commentaire__meta">
        <strong className="commentaire__auteur">{nom ?? categorie}</strong>
        {nom && <span className="commentaire__categorie">{categorie}</span>}
        <time dateTime={commentaire.createdAt}>{format.dateTime(commentaire.createdAt)}</time>
        {commentaire.modifieLe && <span>{t('commentaires.edited')}</span>}
      </p>
      {commentaire.ancre && (
        <blockquote
          className={`commentaire__ancre${commentaire.ancre.passageSupprime ? ' commentaire__ancre--supprime' : ''}`}
        >
          {commentaire.ancre.passageSupprime
            ? `${t('commentaires.passageSupprime')} « ${commentaire.ancre.extrait} »`
            : commentaire.ancre.passage}
        </blockquote>
      )}
      {member && member.publication !== 'publie' && (
        <p className="commentaire__moderation">
          <Badge tone={member.publication === 'masque' ? 'neutral' : 'warning'}>
            {PUBLICATION_COMMENTAIRE_LABELS[member.publication][locale]}
          </Badge>
          {member.publication === 'en_attente' && (
            <span className="muted">{t('commentaires.pendingHint')}</span>
          )}
          {member.moderation?.motif && (
            <span>{t('commentaires.motif', { motif: member.moderation.motif })}</span>
          )}
        </p>
      )}
      <p className="commentaire__corps">
        {corpsSegments(commentaire.corps).map((segment, i) =>
          'texte' in segment ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments of one immutable body
            <span key={i}>{segment.texte}</span>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments of one immutable body
            <span key={i} className="mention">
              @{segment.mention.nom}
            </span>
          ),
        )}
      </p>
      {member && <CommentActions commentaire={member} onStatus={onStatus} />}
    </article>
  );
}

function CommentActions({
  commentaire,
  onStatus,
}: {
  commentaire: Commentaire;
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const [reporting, setReporting] = useState(false);
  const [motif, setMotif] = useState('');
  const actions = useRef<HTMLDivElement>(null);
  const reportField = useFocusFirstField<HTMLFormElement>(reporting);
  const closeReport = () => {
    setReporting(false);
    setMotif('');
    // Back on the button that opened the form, once it is shown again.
    requestAnimationFrame(() =>
      actions.current?.querySelector<HTMLElement>('[data-action="signaler"]')?.focus(),
    );
  };
  const remove = useCommentaireMutation(contrat.id, () =>
    commentaireApi.remove(contrat.id, commentaire.id),
  );
  const report = useCommentaireMutation(contrat.id, (reason: string) =>
    commentaireApi.report(contrat.id, commentaire.id, reason),
  );
  const { droits } = commentaire;
  if (!droits.supprimer && !droits.signaler) return null;
  const submitReport = (event: FormEvent) => {
    event.preventDefault();
    report.mutate(motif.trim(), {
      onSuccess: () => {
        setReporting(false);
        onStatus(t('commentaires.reported'));
      },
    });
  };
  return (
    <div className="commentaires__actions" ref={actions}>
      {droits.supprimer && (
        <Button
          variant="tertiary"
          size="sm"
          busy={remove.isPending}
          onClick={() =>
            remove.mutate(undefined, { onSuccess: () => onStatus(t('commentaires.deleted')) })
          }
        >
          {t('commentaires.delete')}
        </Button>
      )}
      {droits.signaler && !reporting && (
        <Button
          data-action="signaler"
          variant="tertiary"
          size="sm"
          onClick={() => setReporting(true)}
        >
          {t('commentaires.report')}
        </Button>
      )}
      {reporting && (
        <form
          ref={reportField}
          onSubmit={submitReport}
          className="commentaires__form commentaires__form--report"
        >
          <TextArea
            label={t('commentaires.reportMotif')}
            hint={t('commentaires.reportHint')}
            value={motif}
            onChange={setMotif}
            rows={2}
          />
          <FormAlert message={report.error ? report.error.message : null} />
          <div className="commentaires__form-actions">
            <Button type="submit" size="sm" busy={report.isPending} disabled={!motif.trim()}>
              {t('commentaires.sendReport')}
            </Button>
            <Button variant="secondary" size="sm" onClick={closeReport}>
              {t('commentaires.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

function CommentForm({
  id,
  label,
  submit,
  input,
  onPosted,
  onCancel,
  autoFocus = false,
}: {
  id?: string;
  label: string;
  submit: string;
  input: { sujetType: SujetCommentaire; sujetId: string; parentId?: string };
  onPosted: () => void;
  /** Shown as a “Cancel” button (a reply form can be closed). */
  onCancel?: () => void;
  /** Focus the text field when the form appears (a reply opened from its button). */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const [corps, setCorps] = useState('');
  const formRef = useFocusFirstField<HTMLFormElement>(autoFocus);
  const create = useCommentaireMutation(contrat.id, (text: string) =>
    commentaireApi.create(contrat.id, { ...input, corps: text }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(corps, {
      onSuccess: () => {
        setCorps('');
        onPosted();
      },
    });
  };
  return (
    <form id={id} ref={formRef} onSubmit={onSubmit} className="commentaires__form">
      <TextArea label={label} value={corps} onChange={setCorps} rows={3} />
      <FormAlert message={create.error ? create.error.message : null} />
      <div className="commentaires__form-actions">
        <Button
          type="submit"
          size={onCancel ? 'sm' : 'md'}
          busy={create.isPending}
          disabled={!corps.trim()}
        >
          {submit}
        </Button>
        {onCancel && (
          <Button variant="secondary" size="sm" onClick={onCancel}>
            {t('commentaires.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

/** Moves focus into a form's first text field when it appears (`active` turns true). */
function useFocusFirstField<E extends HTMLElement>(active: boolean) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (active) ref.current?.querySelector<HTMLElement>('textarea, input')?.focus();
  }, [active]);
  return ref;
}
