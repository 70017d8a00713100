import { describe, expect, it } from 'vitest';
import {
  INDICATEURS_SOCLE,
  type IndicateurSocle,
  SOURCES_INDICATEURS,
  UNITES_INDICATEUR,
} from './indicateurs-socle.js';

const TEXTES = [
  'libelle',
  'thematique',
  'objectifEnvironnemental',
  'objectifStrategique',
  'description',
  'methode',
  'donnees',
  'periodicite',
] as const satisfies readonly (keyof IndicateurSocle)[];

describe('INDICATEURS_SOCLE', () => {
  it('is not empty', () => {
    expect(INDICATEURS_SOCLE.length).toBeGreaterThan(0);
  });

  it('has unique codes, of the source’s shape crte_<fiche>.<n>', () => {
    const codes = INDICATEURS_SOCLE.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const i of INDICATEURS_SOCLE) {
      expect(i.code).toMatch(/^crte_\d{1,2}\.\d+(\.[a-z]+|-[A-Za-z0-9]+)?$/);
      expect(i.code.startsWith(`crte_${i.fiche}.`), i.code).toBe(true);
    }
  });

  it('has unique labels', () => {
    const libelles = INDICATEURS_SOCLE.map((i) => i.libelle);
    expect(new Set(libelles).size).toBe(libelles.length);
  });

  it('fills every text field, without stray whitespace', () => {
    for (const i of INDICATEURS_SOCLE) {
      for (const champ of TEXTES) {
        const valeur = i[champ];
        expect(valeur.trim(), `${i.code}.${champ}`).not.toBe('');
        expect(valeur, `${i.code}.${champ}`).toBe(valeur.trim());
        expect(valeur, `${i.code}.${champ}`).not.toMatch(/\s{2,}/);
      }
    }
  });

  it('uses only units of the known vocabulary', () => {
    const connues: readonly string[] = UNITES_INDICATEUR;
    for (const i of INDICATEURS_SOCLE) expect(connues, i.code).toContain(i.unite);
  });

  it('uses a per-inhabitant unit exactly when the label or code says so', () => {
    for (const i of INDICATEURS_SOCLE) {
      const parHabitant = /\/ ?hab\b/.test(i.libelle) || i.code.endsWith('.hab');
      const uniteParHabitant = i.unite.endsWith('/hab');
      // 10.1 is "par habitant" in its definition only; its label omits the unit.
      if (i.code === 'crte_10.1') continue;
      expect(uniteParHabitant, i.code).toBe(parHabitant);
    }
  });

  it('shows a percentage unit when the label ends with (%)', () => {
    for (const i of INDICATEURS_SOCLE) {
      if (i.libelle.endsWith('(%)')) expect(i.unite, i.code).toBe('%');
    }
  });

  it('numbers its sheets 1 to 13 without gaps, in order', () => {
    const fiches = INDICATEURS_SOCLE.map((i) => i.fiche);
    expect([...fiches].sort((a, b) => a - b)).toEqual(fiches);
    expect([...new Set(fiches)]).toEqual(Array.from({ length: 13 }, (_, k) => k + 1));
  });

  it('cites a declared source for every indicator', () => {
    for (const i of INDICATEURS_SOCLE) {
      const source = SOURCES_INDICATEURS[i.source];
      expect(source, i.code).toBeDefined();
      expect(source.url).toMatch(/^https:\/\//);
    }
  });
});
