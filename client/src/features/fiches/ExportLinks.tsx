import { EXPORT_FORMATS } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { ficheApi } from '../../api/fiches';
import { useContratContext } from '../contrats/context';

/** Plain links: the browser downloads the file itself, with the session cookie. */
export function ExportLinks() {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  return (
    <ul className="export-links" aria-label={t('fiches.export')}>
      {EXPORT_FORMATS.map((format) => (
        <li key={format}>
          <a
            className="btn btn--tertiary btn--sm"
            href={ficheApi.exportUrl(contrat.id, format)}
            download
          >
            {t('fiches.exportAs', { format: format.toUpperCase() })}
          </a>
        </li>
      ))}
    </ul>
  );
}
