import { type Fiche, updateFicheSchema } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { FormAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import type { FieldErrors } from '../../../ui/form';
import { useForm } from '../../../ui/form';
import { TableScroll } from '../../../ui/TableScroll';
import { FicheSection, SectionActions, type SectionEditor, sliceKey } from './FicheSection';
import { rowKey, withKeys } from './rows';

const FIELDS = ['indicateurs'] as const;

export function IndicateursSection({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  return (
    <FicheSection
      id="indicateurs"
      fiche={fiche}
      title={t('fiche.sectionIndicateurs')}
      description={t('fiche.indicateursDescription')}
      view={<IndicateursView fiche={fiche} />}
    >
      {(editor) => <IndicateursForm key={sliceKey(fiche, FIELDS)} fiche={fiche} editor={editor} />}
    </FicheSection>
  );
}

function IndicateursView({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (fiche.indicateurs.length === 0) return <p className="muted">{t('fiche.noIndicateur')}</p>;
  const caption = t('fiche.indicateursCaption');
  return (
    <TableScroll label={caption}>
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fiche.indicateurLibelle')}</th>
            <th scope="col">{t('fiche.indicateurUnite')}</th>
            <th scope="col" className="num">
              {t('fiche.indicateurCible')}
            </th>
          </tr>
        </thead>
        <tbody>
          {fiche.indicateurs.map((indicateur, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list, never reordered.
            <tr key={`${indicateur.libelle}-${index}`}>
              <th scope="row">{indicateur.libelle}</th>
              <td>{indicateur.unite || '—'}</td>
              <td className="num">
                {indicateur.cible === null ? '—' : format.decimal(indicateur.cible)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** "1 500", "12,5" → a number; '' → no target; anything else is refused. */
function parseCible(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

function IndicateursForm({ fiche, editor }: { fiche: Fiche; editor: SectionEditor }) {
  const { t } = useTranslation();
  const initialRows = fiche.indicateurs.map((indicateur) => ({
    libelle: indicateur.libelle,
    unite: indicateur.unite,
    cible: indicateur.cible === null ? '' : String(indicateur.cible).replace('.', ','),
  }));
  const form = useForm({ indicateurs: withKeys(initialRows) });
  const rows = form.values.indicateurs;
  const plain = rows.map(({ key: _key, ...row }) => row);
  const dirty = JSON.stringify(plain) !== JSON.stringify(initialRows);
  const setRow = (key: number, change: Partial<(typeof rows)[number]>) =>
    form.set(
      'indicateurs',
      rows.map((row) => (row.key === key ? { ...row, ...change } : row)),
    );

  const submit = form.onSubmit(() => {
    const extra: FieldErrors = {};
    const indicateurs = plain.map((row, index) => {
      const cible = parseCible(row.cible);
      if (cible === undefined) extra[`indicateurs.${index}.cible`] = t('fiche.cibleInvalid');
      return { libelle: row.libelle, unite: row.unite, cible: cible ?? null };
    });
    const input = form.validate(updateFicheSchema, { indicateurs }, {}, extra);
    if (input) editor.save(input, form.showError);
  });

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      {rows.length === 0 ? (
        <p className="muted">{t('fiche.noIndicateur')}</p>
      ) : (
        <ol className="edit-rows">
          {rows.map((row, index) => {
            const n = index + 1;
            return (
              <li key={row.key} className="edit-rows__item edit-rows__item--indicateur">
                <TextField
                  label={t('fiche.indicateurLibelleN', { n })}
                  value={row.libelle}
                  onChange={(libelle) => setRow(row.key, { libelle })}
                  error={form.errors[`indicateurs.${index}.libelle`]}
                  autoComplete="off"
                />
                <TextField
                  label={t('fiche.indicateurUniteN', { n })}
                  value={row.unite}
                  onChange={(unite) => setRow(row.key, { unite })}
                  error={form.errors[`indicateurs.${index}.unite`]}
                  autoComplete="off"
                  optional
                />
                <TextField
                  label={t('fiche.indicateurCibleN', { n })}
                  value={row.cible}
                  onChange={(cible) => setRow(row.key, { cible })}
                  error={form.errors[`indicateurs.${index}.cible`]}
                  inputMode="text"
                  autoComplete="off"
                  optional
                />
                <Button
                  size="sm"
                  variant="tertiary"
                  onClick={() =>
                    form.set(
                      'indicateurs',
                      rows.filter((item) => item.key !== row.key),
                    )
                  }
                  aria-label={t('fiche.removeIndicateur', { n })}
                >
                  {t('common.remove')}
                </Button>
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <Button
          size="sm"
          variant="secondary"
          onClick={() =>
            form.set('indicateurs', [...rows, { key: rowKey(), libelle: '', unite: '', cible: '' }])
          }
        >
          {t('fiche.addIndicateur')}
        </Button>
      </div>
      <SectionActions editor={editor} dirty={dirty} />
    </form>
  );
}
