import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './Alert';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  error?: string | null;
  fallbackFocusId?: string;
}

/** Asks before an action that cannot be undone (removing a member, deleting an orientation…). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  busy = false,
  error = null,
  fallbackFocusId,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={title} onClose={onClose} fallbackFocusId={fallbackFocusId}>
      <div className="dialog__body">{children}</div>
      <FormAlert message={error} />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" onClick={onConfirm} busy={busy}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
