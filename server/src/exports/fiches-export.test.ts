import type { Fiche } from '@trame/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { type ExportContext, fichesCsv, fichesXlsx } from './fiches-export.js';

const ORIENTATION_ID = '0b5e3c1e-6c1d-4a55-9d2a-3f0c6f0e8a11';

const ctx: ExportContext = {
  orientations: [{ id: ORIENTATION_ID, numero: 2, titre: 'Mobilités' }],
  communes: [{ code: '79329', nom: 'Thouars' }],
  sourceLabel: (code) => code,
};

const fiche: Fiche = {
  id: '6f1f8a3e-9a59-4c1b-8f55-2a7d0c6b1e01',
  contratId: '6f1f8a3e-9a59-4c1b-8f55-2a7d0c6b1e02',
  numero: 7,
  type: 'action',
  titre: 'Voie verte Thouars – Saint-Jacques',
  resume: 'Relier les deux bourgs ;\nen site propre.',
  maturite: 'prete_a_demarrer',
  maitreOuvrage: 'CC du Thouarsais',
  porteur: null,
  orientationId: ORIENTATION_ID,
  communes: [
    { code: '79329', nom: 'Thouars' },
    { code: '79293', nom: 'Saint-Jacques-de-Thouars' },
  ],
  coutCents: 123456789,
  isoFinalites: ['resilience', 'bien_etre'],
  isoDomaines: ['mobilite'],
  public: true,
  plan: {
    totalCents: 100000000,
    acquisCents: 25000050,
    sollicitesCents: 74999950,
    refusesCents: 0,
    ecartCents: 23456789,
    depasseCout: false,
  },
  updatedAt: '2024-05-01T10:00:00.000Z',
  partenaires: ['Département des Deux-Sèvres', 'ADEME'],
  objectifIds: [],
  dateDebut: '2025-03-01',
  dateFin: '2026-12-31',
  jalons: [],
  indicateurs: [],
  odd: [3, 11],
  contratLieId: null,
  partageAvec: [],
  financements: [],
  version: 1,
  createdAt: '2024-01-01T10:00:00.000Z',
  droits: { modifier: true, supprimer: true, promouvoir: false },
  manquePourAction: [],
};

const HEADERS = [
  'N°',
  'Titre',
  'Type',
  'Maturité',
  'Maître d’ouvrage',
  'Résumé',
  'Communes',
  'Orientation',
  'Début',
  'Fin',
  'Coût HT (€)',
  'Public',
  'Domaines ISO 37101',
  'Finalités ISO 37101',
  'ODD',
  'Partenaires',
  'Financement total (€)',
  'Financement acquis (€)',
];

describe('fichesCsv', () => {
  it('writes one line per fiche under the labels the import recognises', () => {
    const rows = parseCsv(fichesCsv([fiche], ctx));
    expect(rows[0]).toEqual(HEADERS);
    expect(rows[1]).toEqual([
      '7',
      'Voie verte Thouars – Saint-Jacques',
      'Fiche action',
      'Prête à démarrer',
      'CC du Thouarsais',
      'Relier les deux bourgs ;\nen site propre.',
      '79329, 79293',
      '2',
      '2025-03-01',
      '2026-12-31',
      '1234567,89',
      'oui',
      'mobilite',
      'resilience, bien_etre',
      '3, 11',
      'Département des Deux-Sèvres ; ADEME',
      '1000000,00',
      '250000,50',
    ]);
  });

  it('leaves unknown values empty rather than writing a misleading zero', () => {
    const bare = { ...fiche, orientationId: null, coutCents: null, dateDebut: null, public: false };
    const row = parseCsv(fichesCsv([bare], ctx))[1]!;
    expect([row[7], row[8], row[10], row[11]]).toEqual(['', '', '', 'non']);
  });
});

describe('fichesXlsx', () => {
  it('freezes the header and writes euros as numbers and dates as dates', async () => {
    const buffer = await fichesXlsx([fiche], ctx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length) as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet.getRow(1).font?.bold).toBe(true);

    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(7);
    expect(row.getCell(8).value).toBe(2);
    expect(row.getCell(9).value).toEqual(new Date('2025-03-01T00:00:00Z'));
    expect(row.getCell(11).value).toBe(1234567.89);
    expect(row.getCell(11).numFmt).toBe('#,##0.00 "€"');
    expect(row.getCell(18).value).toBe(250000.5);
  });
});
