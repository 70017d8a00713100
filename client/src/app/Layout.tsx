import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useAccountLanguage } from '../features/auth/useAccountLanguage';
import { Footer } from './Footer';
import { Header } from './Header';
import { useRouteFocus } from './useRouteFocus';

export function Layout() {
  const { t } = useTranslation();
  useRouteFocus();
  useAccountLanguage();
  return (
    <div className="app">
      <a className="skip-link" href="#contenu">
        {t('layout.skipToContent')}
      </a>
      <Header />
      <main id="contenu" className="main" tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <Footer />
    </div>
  );
}
