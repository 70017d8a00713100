import { useTranslation } from 'react-i18next';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="footer">
      <div className="container footer__inner">
        <div className="footer__brand">
          <p className="footer__name">{t('app.name')}</p>
          <p className="footer__about">{t('layout.footerAbout')}</p>
        </div>
        <ul className="footer__links">
          <li>{t('layout.license')}</li>
          <li>{t('layout.accessibility')}</li>
        </ul>
      </div>
    </footer>
  );
}
