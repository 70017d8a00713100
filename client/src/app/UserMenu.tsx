import type { Me } from '@trame/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../features/auth/session';

/**
 * A disclosure (button + list of links), not an ARIA menu: it needs no arrow-key handling and
 * works the same with a keyboard, a screen reader and a pointer.
 */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const logout = useLogout();
  const navigate = useNavigate();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onFocus = (event: FocusEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
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

  const signOut = () => {
    setOpen(false);
    logout.mutate(undefined, { onSettled: () => navigate('/connexion') });
  };

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {me.nom.trim().charAt(0).toUpperCase()}
        </span>
        <span className="user-menu__name">{me.nom}</span>
        <span className="sr-only"> – {t('nav.userMenu')}</span>
        <span className="user-menu__chevron" aria-hidden="true" />
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__email">{me.email}</p>
        <ul className="user-menu__list">
          <li>
            <Link className="user-menu__item" to="/compte" onClick={() => setOpen(false)}>
              {t('nav.account')}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="user-menu__item"
              onClick={signOut}
              disabled={logout.isPending}
            >
              {t('nav.logout')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
