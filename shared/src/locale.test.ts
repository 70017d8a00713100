import { describe, expect, it } from 'vitest';
import { interpolate, negotiateLocale } from './locale.js';

describe('negotiateLocale', () => {
  it('defaults to French', () => {
    expect(negotiateLocale(undefined)).toBe('fr');
    expect(negotiateLocale('de-DE,it;q=0.8')).toBe('fr');
  });

  it('follows the order and weights of the header', () => {
    expect(negotiateLocale('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(negotiateLocale('fr-FR;q=0.5, en;q=0.9')).toBe('en');
    expect(negotiateLocale('de, en;q=0.1, fr;q=0')).toBe('en');
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} et {b}', { a: 1 })).toBe('1 et {b}');
  });
});
