import { describe, expect, it } from 'vitest';
import {
  moderationModeOf,
  motifPublic,
  motifRequis,
  peutMasquer,
  peutPublier,
  propositionReference,
  propositionVisible,
  publicationInitiale,
  STATUTS_PROPOSITION,
  type StatutProposition,
  transitionAllowed,
  transitionsFrom,
} from './propositions.js';
import { ROLES } from './roles.js';

describe('proposal statuses', () => {
  it('go déposée → en instruction → retenue or non retenue, and nowhere else', () => {
    const allowed: [StatutProposition, StatutProposition][] = [];
    for (const de of STATUTS_PROPOSITION) {
      for (const vers of STATUTS_PROPOSITION) {
        if (transitionAllowed(de, vers)) allowed.push([de, vers]);
      }
    }
    expect(allowed).toEqual([
      ['deposee', 'en_instruction'],
      ['en_instruction', 'retenue'],
      ['en_instruction', 'non_retenue'],
    ]);
  });

  it('ends with a decision: nothing follows retenue or non retenue', () => {
    expect(transitionsFrom('retenue')).toEqual([]);
    expect(transitionsFrom('non_retenue')).toEqual([]);
    expect(transitionsFrom('deposee')).toEqual(['en_instruction']);
  });

  it('requires a reason only to refuse, and shows only that reason publicly', () => {
    expect(STATUTS_PROPOSITION.filter(motifRequis)).toEqual(['non_retenue']);
    expect(motifPublic('non_retenue', 'Hors du champ du contrat')).toBe('Hors du champ du contrat');
    expect(motifPublic('retenue', 'Note interne')).toBeNull();
    expect(motifPublic('en_instruction', 'Note interne')).toBeNull();
  });

  it('are referred to as P-007', () => {
    expect(propositionReference(7)).toBe('P-007');
    expect(propositionReference(1234)).toBe('P-1234');
  });
});

describe('proposal moderation', () => {
  it('holds back only a resident’s proposal, and only under moderation a priori', () => {
    for (const role of ROLES) {
      expect(publicationInitiale('a_posteriori', role)).toBe('publiee');
      expect(publicationInitiale('a_priori', role)).toBe(
        role === 'habitant' ? 'en_attente' : 'publiee',
      );
    }
  });

  it('publishes what waits or is hidden, hides what waits or is published', () => {
    expect([peutPublier('en_attente'), peutPublier('masquee'), peutPublier('publiee')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([peutMasquer('en_attente'), peutMasquer('publiee'), peutMasquer('masquee')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('shows a waiting or hidden proposal only to its author and the moderators', () => {
    const auteurId = 'a';
    for (const publication of ['en_attente', 'masquee'] as const) {
      const proposition = { publication, auteurId };
      expect(propositionVisible(proposition, { userId: 'a', moderateur: false })).toBe(true);
      expect(propositionVisible(proposition, { userId: 'm', moderateur: true })).toBe(true);
      expect(propositionVisible(proposition, { userId: 'b', moderateur: false })).toBe(false);
      expect(propositionVisible(proposition, { userId: null, moderateur: false })).toBe(false);
      // An author whose account is gone leaves nobody but the moderators.
      expect(
        propositionVisible({ publication, auteurId: null }, { userId: null, moderateur: false }),
      ).toBe(false);
    }
    const published = { publication: 'publiee' as const, auteurId };
    expect(propositionVisible(published, { userId: null, moderateur: false })).toBe(true);
  });

  it('reads a contract’s stored moderation mode, an unknown value as after publication', () => {
    expect(moderationModeOf('a_priori')).toBe('a_priori');
    expect(moderationModeOf('a_posteriori')).toBe('a_posteriori');
    expect(moderationModeOf('')).toBe('a_posteriori');
  });
});
