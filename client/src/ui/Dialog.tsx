import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  size?: 'md' | 'lg';
  /** Where focus goes on close when the element that opened the dialog is gone (it was deleted). */
  fallbackFocusId?: string;
}

/**
 * A modal built on the native `<dialog>`: the browser traps focus, closes on Escape, makes the
 * rest of the page inert and gives focus back to the opener.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  size = 'md',
  fallbackFocusId,
}: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    }
    if (!open && dialog.open) {
      dialog.close();
      if (!opener.current?.isConnected && fallbackFocusId) {
        document.getElementById(fallbackFocusId)?.focus();
      }
    }
  }, [open, fallbackFocusId]);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="dialog__content">
          <div className="dialog__header">
            <h2 className="dialog__title" id={titleId}>
              {title}
            </h2>
            <button type="button" className="dialog__close" onClick={onClose}>
              {t('common.close')}
              <span aria-hidden="true" className="dialog__close-icon">
                ×
              </span>
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
