import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

/**
 * Last resort when rendering itself failed: the layout may be what broke, so this page stands
 * alone and offers a full reload (a plain link) rather than client-side navigation.
 */
export function RouteError() {
  const { t } = useTranslation();
  usePageTitle(t('errors.title'));
  return (
    <main id="contenu" className="main">
      <div className="container notice-page">
        <h1>{t('errors.title')}</h1>
        <p className="lead">{t('errors.crash')}</p>
        <a className="btn btn--primary" href="/">
          {t('notFound.home')}
        </a>
      </div>
    </main>
  );
}
