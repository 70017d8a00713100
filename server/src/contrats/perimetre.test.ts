import { describe, expect, it } from 'vitest';
import { Geography } from '../geo/geography.js';
import { HttpError } from '../http/errors.js';
import { resolvePerimetre } from './perimetre.js';

const geography = new Geography(
  [
    {
      code: '79329',
      nom: 'Thouars',
      type: 'commune-actuelle',
      departement: '79',
      population: 13891,
    },
    {
      code: '79293',
      nom: 'Saint-Jacques-de-Thouars',
      type: 'commune-actuelle',
      departement: '79',
      population: 450,
    },
    { code: '49328', nom: 'Saumur', type: 'commune-actuelle', departement: '49' },
  ],
  [
    {
      code: '247900798',
      nom: 'CC du Thouarsais',
      type: 'CC',
      membres: [
        { code: '79329', nom: 'Thouars' },
        { code: '79293', nom: 'Saint-Jacques-de-Thouars' },
      ],
    },
  ],
);

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof HttpError ? error.code : 'other';
  }
  return undefined;
}

describe('resolvePerimetre', () => {
  it('takes every member commune of an EPCI given alone', () => {
    const perimetre = resolvePerimetre(geography, { epciCode: '247900798' });
    expect(perimetre.epci).toEqual({ code: '247900798', nom: 'CC du Thouarsais' });
    expect(perimetre.communes.map((c) => c.code)).toEqual(['79329', '79293']);
    expect(perimetre.communes[0]).toEqual({
      code: '79329',
      nom: 'Thouars',
      population: 13891,
      departement: '79',
    });
  });

  it('keeps an explicit list, without duplicates, and copies a missing population as null', () => {
    const perimetre = resolvePerimetre(geography, {
      epciCode: null,
      communes: ['49328', '79329', '49328'],
    });
    expect(perimetre.epci).toBeNull();
    expect(perimetre.communes.map((c) => [c.code, c.population])).toEqual([
      ['49328', null],
      ['79329', 13891],
    ]);
  });

  it('refuses codes the official geography does not know', () => {
    expect(
      errorCode(() =>
        resolvePerimetre(geography, { epciCode: null, communes: ['79329', '99999'] }),
      ),
    ).toBe('unknown_commune');
    expect(errorCode(() => resolvePerimetre(geography, { epciCode: '200000000' }))).toBe(
      'unknown_epci',
    );
  });
});
