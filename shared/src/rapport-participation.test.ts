import { describe, expect, it } from 'vitest';
import { buildParticipationReport, personKey, type ReportInputs } from './rapport-participation.js';

const phases: ReportInputs['phases'] = [
  {
    id: 'p2',
    type: 'mise_en_oeuvre',
    libelle: '',
    ordre: 2,
    dateDebut: '2022-01-01',
    dateFin: null,
  },
  {
    id: 'p1',
    type: 'concertation',
    libelle: 'Concertation 2021',
    ordre: 1,
    dateDebut: '2021-03-01',
    dateFin: '2021-12-31',
  },
];

const inputs: ReportInputs = {
  phases,
  contributions: [
    { phaseId: 'p1', categorie: 'elu', type: 'edition', nombre: 4 },
    { phaseId: 'p1', categorie: 'elu', type: 'fiche', nombre: 1 },
    { phaseId: 'p1', categorie: 'association', type: 'commentaire', nombre: 3 },
    { phaseId: 'p2', categorie: 'elu', type: 'edition', nombre: 2 },
    { phaseId: null, categorie: 'habitant', type: 'vote', nombre: 5 },
  ],
  personnes: [
    { phaseId: 'p1', categorie: 'elu', cle: 'u:bernard' },
    { phaseId: 'p1', categorie: 'association', cle: 'u:karim' },
    { phaseId: 'p1', categorie: 'association', cle: 'n:jeanne martin' },
    { phaseId: 'p2', categorie: 'elu', cle: 'u:bernard' },
    { phaseId: null, categorie: 'habitant', cle: 'u:julie' },
  ],
  presences: [
    { phaseId: 'p1', categorie: 'association', nommes: 2, comptes: 0 },
    { phaseId: 'p1', categorie: 'habitant', nommes: 0, comptes: 40 },
    { phaseId: 'p1', categorie: 'elu', nommes: 1, comptes: 3 },
  ],
  evenements: [
    { phaseId: 'p1', nombre: 2 },
    { phaseId: 'p2', nombre: 1 },
  ],
};

const at = new Date('2024-05-02T10:00:00Z');

describe('participation report', () => {
  const report = buildParticipationReport('c1', inputs, at);
  const p1 = report.phases[0]!;
  const cell = (phase: typeof p1, categorie: string) =>
    phase.categories.find((c) => c.categorie === categorie)!;

  it('lists the phases in their order, then what happened outside any phase', () => {
    expect(report.phases.map((p) => p.phaseId)).toEqual(['p1', 'p2', null]);
    expect(p1).toMatchObject({ type: 'concertation', libelle: 'Concertation 2021', evenements: 2 });
    expect(report.genereLe).toBe('2024-05-02T10:00:00.000Z');
  });

  it('counts contributions by kind in each phase and category', () => {
    expect(cell(p1, 'elu')).toMatchObject({
      personnes: 1,
      totalContributions: 5,
      presentsNommes: 1,
      presentsComptes: 3,
    });
    expect(cell(p1, 'elu').contributions).toEqual({
      fiche: 1,
      edition: 4,
      commentaire: 0,
      proposition: 0,
      vote: 0,
    });
    expect(cell(p1, 'association')).toMatchObject({ personnes: 2, totalContributions: 3 });
    expect(cell(p1, 'habitant')).toMatchObject({ personnes: 0, presentsComptes: 40 });
  });

  it('keeps every category in the reference order, zeros included', () => {
    expect(p1.categories.map((c) => c.categorie)).toEqual([
      'elu',
      'etat',
      'collectivite',
      'chambre_consulaire',
      'entreprise',
      'entreprise_ess',
      'association',
      'habitant',
      'conseil_developpement',
      'autre',
    ]);
    expect(cell(p1, 'etat')).toMatchObject({ personnes: 0, totalContributions: 0 });
  });

  it('totals a phase, and counts a person once however many categories or phases', () => {
    expect(p1.total).toMatchObject({
      personnes: 3,
      totalContributions: 8,
      presentsNommes: 3,
      presentsComptes: 43,
    });
    // Bernard took part in both phases: one person over the contract.
    expect(report.categories.find((c) => c.categorie === 'elu')).toMatchObject({
      personnes: 1,
      totalContributions: 7,
    });
    expect(report.total).toMatchObject({
      personnes: 4,
      totalContributions: 15,
      presentsNommes: 3,
      presentsComptes: 43,
      evenements: 3,
    });
  });

  it('leaves out the "hors phase" row when nothing happened outside the phases', () => {
    const inPhases = buildParticipationReport(
      'c1',
      {
        ...inputs,
        contributions: inputs.contributions.filter((c) => c.phaseId),
        personnes: inputs.personnes.filter((p) => p.phaseId),
      },
      at,
    );
    expect(inPhases.phases.map((p) => p.phaseId)).toEqual(['p1', 'p2']);
  });

  it('counts rows of a phase that no longer exists as outside any phase', () => {
    const orphan = buildParticipationReport(
      'c1',
      {
        phases: [],
        contributions: [{ phaseId: 'gone', categorie: 'etat', type: 'edition', nombre: 2 }],
        personnes: [],
        presences: [],
        evenements: [],
      },
      at,
    );
    expect(orphan.phases).toHaveLength(1);
    expect(orphan.phases[0]).toMatchObject({ phaseId: null, total: { totalContributions: 2 } });
  });

  it('gives an empty but complete report for a contract without activity', () => {
    const empty = buildParticipationReport(
      'c1',
      { phases: [], contributions: [], personnes: [], presences: [], evenements: [] },
      at,
    );
    expect(empty.phases).toEqual([]);
    expect(empty.categories).toHaveLength(10);
    expect(empty.total).toMatchObject({ personnes: 0, totalContributions: 0, evenements: 0 });
  });
});

describe('personKey', () => {
  it('names an account by its id and a guest by a normalised name', () => {
    expect(personKey({ userId: 'abc', nom: 'Claire' })).toBe('u:abc');
    expect(personKey({ userId: null, nom: '  Jeanne   MARTIN ' })).toBe(
      personKey({ userId: null, nom: 'jeanne martin' }),
    );
    expect(personKey({ userId: null, nom: 'Élise' })).toBe(
      personKey({ userId: null, nom: 'E\u0301lise' }),
    );
  });
});
