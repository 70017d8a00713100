import type { ImportRowIssue } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { TableScroll } from '../../ui/TableScroll';

/** What is wrong in the file, line by line, with the line numbers a spreadsheet shows. */
export function ImportErrors({ erreurs }: { erreurs: ImportRowIssue[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableScroll label={t('importFiches.errorsCaption')} className="table-wrap--tall">
      <table className="table table--compact">
        <caption className="sr-only">{t('importFiches.errorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('importFiches.ligne')}
            </th>
            <th scope="col">{t('importFiches.colonne')}</th>
            <th scope="col">{t('importFiches.message')}</th>
          </tr>
        </thead>
        <tbody>
          {erreurs.map((erreur, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list, never reordered.
            <tr key={`${erreur.ligne}-${erreur.colonne ?? ''}-${index}`}>
              <th scope="row" className="num">
                {format.number(erreur.ligne)}
              </th>
              <td>{erreur.colonne ?? '—'}</td>
              <td>{erreur.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
