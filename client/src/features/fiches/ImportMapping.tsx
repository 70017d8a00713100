import { IMPORT_FIELDS, type ImportField } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { InlineSelect } from '../../ui/InlineSelect';
import { TableScroll } from '../../ui/TableScroll';

/** Column header → the field it fills, or '' to leave the column out. */
export type Mapping = Record<string, ImportField | ''>;

interface ImportMappingProps {
  columns: string[];
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
}

export function ImportMapping({ columns, mapping, onChange }: ImportMappingProps) {
  const { t } = useTranslation();
  const options = [
    { value: '' as const, label: t('importFiches.ignore') },
    ...IMPORT_FIELDS.map((field) => ({ value: field, label: t(`importFields.${field}`) })),
  ];
  return (
    <>
      <h3 className="import__step">{t('importFiches.mapping')}</h3>
      <p className="muted">{t('importFiches.mappingHint')}</p>
      <TableScroll label={t('importFiches.mapping')} className="table-wrap--tall">
        <table className="table table--compact">
          <caption className="sr-only">{t('importFiches.mapping')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('importFiches.column')}</th>
              <th scope="col">{t('importFiches.field')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => (
              <tr key={column}>
                <th scope="row">{column}</th>
                <td>
                  <InlineSelect<ImportField | ''>
                    label={t('importFiches.fieldFor', { colonne: column })}
                    value={mapping[column] ?? ''}
                    options={options}
                    onChange={(value) => onChange({ ...mapping, [column]: value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
