import { buildParticipationReport } from '@trame/shared';
import { describe, expect, it } from 'vitest';
import { participationCsv } from './participation-export.js';

const report = buildParticipationReport(
  'c1',
  {
    phases: [
      {
        id: 'p1',
        type: 'concertation',
        libelle: '=HYPERLINK("http://x")',
        ordre: 1,
        dateDebut: '2021-03-01',
        dateFin: '2021-06-15',
      },
      { id: 'p2', type: 'mise_en_oeuvre', libelle: '', ordre: 2, dateDebut: null, dateFin: null },
    ],
    contributions: [
      { phaseId: 'p1', categorie: 'elu', type: 'edition', nombre: 4 },
      { phaseId: null, categorie: 'habitant', type: 'vote', nombre: 2 },
    ],
    personnes: [
      { phaseId: 'p1', categorie: 'elu', cle: 'u:a' },
      { phaseId: null, categorie: 'habitant', cle: 'u:b' },
    ],
    presences: [{ phaseId: 'p1', categorie: 'habitant', nommes: 0, comptes: 30 }],
    evenements: [{ phaseId: 'p1', nombre: 1 }],
  },
  new Date('2024-05-02T10:00:00Z'),
);

describe('participation report as CSV', () => {
  it('writes a row per active category, a total per phase, then the whole contract', () => {
    const lines = participationCsv(report, { contratNom: 'CRTE', locale: 'en' })
      .toString('utf8')
      .slice(1)
      .split('\r\n');
    expect(lines).toEqual([
      'Phase;Start;End;Category;Events;People;Sheets created;Edits;Comments;Proposals;Votes;Contributions;Named attendees;Counted attendees',
      `"'=HYPERLINK(""http://x"")";2021-03-01;2021-06-15;Elected official;;1;0;4;0;0;0;4;0;0`,
      `"'=HYPERLINK(""http://x"")";2021-03-01;2021-06-15;Resident;;0;0;0;0;0;0;0;0;30`,
      `"'=HYPERLINK(""http://x"")";2021-03-01;2021-06-15;All categories;1;1;0;4;0;0;0;4;0;30`,
      'Implementation;;;All categories;0;0;0;0;0;0;0;0;0;0',
      'Outside any phase;;;Resident;;1;0;0;0;0;2;2;0;0',
      'Outside any phase;;;All categories;0;1;0;0;0;0;2;2;0;0',
      'Whole contract;;;Elected official;;1;0;4;0;0;0;4;0;0',
      'Whole contract;;;Resident;;1;0;0;0;0;2;2;0;30',
      'Whole contract;;;All categories;1;2;0;4;0;0;2;6;0;30',
      '',
    ]);
  });
});
