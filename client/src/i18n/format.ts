import { useTranslation } from 'react-i18next';
import { INTL_TAG, isLocale } from './locale';

/**
 * Formatters in the interface language. Calendar dates (`2021-07-01`) are formatted in UTC so a
 * date never shifts by a day with the browser's time zone.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const tag = INTL_TAG[isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr'];
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const calendarDate = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  return {
    number: (value: number) => integer.format(value),
    /** A calendar date as stored by the API (`YYYY-MM-DD`). */
    date: (iso: string) => calendarDate.format(new Date(`${iso}T00:00:00Z`)),
    /** A moment (`createdAt`, `depuis`), shown as the day it was in the reader's time zone. */
    day: (timestamp: string) => shortDate.format(new Date(timestamp)),
  };
}
