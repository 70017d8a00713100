import type { Locale } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { isLocale } from './locale';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** Reads the reference labels of `@trame/shared` (roles, categories, statuses…) in the UI language. */
export function useLabel() {
  const { i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
  return <K extends string>(labels: Labels<K>, value: K) => labels[value][locale];
}
