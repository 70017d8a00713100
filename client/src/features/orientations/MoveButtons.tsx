import { useTranslation } from 'react-i18next';

/**
 * Up and down arrows. They stay enabled while a move is saved: disabling the focused button would
 * drop keyboard focus; a click during a save is ignored by the caller instead.
 */
interface MoveButtonsProps {
  /** Stable prefix of the buttons' ids, so focus can be put back after the list is reordered. */
  idPrefix: string;
  name: string;
  isFirst: boolean;
  isLast: boolean;
  onMove: (delta: -1 | 1) => void;
}

export function MoveButtons({ idPrefix, name, isFirst, isLast, onMove }: MoveButtonsProps) {
  const { t } = useTranslation();
  return (
    <>
      <button
        type="button"
        id={`${idPrefix}-up`}
        className="icon-button"
        disabled={isFirst}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
        <span className="sr-only">{t('orientations.moveUp', { nom: name })}</span>
      </button>
      <button
        type="button"
        id={`${idPrefix}-down`}
        className="icon-button"
        disabled={isLast}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
        <span className="sr-only">{t('orientations.moveDown', { nom: name })}</span>
      </button>
    </>
  );
}

/**
 * Reordering moves the item's DOM node, which drops focus; put it back on the same arrow, or on
 * the other one when the item reached an end of the list. Call it once the new order is rendered.
 */
export function refocusMove(idPrefix: string, delta: -1 | 1) {
  const same = document.getElementById(`${idPrefix}-${delta < 0 ? 'up' : 'down'}`);
  const other = document.getElementById(`${idPrefix}-${delta < 0 ? 'down' : 'up'}`);
  const target = same instanceof HTMLButtonElement && !same.disabled ? same : other;
  target?.focus();
}
