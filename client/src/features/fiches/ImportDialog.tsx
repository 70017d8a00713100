import { useMutation } from '@tanstack/react-query';
import type { ExportFormat, ImportField, ImportReport } from '@trame/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ficheApi, type ImportRequest } from '../../api/fiches';
import { Alert, FormAlert, LiveStatus } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useContratContext } from '../contrats/context';
import { ImportErrors } from './ImportErrors';
import { ImportMapping, type Mapping } from './ImportMapping';
import { useInvalidateFiches } from './queries';

/** The API takes files of up to 14 million base64 characters, about 10 MB. */
const MAX_BYTES = 10 * 1024 * 1024;

interface LoadedFile {
  name: string;
  format: ExportFormat;
  contenu: string;
}

function formatOf(name: string): ExportFormat | null {
  const extension = name.toLowerCase().split('.').pop();
  return extension === 'xlsx' || extension === 'csv' ? extension : null;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const chosen = (mapping: Mapping) =>
  Object.fromEntries(
    Object.entries(mapping).filter((entry): entry is [string, ImportField] => entry[1] !== ''),
  );

const sameMapping = (a: Mapping, b: Mapping) =>
  JSON.stringify(chosen(a)) === JSON.stringify(chosen(b));

interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  onImported: (count: number) => void;
}

export function ImportDialog({ open, onClose, onImported }: ImportDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('importFiches.title')} onClose={onClose} size="lg">
      <ImportSteps onClose={onClose} onImported={onImported} />
    </Dialog>
  );
}

/**
 * Choose a file → the server analyses it and suggests which field each column fills → adjust →
 * check (a dry run) → import, only once a check of this very mapping found no error.
 */
function ImportSteps({ onClose, onImported }: Omit<ImportDialogProps, 'open'>) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const invalidate = useInvalidateFiches();
  const fileId = useId();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Mapping>({});
  /** The last dry run and the mapping it checked. */
  const [checked, setChecked] = useState<{ report: ImportReport; mapping: Mapping } | null>(null);

  const call = useMutation({
    mutationFn: (input: ImportRequest) => ficheApi.importFiches(contrat.id, input),
  });

  const onFile = async (picked: File | undefined) => {
    setFile(null);
    setColumns([]);
    setChecked(null);
    call.reset();
    setFileError(null);
    if (!picked) return;
    const format = formatOf(picked.name);
    if (!format) return setFileError(t('importFiches.badFormat'));
    if (picked.size > MAX_BYTES) return setFileError(t('importFiches.tooBig'));
    try {
      setFile({ name: picked.name, format, contenu: await readBase64(picked) });
    } catch {
      setFileError(t('importFiches.unreadable'));
    }
  };

  const analyse = () => {
    if (!file) return setFileError(t('importFiches.noFile'));
    call.mutate(
      { format: file.format, contenu: file.contenu },
      {
        onSuccess: (report) => {
          const suggested: Mapping = Object.fromEntries(
            report.colonnes.map((colonne) => [colonne, report.correspondance[colonne] ?? '']),
          );
          setColumns(report.colonnes);
          setMapping(suggested);
          // The analysis is a dry run of the suggested mapping: it counts as a check of it.
          setChecked({ report, mapping: suggested });
        },
      },
    );
  };

  const send = (simulation: boolean) => {
    if (!file) return;
    const sent = mapping;
    call.mutate(
      { format: file.format, contenu: file.contenu, correspondance: chosen(sent), simulation },
      {
        onSuccess: async (report) => {
          if (simulation) {
            setChecked({ report, mapping: sent });
            return;
          }
          await invalidate();
          onImported(report.importees);
        },
        onError: (error) => {
          const rapport = isApiError(error) ? reportOf(error.body) : null;
          if (rapport) setChecked({ report: rapport, mapping: sent });
        },
      },
    );
  };

  const current = checked && sameMapping(checked.mapping, mapping) ? checked.report : null;
  const canImport = current !== null && current.erreurs.length === 0 && current.lignes > 0;
  const error = call.error && !(isApiError(call.error) && reportOf(call.error.body));

  return (
    <div className="form import">
      <p className="muted">{t('importFiches.intro')}</p>
      <div className={`field${fileError ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={fileId}>
          {t('importFiches.file')}
        </label>
        <p className="field__hint" id={`${fileId}-hint`}>
          {t('importFiches.fileHint')}
        </p>
        <input
          id={fileId}
          className="input input--file"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
          aria-invalid={fileError ? true : undefined}
          onChange={(event) => void onFile(event.target.files?.[0])}
        />
        {fileError && (
          <p className="field__error" id={`${fileId}-error`}>
            {fileError}
          </p>
        )}
      </div>
      {columns.length === 0 && (
        <div className="form__actions">
          <Button onClick={analyse} busy={call.isPending} disabled={!file}>
            {t('importFiches.analyse')}
          </Button>
        </div>
      )}
      <FormAlert message={error && call.error instanceof Error ? call.error.message : null} />
      {columns.length > 0 && (
        <>
          <ImportMapping columns={columns} mapping={mapping} onChange={setMapping} />
          <div className="form__actions">
            <Button variant="secondary" onClick={() => send(true)} busy={call.isPending}>
              {t('importFiches.verify')}
            </Button>
            <Button onClick={() => send(false)} busy={call.isPending} disabled={!canImport}>
              {t('importFiches.import')}
            </Button>
          </div>
          <ImportStatus report={current} />
          {current && current.erreurs.length > 0 && <ImportErrors erreurs={current.erreurs} />}
        </>
      )}
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onClose}>
          {t('common.close')}
        </Button>
      </div>
    </div>
  );
}

function ImportStatus({ report }: { report: ImportReport | null }) {
  const { t } = useTranslation();
  if (!report) return <LiveStatus message={t('importFiches.mustVerify')} />;
  if (report.erreurs.length > 0) {
    return (
      <Alert tone="error" title={t('importFiches.errors', { count: report.erreurs.length })}>
        <p>{t('importFiches.errorsHint')}</p>
      </Alert>
    );
  }
  return <Alert tone="success" title={t('importFiches.ready', { count: report.lignes })} />;
}

function reportOf(body: unknown): ImportReport | null {
  if (typeof body !== 'object' || body === null || !('rapport' in body)) return null;
  return (body as { rapport: ImportReport }).rapport;
}
