import { ODD_LABELS } from '@trame/shared';
import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, MESSAGES } from './i18n.js';

describe('portal words', () => {
  it('writes dates in words, the first of the month as « 1er » in French', () => {
    expect(formatDate('2021-07-01', 'fr')).toBe('1er juillet 2021');
    expect(formatDate('2026-12-31', 'fr')).toBe('31 décembre 2026');
    expect(formatDate('2021-07-01', 'en')).toBe('1 July 2021');
  });

  it('writes hours the French way and numbers with the locale’s grouping', () => {
    expect(MESSAGES.fr.aHeure('09:30')).toBe('à 9 h 30');
    expect(MESSAGES.fr.aHeure('18:05')).toBe('à 18 h 05');
    expect(formatNumber(35_235, 'fr')).toBe('35\u202f235');
    expect(formatNumber(35_235, 'en')).toBe('35,235');
  });

  it('names the 17 SDGs in both languages', () => {
    expect(ODD_LABELS.fr).toHaveLength(17);
    expect(ODD_LABELS.en).toHaveLength(17);
    expect(ODD_LABELS.en[12]).toBe('Climate action');
  });
});
