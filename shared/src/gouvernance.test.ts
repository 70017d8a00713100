import { describe, expect, it } from 'vitest';
import {
  avenantVersionNom,
  decisionAutorisee,
  decisionsAutorisees,
  fichesDecidees,
  fichesSansAvis,
  membreEnFonction,
  nextAvenantNumero,
  seanceAccepteDecisions,
  TYPES_DECISION,
  TYPES_INSTANCE,
} from './gouvernance.js';

describe('décisions allowed per instance', () => {
  it('the comité technique only gives avis; the comité de pilotage decides the rest; a groupe de travail nothing', () => {
    const table = Object.fromEntries(
      TYPES_INSTANCE.map((instance) => [
        instance,
        TYPES_DECISION.filter((type) => decisionAutorisee(instance, type)),
      ]),
    );
    expect(table).toEqual({
      comite_pilotage: ['programmation_validee', 'mesure_rectificative', 'evolution_contrat'],
      comite_technique: ['avis_technique'],
      groupe_travail: [],
    });
    expect(decisionsAutorisees('comite_technique')).toEqual(['avis_technique']);
  });

  it('a cancelled séance records no décision', () => {
    expect(seanceAccepteDecisions('prevue')).toBe(true);
    expect(seanceAccepteDecisions('tenue')).toBe(true);
    expect(seanceAccepteDecisions('annulee')).toBe(false);
  });
});

describe('the avis technique comes before the steering committee', () => {
  const avis = [
    { ficheId: 'a', date: '2025-03-06', seanceStatut: 'tenue' as const },
    { ficheId: 'b', date: '2025-03-25', seanceStatut: 'tenue' as const },
    { ficheId: 'c', date: '2025-03-01', seanceStatut: 'annulee' as const },
  ];

  it('an avis from an earlier or same-day séance counts', () => {
    expect(fichesSansAvis(['a'], avis, '2025-03-20')).toEqual([]);
    expect(fichesSansAvis(['a'], avis, '2025-03-06')).toEqual([]);
  });

  it('an avis given after the séance, or in a cancelled séance, does not', () => {
    expect(fichesSansAvis(['b'], avis, '2025-03-20')).toEqual(['b']);
    expect(fichesSansAvis(['c'], avis, '2025-03-20')).toEqual(['c']);
  });

  it('reports each fiche lacking an avis once, in order', () => {
    expect(fichesSansAvis(['d', 'a', 'b', 'd'], avis, '2025-03-20')).toEqual(['d', 'b']);
    expect(fichesSansAvis([], avis, '2025-03-20')).toEqual([]);
  });

  it('only fiche-changing steering décisions need one', () => {
    expect(fichesDecidees({ type: 'mesure_rectificative', ficheId: 'a' })).toEqual(['a']);
    expect(fichesDecidees({ type: 'evolution_contrat', ficheIds: ['a', 'b', 'a'] })).toEqual([
      'a',
      'b',
    ]);
    expect(fichesDecidees({ type: 'evolution_contrat', ficheIds: [] })).toEqual([]);
    expect(fichesDecidees({ type: 'programmation_validee' })).toEqual([]);
    expect(fichesDecidees({ type: 'avis_technique', ficheId: 'a' })).toEqual([]);
  });
});

describe('avenants', () => {
  it('are numbered after the highest number, never reusing one', () => {
    expect(nextAvenantNumero([])).toBe(1);
    expect(nextAvenantNumero([1, 2])).toBe(3);
    expect(nextAvenantNumero([3, 1])).toBe(4);
  });

  it('name the versions they freeze', () => {
    expect(avenantVersionNom(2)).toBe('Avenant n°2');
  });
});

describe('composition of an instance on a day', () => {
  it('counts members who joined on or before it and had not left before it', () => {
    const membre = { depuis: '2024-01-10', jusquA: '2025-06-30' };
    expect(membreEnFonction(membre, '2024-01-09')).toBe(false);
    expect(membreEnFonction(membre, '2024-01-10')).toBe(true);
    expect(membreEnFonction(membre, '2025-06-30')).toBe(true);
    expect(membreEnFonction(membre, '2025-07-01')).toBe(false);
    expect(membreEnFonction({ depuis: '2024-01-10', jusquA: null }, '2030-01-01')).toBe(true);
  });
});
