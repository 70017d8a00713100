import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationApi } from '../../api/commentaires';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { commentaireKeys, useNotifications } from './queries';

/**
 * The signed-in person's notifications: unread count, updated live, and the latest ones. A
 * disclosure (button + region), like the user menu: Escape, a click or focus outside close it.
 */
export function NotificationsBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const panel = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const client = useQueryClient();
  const notifications = useNotifications(true);
  const refresh = () => void client.invalidateQueries({ queryKey: commentaireKeys.notifications });
  const readAll = useMutation({ mutationFn: notificationApi.readAll, onSettled: refresh });
  const readOne = useMutation({ mutationFn: notificationApi.read, onSettled: refresh });
  const unread = notifications.data?.nonLues ?? 0;

  useEffect(() => {
    if (!open) return;
    const inside = (target: EventTarget | null) =>
      rootRef.current?.contains(target as Node) ?? false;
    const onPointer = (event: PointerEvent) => {
      if (!inside(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onFocus = (event: FocusEvent) => {
      if (!inside(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  return (
    <div className="notifications" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="notifications__button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="notifications__icon" aria-hidden="true" />
        <span className="notifications__label">{t('notifications.title')}</span>
        {unread > 0 && (
          <span className="notifications__count">
            <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
            <span className="sr-only"> {t('notifications.unread', { count: unread })}</span>
          </span>
        )}
      </button>
      <section
        id={panel}
        className="notifications__panel"
        aria-label={t('notifications.title')}
        hidden={!open}
      >
        {notifications.data?.items.length ? (
          <ul className="notifications__list">
            {notifications.data.items.map((n) => (
              <li
                key={n.id}
                className={`notifications__item${n.lue ? '' : ' notifications__item--unread'}`}
              >
                <Link
                  className="notifications__link"
                  to={n.lien}
                  onClick={() => {
                    setOpen(false);
                    if (!n.lue) readOne.mutate(n.id);
                  }}
                >
                  {!n.lue && <span className="sr-only">{t('notifications.unreadItem')} </span>}
                  {n.titre}
                </Link>
                {n.extrait && <p className="notifications__extrait">{n.extrait}</p>}
                <time className="notifications__date" dateTime={n.createdAt}>
                  {format.dateTime(n.createdAt)}
                </time>
              </li>
            ))}
          </ul>
        ) : (
          <p className="notifications__empty muted">{t('notifications.none')}</p>
        )}
        {unread > 0 && (
          <div className="notifications__footer">
            <Button
              size="sm"
              variant="secondary"
              busy={readAll.isPending}
              onClick={() => readAll.mutate()}
            >
              {t('notifications.readAll')}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
