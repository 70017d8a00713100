import { describe, expect, it } from 'vitest';
import { Geography, officialGeography } from './geography.js';

const small = new Geography(
  [
    {
      code: '79329',
      nom: 'Thouars',
      type: 'commune-actuelle',
      departement: '79',
      population: 13891,
      codesPostaux: ['79100'],
    },
    {
      code: '79293',
      nom: 'Saint-Jacques-de-Thouars',
      type: 'commune-actuelle',
      departement: '79',
      population: 450,
    },
    {
      code: '79171',
      nom: 'Mauzé-Thouarsais',
      type: 'commune-deleguee',
      departement: '79',
      population: 2500,
    },
    {
      code: '49328',
      nom: 'Saumur',
      type: 'commune-actuelle',
      departement: '49',
      population: 26000,
    },
  ],
  [
    {
      code: '247900798',
      nom: 'CC du Thouarsais',
      type: 'CC',
      populationTotale: 36186,
      membres: [
        { code: '79329', nom: 'Thouars' },
        { code: '79293', nom: 'Saint-Jacques-de-Thouars' },
      ],
    },
  ],
);

describe('Geography.search', () => {
  it('puts intercommunalities first, then names starting with the query before the most populated others', () => {
    const results = small.search('thouars', { limit: 10 }).items;
    expect(results.map((r) => r.code)).toEqual(['247900798', '79329', '79293']);
  });

  it('ignores accents, case and dashes, and finds by code', () => {
    expect(small.search('SAINT jacques de thouars', { limit: 5 }).items.map((r) => r.code)).toEqual(
      ['79293'],
    );
    expect(small.search('79329', { limit: 5 }).items.map((r) => r.code)).toEqual(['79329']);
    expect(small.search('247900798', { limit: 5 }).items.map((r) => r.code)).toEqual(['247900798']);
  });

  it('leaves out former communes, which cannot be in a perimeter', () => {
    expect(small.search('mauze', { limit: 5 })).toEqual({ items: [], total: 0 });
    expect(small.commune('79171')).toBeUndefined();
  });

  it('filters by type and respects the limit, counting every match in the total', () => {
    const limited = small.search('thouars', { type: 'commune', limit: 1 });
    expect(limited.items.map((r) => r.code)).toEqual(['79329']);
    expect(limited.total).toBe(2);
    expect(small.search('thouars', { type: 'epci', limit: 10 }).items.map((r) => r.type)).toEqual([
      'epci',
    ]);
  });

  it('tells each commune its intercommunality', () => {
    expect(small.commune('79329')?.epci).toEqual({ code: '247900798', nom: 'CC du Thouarsais' });
    expect(small.commune('49328')?.epci).toBeNull();
  });
});

describe('the official geography', () => {
  it('knows the CC du Thouarsais and its 24 communes', () => {
    const epci = officialGeography().epci('247900798');
    expect(epci?.nom).toBe('CC du Thouarsais');
    expect(epci?.communes).toHaveLength(24);
    expect(epci?.departements).toEqual(['79']);
    expect(epci?.communes.find((c) => c.code === '79329')?.nom).toBe('Thouars');
  });
});
