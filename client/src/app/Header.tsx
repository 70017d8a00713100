import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { useMe } from '../features/auth/session';
import { NotificationsBell } from '../features/commentaires/NotificationsBell';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

export function Header() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { pathname } = useLocation();
  return (
    <header className="header">
      <div className="container header__bar">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <div className="header__tools">
          <LanguageSwitch />
          {me && <NotificationsBell />}
          {me && <UserMenu me={me} />}
          {me === null && pathname !== '/connexion' && (
            <Link className="header__login" to="/connexion">
              {t('nav.login')}
            </Link>
          )}
        </div>
      </div>
      {me && (
        <nav className="nav" aria-label={t('nav.label')}>
          <div className="container">
            <ul className="nav__list">
              <li>
                <NavLink className="nav__link" to="/" end>
                  {t('nav.contrats')}
                </NavLink>
              </li>
              <li>
                <NavLink className="nav__link" to="/compte">
                  {t('nav.account')}
                </NavLink>
              </li>
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}
