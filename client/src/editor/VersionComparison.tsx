import { useTranslation } from 'react-i18next';
import type { DiffSegment } from '../api/documents';

/**
 * A version (before) against the current text (after), word by word. Added and deleted words
 * are `<ins>` and `<del>`: underlined or struck through, with words for screen readers, not
 * told by colour alone.
 */
export function VersionComparison({ segments }: { segments: DiffSegment[] }) {
  const { t } = useTranslation();
  const changed = segments.some((segment) => segment.type !== 'egal');
  return (
    <>
      <div className="diff-legend">
        <p className="diff-legend__title">{t('versions.legend')}</p>
        <ul className="diff-legend__list">
          <li>
            <ins className="diff__added">{t('versions.legendAdded')}</ins>
          </li>
          <li>
            <del className="diff__removed">{t('versions.legendRemoved')}</del>
          </li>
        </ul>
      </div>
      {!changed && <p className="muted">{t('versions.noChange')}</p>}
      <div className="diff">
        {segments.map((segment, index) => {
          const key = `${index}-${segment.type}`;
          if (segment.type === 'ajout') {
            return (
              <ins key={key} className="diff__added">
                <span className="sr-only">{t('versions.addedStart')}</span>
                {segment.texte}
                <span className="sr-only">{t('versions.changeEnd')}</span>
              </ins>
            );
          }
          if (segment.type === 'suppression') {
            return (
              <del key={key} className="diff__removed">
                <span className="sr-only">{t('versions.removedStart')}</span>
                {segment.texte}
                <span className="sr-only">{t('versions.changeEnd')}</span>
              </del>
            );
          }
          return <span key={key}>{segment.texte}</span>;
        })}
      </div>
    </>
  );
}
