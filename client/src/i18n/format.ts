import { formatEuros } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { INTL_TAG, isLocale } from './locale';

/**
 * Formatters in the interface language. Calendar dates (`2021-07-01`) are formatted in UTC so a
 * date never shifts by a day with the browser's time zone.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
  const tag = INTL_TAG[locale];
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 6 });
  const calendarDate = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  const moment = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    number: (value: number) => integer.format(value),
    /** Any number as typed (an indicator's target), without rounding it away. */
    decimal: (value: number) => decimal.format(value),
    /** Integer cents as euros, computed without floats (`formatEuros`). */
    euros: (cents: number) => formatEuros(cents, locale),
    /** A calendar date as stored by the API (`YYYY-MM-DD`). */
    date: (iso: string) => calendarDate.format(new Date(`${iso}T00:00:00Z`)),
    /** A moment (`createdAt`, `depuis`), shown as the day it was in the reader's time zone. */
    day: (timestamp: string) => shortDate.format(new Date(timestamp)),
    /** A moment with its time, in the reader's time zone (an entry of a history). */
    dateTime: (timestamp: string) => moment.format(new Date(timestamp)),
  };
}
