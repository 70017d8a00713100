import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import type { ConnectionStatus as Status } from './useCollabSession';

/**
 * The state of the connection, in words, in a polite live region that is always in the page (so
 * a change is announced). When the server closed the connection for good, an alert explains
 * that the page must be reloaded.
 */
export function ConnectionStatus({ status, editable }: { status: Status; editable: boolean }) {
  const { t } = useTranslation();
  const text = {
    connected: t('editor.statusConnected'),
    syncing: t('editor.statusSyncing'),
    offline: editable ? t('editor.statusOffline') : t('editor.statusOfflineReadOnly'),
    unreachable: t('editor.statusUnreachable'),
    accessChanged: t('editor.statusAccessChanged'),
  }[status];
  return (
    <>
      <p
        className={`connection-status connection-status--${status}`}
        aria-live="polite"
        aria-atomic="true"
        data-status={status}
      >
        <span className="connection-status__dot" aria-hidden="true" />
        <span className="sr-only">{t('editor.statusLabel')} </span>
        {text}
      </p>
      {status === 'accessChanged' && (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">{t('editor.statusAccessChanged')}</p>
          <div className="alert__body">
            <Button variant="secondary" size="sm" onClick={() => window.location.reload()}>
              {t('editor.reload')}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
