import { describe, expect, it } from 'vitest';
import { ACTIONS, allowedActions, can, canCreateContrat, PERMISSIONS } from './permissions.js';
import { AUDIENCES } from './roles.js';

describe('permission matrix', () => {
  it('names only known audiences and grants', () => {
    for (const action of ACTIONS) {
      for (const [audience, grant] of Object.entries(PERMISSIONS[action])) {
        expect(AUDIENCES).toContain(audience);
        expect(['oui', 'si_publie', 'si_porteur']).toContain(grant);
      }
    }
  });

  it('lets the public read a contract only once it is published', () => {
    expect(can('contrat.lire', { role: null, publie: false })).toBe(false);
    expect(can('contrat.lire', { role: null, publie: true })).toBe(true);
    expect(can('contrat.lire', { role: 'habitant', publie: false })).toBe(true);
  });

  it('keeps settings and membership in the hands of the animateur', () => {
    expect(can('contrat.modifier', { role: 'animateur', publie: true })).toBe(true);
    for (const role of ['copil', 'cotech', 'partenaire', 'habitant'] as const) {
      expect(can('contrat.modifier', { role, publie: true })).toBe(false);
      expect(can('membre.gerer', { role, publie: true })).toBe(false);
    }
  });

  it('lets a partner edit only the fiches it carries', () => {
    expect(can('fiche.modifier', { role: 'partenaire', publie: true })).toBe(false);
    expect(can('fiche.modifier', { role: 'partenaire', publie: true, porteur: true })).toBe(true);
    expect(can('fiche.modifier', { role: 'habitant', publie: true, porteur: true })).toBe(false);
    expect(can('fiche.modifier', { role: 'cotech', publie: false })).toBe(true);
  });

  it('never lets the public change anything', () => {
    const allowed = allowedActions({ role: null, publie: true });
    // Reporting a comment changes nothing: it asks the moderators to look (and needs an account).
    // Joining as a resident changes only the person's own membership (and needs an account).
    expect(allowed).toEqual([
      'contrat.lire',
      'contrat.rejoindre',
      'participation.lire',
      'commentaire.signaler',
    ]);
  });

  it('shows who attended an event by name only to the committees, never to the public', () => {
    for (const role of ['animateur', 'copil', 'cotech'] as const) {
      expect(can('presence.lire', { role, publie: true })).toBe(true);
    }
    for (const role of ['partenaire', 'habitant', null] as const) {
      expect(can('presence.lire', { role, publie: true })).toBe(false);
      expect(can('participation.lire', { role, publie: true })).toBe(true);
    }
    expect(can('participation.lire', { role: null, publie: false })).toBe(false);
  });

  it('lets only the animateur and the copil decide, the cotech give avis, a partner read its fiches’ décisions', () => {
    const who = (action: Parameters<typeof can>[0], porteur = false) =>
      (['animateur', 'copil', 'cotech', 'partenaire', 'habitant', null] as const).filter((role) =>
        can(action, { role, publie: true, porteur }),
      );
    expect(who('decision.prendre')).toEqual(['animateur', 'copil']);
    expect(who('avenant.gerer')).toEqual(['animateur', 'copil']);
    expect(who('avis.donner')).toEqual(['animateur', 'cotech']);
    expect(who('decision.lire')).toEqual(['animateur', 'copil', 'cotech']);
    expect(who('decision.lire', true)).toEqual(['animateur', 'copil', 'cotech', 'partenaire']);
    expect(who('compteRendu.modifier')).toEqual(['animateur', 'copil', 'cotech']);
    expect(who('compteRendu.lire')).toEqual([
      'animateur',
      'copil',
      'cotech',
      'partenaire',
      'habitant',
    ]);
  });

  it('lets admins and animateurs open a contract, nobody else', () => {
    expect(canCreateContrat({ admin: true, roles: [] })).toBe(true);
    expect(canCreateContrat({ admin: false, roles: ['copil', 'animateur'] })).toBe(true);
    expect(canCreateContrat({ admin: false, roles: ['copil', 'habitant'] })).toBe(false);
  });
});
