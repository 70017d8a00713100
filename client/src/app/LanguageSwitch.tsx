import { LOCALES, type Locale } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from '../features/auth/session';

const NATIVE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const change = useChangeLanguage();
  return (
    <fieldset className="lang-switch">
      <legend className="sr-only">{t('layout.language')}</legend>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="lang-switch__button"
          aria-pressed={i18n.resolvedLanguage === locale}
          onClick={() => change(locale)}
        >
          {locale.toUpperCase()}
          <span className="sr-only"> – {NATIVE_NAMES[locale]}</span>
        </button>
      ))}
    </fieldset>
  );
}
