import { useQueryClient } from '@tanstack/react-query';
import type { Fiche, UpdateFicheInput, updateFicheSchema } from '@trame/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { ficheApi } from '../../../api/fiches';
import { Alert, LiveStatus } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { ficheKeys, useFicheMutation } from '../queries';

/** What a section's form sends: some of the fiche's fields, validated by the shared schema. */
export type FichePatch = Omit<ReturnType<typeof updateFicheSchema.parse>, 'version'>;

/** Lets a section's form save, and tells it how the last save went. */
export interface SectionEditor {
  title: string;
  save: (changes: FichePatch, onError: (error: unknown) => void) => void;
  busy: boolean;
  status: string | null;
  conflict: boolean;
  reload: () => void;
}

/** The part of the fiche a section edits, as a key: its form restarts when those values change. */
export function sliceKey(fiche: Fiche, fields: readonly (keyof Fiche)[]): string {
  return JSON.stringify(fields.map((field) => fiche[field]));
}

interface FicheSectionProps {
  id: string;
  fiche: Fiche;
  title: string;
  description?: ReactNode;
  /** The read-only rendering, for people who may not edit the fiche. */
  view: ReactNode;
  /** The form; it should be keyed with `sliceKey` so it restarts from the saved values. */
  children: (editor: SectionEditor) => ReactNode;
}

/**
 * One titled part of the fiche page, saved on its own with the fiche's `version`: if someone
 * saved the fiche in between, the server refuses (409) and the section offers to reload it.
 */
export function FicheSection({ id, fiche, title, description, view, children }: FicheSectionProps) {
  const editor = useSectionEditor(fiche, title);
  return (
    <FicheSectionShell id={id} title={title} description={description}>
      {fiche.droits.modifier ? children(editor) : view}
    </FicheSectionShell>
  );
}

/** Saves part of a fiche with a PATCH carrying the fiche's `version`. */
export function useSectionEditor(fiche: Fiche, title: string): SectionEditor {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const mutation = useFicheMutation(fiche.id, (input: UpdateFicheInput) =>
    ficheApi.update(fiche.id, input),
  );
  return {
    title,
    busy: mutation.isPending,
    status,
    conflict,
    save: (changes, onError) => {
      if (mutation.isPending) return;
      setStatus(null);
      setConflict(false);
      mutation.mutate(
        { ...changes, version: fiche.version },
        {
          onSuccess: () => setStatus(t('fiche.saved', { section: title })),
          onError: (error) => {
            if (isApiError(error, 'fiche_conflict')) setConflict(true);
            else onError(error);
          },
        },
      );
    },
    reload: () => {
      void queryClient.invalidateQueries({ queryKey: ficheKeys.detail(fiche.id) }).then(() => {
        setConflict(false);
        setStatus(t('fiche.reloaded'));
      });
    },
  };
}

/** A titled block of the fiche page (an `h3`: the page's `h2` is the fiche's title). */
export function FicheSectionShell({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="fiche-section" aria-labelledby={`${id}-title`} id={id}>
      <h3 className="fiche-section__title" id={`${id}-title`}>
        {title}
      </h3>
      {description && <p className="fiche-section__description">{description}</p>}
      {children}
    </section>
  );
}

/** The end of a section's form: save button, unsaved-changes cue, confirmation, conflict. */
export function SectionActions({ editor, dirty }: { editor: SectionEditor; dirty: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {editor.conflict && (
        <Alert tone="error" title={t('fiche.conflict')}>
          <p>{t('fiche.conflictHint')}</p>
          <Button variant="secondary" size="sm" onClick={editor.reload}>
            {t('fiche.reload')}
          </Button>
        </Alert>
      )}
      <div className="form__actions">
        <Button
          type="submit"
          busy={editor.busy}
          aria-label={t('fiche.saveSection', { section: editor.title })}
        >
          {t('common.save')}
        </Button>
        {dirty && <span className="badge badge--warning">{t('fiche.unsaved')}</span>}
        <LiveStatus message={dirty ? null : editor.status} />
      </div>
    </>
  );
}
