import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentVersion } from '../api/documents';
import { useFormat } from '../i18n/format';
import { FormAlert, LiveStatus } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { ErrorState, Loading } from '../ui/Status';
import { VersionComparison } from './VersionComparison';
import { VersionText } from './VersionText';
import {
  useComparison,
  useRestoreVersion,
  useSaveVersion,
  useVersion,
  useVersions,
} from './versionQueries';

const NAME_MIN = 2;
const NAME_MAX = 120;

interface VersionsPanelProps {
  documentName: string;
  /** Saving and restoring need the right to edit the text. */
  canEdit: boolean;
  /** The panel's heading level: `h2` beside the projet, `h4` inside a fiche's section. */
  headingLevel?: 2 | 4;
  title?: string;
}

type Opened = { kind: 'view' | 'compare' | 'restore'; version: DocumentVersion } | null;

/**
 * The named versions of a document: save the text as it is now under a name, read a version,
 * compare it with the current text, or restore it (a new edit everyone receives live).
 */
export function VersionsPanel({
  documentName,
  canEdit,
  headingLevel = 2,
  title,
}: VersionsPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const versions = useVersions(documentName);
  const [opened, setOpened] = useState<Opened>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const restore = useRestoreVersion(documentName);
  const Heading = headingLevel === 2 ? 'h2' : 'h4';

  return (
    <section className="versions" aria-labelledby={headingId}>
      <Heading id={headingId} className="versions__title">
        {title ?? t('versions.title')}
      </Heading>
      <p className="versions__intro">{t('versions.intro')}</p>
      {canEdit && (
        <SaveVersionForm
          documentName={documentName}
          onSaved={(nom) => setAnnouncement(t('versions.saved', { nom }))}
        />
      )}
      <LiveStatus message={announcement} />
      {versions.isPending && <Loading />}
      {versions.isError && (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      )}
      {versions.data &&
        (versions.data.items.length === 0 ? (
          <p className="muted">{t('versions.empty')}</p>
        ) : (
          <ul className="versions__list" aria-label={t('versions.listLabel')}>
            {versions.data.items.map((version) => (
              <li key={version.id} className="versions__item">
                <p className="versions__name">{version.nom}</p>
                <p className="versions__meta">
                  {version.auteur
                    ? t('versions.meta', {
                        date: format.dateTime(version.createdAt),
                        auteur: version.auteur.nom,
                      })
                    : t('versions.metaNoAuthor', { date: format.dateTime(version.createdAt) })}
                </p>
                <div className="versions__actions">
                  <Button
                    variant="tertiary"
                    size="sm"
                    aria-label={t('versions.viewNamed', { nom: version.nom })}
                    onClick={() => setOpened({ kind: 'view', version })}
                  >
                    {t('versions.view')}
                  </Button>
                  <Button
                    variant="tertiary"
                    size="sm"
                    aria-label={t('versions.compareNamed', { nom: version.nom })}
                    onClick={() => setOpened({ kind: 'compare', version })}
                  >
                    {t('versions.compare')}
                  </Button>
                  {canEdit && (
                    <Button
                      variant="tertiary"
                      size="sm"
                      aria-label={t('versions.restoreNamed', { nom: version.nom })}
                      onClick={() => {
                        restore.reset();
                        setOpened({ kind: 'restore', version });
                      }}
                    >
                      {t('versions.restore')}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        ))}

      <Dialog
        open={opened?.kind === 'view'}
        size="lg"
        title={opened ? t('versions.viewTitle', { nom: opened.version.nom }) : ''}
        onClose={() => setOpened(null)}
      >
        {opened?.kind === 'view' && (
          <VersionDialogBody documentName={documentName} version={opened.version} />
        )}
      </Dialog>
      <Dialog
        open={opened?.kind === 'compare'}
        size="lg"
        title={opened ? t('versions.compareTitle', { nom: opened.version.nom }) : ''}
        onClose={() => setOpened(null)}
      >
        {opened?.kind === 'compare' && (
          <ComparisonDialogBody documentName={documentName} version={opened.version} />
        )}
      </Dialog>
      <ConfirmDialog
        open={opened?.kind === 'restore'}
        title={opened ? t('versions.restoreTitle', { nom: opened.version.nom }) : ''}
        confirmLabel={t('versions.restoreConfirm')}
        busy={restore.isPending}
        error={restore.error instanceof Error ? restore.error.message : null}
        fallbackFocusId={headingId}
        onClose={() => setOpened(null)}
        onConfirm={() => {
          if (opened?.kind !== 'restore') return;
          const { version } = opened;
          restore.mutate(version.id, {
            onSuccess: () => {
              setOpened(null);
              setAnnouncement(t('versions.restored', { nom: version.nom }));
            },
          });
        }}
      >
        <p>{t('versions.restoreText')}</p>
      </ConfirmDialog>
    </section>
  );
}

function SaveVersionForm({
  documentName,
  onSaved,
}: {
  documentName: string;
  onSaved: (nom: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveVersion(documentName);
  const [nom, setNom] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const trimmed = nom.trim();
    if (trimmed.length < NAME_MIN) {
      setError(t('validation.tooShort', { count: NAME_MIN }));
      return;
    }
    if (trimmed.length > NAME_MAX) {
      setError(t('validation.tooLong', { count: NAME_MAX }));
      return;
    }
    setAlert(null);
    save.mutate(trimmed, {
      onSuccess: (version) => {
        setNom('');
        onSaved(version.nom);
      },
      onError: (failure) => setAlert(failure.message),
    });
  };

  return (
    <form className="versions__form" onSubmit={submit} noValidate>
      <FormAlert message={alert} />
      <TextField
        label={t('versions.name')}
        hint={t('versions.nameHint')}
        value={nom}
        onChange={(value) => {
          setNom(value);
          setError(undefined);
        }}
        error={error}
        autoComplete="off"
      />
      <Button type="submit" variant="secondary" busy={save.isPending}>
        {t('versions.save')}
      </Button>
    </form>
  );
}

function VersionDialogBody({
  documentName,
  version,
}: {
  documentName: string;
  version: DocumentVersion;
}) {
  const { t } = useTranslation();
  const query = useVersion(documentName, version.id);
  return (
    <div className="dialog__body">
      {query.isPending && <Loading />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <VersionText
          state={query.data.state}
          label={t('versions.viewLabel', { nom: version.nom })}
        />
      )}
    </div>
  );
}

function ComparisonDialogBody({
  documentName,
  version,
}: {
  documentName: string;
  version: DocumentVersion;
}) {
  const query = useComparison(documentName, version.id);
  return (
    <div className="dialog__body">
      {query.isPending && <Loading />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <VersionComparison segments={query.data.segments} />}
    </div>
  );
}
