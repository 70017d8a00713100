import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { storeLocale } from '../../i18n/locale';
import { useMe } from './session';

/** A signed-in person's saved language wins over this browser's, once, when their account loads. */
export function useAccountLanguage() {
  const { data: me } = useMe();
  const { i18n } = useTranslation();
  const locale = me?.locale;
  useEffect(() => {
    if (!locale || locale === i18n.resolvedLanguage) return;
    storeLocale(locale);
    void i18n.changeLanguage(locale);
  }, [locale, i18n]);
}
