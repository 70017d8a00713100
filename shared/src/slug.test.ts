import { describe, expect, it } from 'vitest';
import { normalizeSearch, slugify } from './slug.js';

describe('slugify', () => {
  it('makes readable URL slugs from French names', () => {
    expect(slugify('CRTE du Thouarsais')).toBe('crte-du-thouarsais');
    expect(slugify('  Cœur de Ville — Saint-Étienne ')).toBe('coeur-de-ville-saint-etienne');
    expect(slugify('L’Île-d’Yeu')).toBe('l-ile-d-yeu');
  });

  it('never ends with a dash after truncation', () => {
    const slug = slugify(`${'a'.repeat(79)} b`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('normalizeSearch', () => {
  it('ignores accents, case and punctuation', () => {
    expect(normalizeSearch('Saint-Varent')).toBe(normalizeSearch('saint varent'));
    expect(normalizeSearch('Éçà')).toBe('eca');
  });
});
