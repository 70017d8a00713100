import type { Fiche, ImportField } from '@trame/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../exports/csv.js';
import { type ExportContext, fichesCsv, fichesXlsx } from '../exports/fiches-export.js';
import {
  ImportFileError,
  type ImportLine,
  MAX_IMPORT_ROWS,
  readTable,
  rowsToFiches,
  suggestMapping,
} from './import-parse.js';

const O1 = '0b5e3c1e-6c1d-4a55-9d2a-3f0c6f0e8a11';
const O2 = '0b5e3c1e-6c1d-4a55-9d2a-3f0c6f0e8a12';
const orientations = [
  { id: O1, numero: 1, titre: 'Transition écologique' },
  { id: O2, numero: 2, titre: 'Mobilités du quotidien' },
];
const perimetre = new Map([
  ['79329', 'Thouars'],
  ['79293', 'Saint-Jacques-de-Thouars'],
  ['01053', 'Bourg-en-Bresse'],
]);
const importCtx = { communes: perimetre, orientations };
const exportCtx: ExportContext = {
  orientations,
  communes: [...perimetre].map(([code, nom]) => ({ code, nom })),
  sourceLabel: (code) => code,
};

function makeFiche(numero: number, overrides: Partial<Fiche> = {}): Fiche {
  return {
    id: `6f1f8a3e-9a59-4c1b-8f55-2a7d0c6b1e${String(numero).padStart(2, '0')}`,
    contratId: '6f1f8a3e-9a59-4c1b-8f55-2a7d0c6b1eff',
    numero,
    type: 'projet',
    titre: `Fiche ${numero}`,
    resume: '',
    maturite: 'idee',
    maitreOuvrage: '',
    porteur: null,
    orientationId: null,
    communes: [],
    coutCents: null,
    isoFinalites: [],
    isoDomaines: [],
    public: false,
    plan: {
      totalCents: 0,
      acquisCents: 0,
      sollicitesCents: 0,
      refusesCents: 0,
      ecartCents: null,
      depasseCout: false,
    },
    updatedAt: '2024-05-01T10:00:00.000Z',
    partenaires: [],
    objectifIds: [],
    dateDebut: null,
    dateFin: null,
    jalons: [],
    indicateurs: [],
    odd: [],
    contratLieId: null,
    partageAvec: [],
    financements: [],
    version: 1,
    createdAt: '2024-01-01T10:00:00.000Z',
    droits: { modifier: true, supprimer: true, promouvoir: false },
    manquePourAction: [],
    ...overrides,
  };
}

const fiches = [
  makeFiche(1, {
    type: 'action',
    titre: 'Voie verte Thouars – Saint-Jacques',
    resume: 'Relier les deux bourgs ;\nen site propre, avec « guillemets ».',
    maturite: 'prete_a_demarrer',
    maitreOuvrage: 'CC du Thouarsais',
    orientationId: O2,
    communes: [
      { code: '79329', nom: 'Thouars' },
      { code: '79293', nom: 'Saint-Jacques-de-Thouars' },
    ],
    coutCents: 123456789,
    isoFinalites: ['resilience', 'bien_etre'],
    isoDomaines: ['mobilite', 'gouvernance'],
    public: true,
    partenaires: ['Département des Deux-Sèvres', 'ADEME, direction régionale'],
    dateDebut: '2025-03-01',
    dateFin: '2026-12-31',
    odd: [3, 11],
    plan: { ...makeFiche(0).plan, totalCents: 500000, acquisCents: 100000 },
  }),
  makeFiche(2, {
    titre: '=Halle gourmande',
    coutCents: 1,
    communes: [{ code: '01053', nom: 'Bourg-en-Bresse' }],
  }),
  makeFiche(3, {
    titre: 'Réseau de chaleur',
    maturite: 'abandonnee',
    orientationId: O1,
    coutCents: 0,
  }),
];

/** What the import should give back of a fiche. */
function expected(fiche: Fiche) {
  return {
    titre: fiche.titre,
    type: fiche.type,
    maturite: fiche.maturite,
    maitreOuvrage: fiche.maitreOuvrage,
    resume: fiche.resume,
    communes: fiche.communes.map((c) => c.code),
    orientationId: fiche.orientationId,
    dateDebut: fiche.dateDebut,
    dateFin: fiche.dateFin,
    coutCents: fiche.coutCents,
    public: fiche.public,
    isoDomaines: fiche.isoDomaines,
    isoFinalites: fiche.isoFinalites,
    odd: fiche.odd,
    partenaires: fiche.partenaires,
  };
}

async function xlsxOf(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Projets');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function lines(rows: Record<string, string>[]): ImportLine[] {
  return rows.map((valeurs, index) => ({ ligne: index + 2, valeurs }));
}

async function fileError(run: () => Promise<unknown>): Promise<ImportFileError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportFileError)) throw new Error(`expected an ImportFileError: ${error}`);
  return error;
}

describe('export then import', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`gives back the same fiches through ${format}`, async () => {
      const file =
        format === 'xlsx' ? await fichesXlsx(fiches, exportCtx) : fichesCsv(fiches, exportCtx);
      const table = await readTable(format, file);
      const mapping = suggestMapping(table.colonnes);
      expect(Object.keys(mapping)).not.toContain('N°');
      expect(Object.keys(mapping)).not.toContain('Financement total (€)');
      expect(new Set(Object.values(mapping)).size).toBe(15);

      const result = rowsToFiches(table.lignes, mapping, importCtx);
      expect(result.erreurs).toEqual([]);
      expect(result.fiches.map((f) => f.ligne)).toEqual([2, 3, 4]);
      expect(result.fiches.map((f) => f.input)).toEqual(
        fiches.map((f) => expect.objectContaining(expected(f))),
      );
    });
  }
});

describe('readTable', () => {
  it('takes the first non-empty row as header and numbers lines as the spreadsheet does', async () => {
    const csv = toCsv([
      [],
      ['Titre', 'Coût', ''],
      ['A', '1', 'note'],
      [],
      ['  B  ', '', ''],
      [null, null, 'x'],
    ]);
    const table = await readTable('csv', csv);
    expect(table.colonnes).toEqual(['Titre', 'Coût']);
    expect(table.lignes).toEqual([
      { ligne: 3, valeurs: { Titre: 'A', Coût: '1' } },
      { ligne: 5, valeurs: { Titre: 'B', Coût: '' } },
    ]);
  });

  it('reads numbers, dates, formulas and rich text of a workbook as text', async () => {
    const file = await xlsxOf([
      [],
      ['Titre', 'Coût', 'Début', 'Total', 'Public'],
      [
        { richText: [{ text: 'Halle ' }, { text: 'couverte', font: { bold: true } }] },
        12000.5,
        new Date('2025-01-31T00:00:00Z'),
        { formula: '0.1+0.2', result: 0.30000000000000004 },
        true,
      ],
    ]);
    const table = await readTable('xlsx', file);
    expect(table.lignes).toEqual([
      {
        ligne: 3,
        valeurs: {
          Titre: 'Halle couverte',
          Coût: '12000.5',
          Début: '2025-01-31',
          Total: '0.3',
          Public: 'true',
        },
      },
    ]);
  });

  it('refuses a file that is not a workbook, an empty file, duplicate headers and too many rows', async () => {
    expect((await fileError(() => readTable('xlsx', Buffer.from('pas un classeur')))).code).toBe(
      'illisible',
    );
    expect((await fileError(() => readTable('csv', Buffer.from('Titre;"ouvert\n')))).code).toBe(
      'illisible',
    );
    expect((await fileError(() => readTable('csv', Buffer.from('\r\n;;\r\n')))).code).toBe(
      'sans_entete',
    );

    const duplicate = await fileError(() =>
      readTable('csv', Buffer.from('Titre;Coût;Titre\nA;1;B\n')),
    );
    expect(duplicate.code).toBe('entetes_en_double');
    expect(duplicate.message).toContain('« Titre »');

    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`Fiche ${i}`]);
    const tooMany = await fileError(() => readTable('csv', toCsv([['Titre'], ...rows])));
    expect(tooMany.code).toBe('trop_de_lignes');
    expect((await readTable('csv', toCsv([['Titre'], ...rows.slice(1)]))).lignes).toHaveLength(
      MAX_IMPORT_ROWS,
    );
  });
});

describe('suggestMapping', () => {
  it('recognises usual headers whatever their case, accents and apostrophes', () => {
    expect(
      suggestMapping([
        'Intitulé',
        'MAITRE D’OUVRAGE',
        'Montant HT',
        'Commune(s)',
        'Date de début',
        'date de fin',
        'État d’avancement',
        'Type de fiche',
        'Axe stratégique',
        'Description',
        'Partenaires',
        'Objectifs de développement durable',
      ]),
    ).toEqual({
      Intitulé: 'titre',
      'MAITRE D’OUVRAGE': 'maitreOuvrage',
      'Montant HT': 'coutHt',
      'Commune(s)': 'communes',
      'Date de début': 'dateDebut',
      'date de fin': 'dateFin',
      'État d’avancement': 'maturite',
      'Type de fiche': 'type',
      'Axe stratégique': 'orientation',
      Description: 'resume',
      Partenaires: 'partenaires',
      'Objectifs de développement durable': 'odd',
    });
    expect(
      suggestMapping(["Maître d'ouvrage", 'Porteur', 'Nom du projet', 'Coût HT (€)', 'Coût']),
    ).toEqual({
      "Maître d'ouvrage": 'maitreOuvrage',
      'Nom du projet': 'titre',
      'Coût HT (€)': 'coutHt',
    });
  });

  it('leaves informational and unknown columns unmapped', () => {
    expect(
      suggestMapping(['N°', 'Financement total (€)', 'Financement acquis (€)', 'Remarques']),
    ).toEqual({});
  });
});

describe('rowsToFiches', () => {
  const mapping: Record<string, ImportField> = {
    Intitulé: 'titre',
    Nature: 'type',
    Avancement: 'maturite',
    Coût: 'coutHt',
    Lieux: 'communes',
    Axe: 'orientation',
    Début: 'dateDebut',
    Fin: 'dateFin',
    Publique: 'public',
    Domaines: 'isoDomaines',
    Finalités: 'isoFinalites',
    ODD: 'odd',
    Partenaires: 'partenaires',
  };

  it('accepts labels, names and the spellings people type', () => {
    const { fiches: imported, erreurs } = rowsToFiches(
      lines([
        {
          Intitulé: 'Halle',
          Nature: 'fiche ACTION',
          Avancement: 'pretE a démarrer',
          Coût: '12 000,50 €',
          Lieux: 'thouars; 1053 ;79293',
          Axe: 'mobilités du quotidien',
          Début: '1/2/2025',
          Fin: '2025-12-31',
          Publique: 'x',
          Domaines: 'Gouvernance, responsabilisation et engagement, Mobilité',
          Finalités: 'Bien-être; resilience',
          ODD: 'ODD 7, 13',
          Partenaires: 'ADEME ; Région',
        },
        {
          Intitulé: 'Tiers-lieu',
          Nature: 'projet',
          Coût: '12000.5',
          Axe: 'Orientation 1 — Transition',
          Publique: 'non',
        },
        { Intitulé: '', Nature: '', Coût: '' },
      ]),
      mapping,
      importCtx,
    );
    expect(erreurs).toEqual([]);
    expect(imported).toHaveLength(2);
    expect(imported[0]).toEqual({
      ligne: 2,
      input: expect.objectContaining({
        titre: 'Halle',
        type: 'action',
        maturite: 'prete_a_demarrer',
        coutCents: 1200050,
        communes: ['79329', '01053', '79293'],
        orientationId: O2,
        dateDebut: '2025-02-01',
        dateFin: '2025-12-31',
        public: true,
        isoDomaines: ['gouvernance', 'mobilite'],
        isoFinalites: ['bien_etre', 'resilience'],
        odd: [7, 13],
        partenaires: ['ADEME', 'Région'],
      }),
    });
    expect(imported[1]?.input).toMatchObject({
      type: 'projet',
      coutCents: 1200050,
      orientationId: O1,
      public: false,
    });
  });

  it('reports every wrong value with its line, its column and what is expected', () => {
    const { fiches: imported, erreurs } = rowsToFiches(
      lines([
        { Intitulé: 'Halle', Coût: '-500', Lieux: '79329, Paris', Début: '31/02/2025' },
        { Intitulé: 'Bon projet', Coût: '100' },
        {
          Intitulé: 'Ok',
          Nature: 'programme',
          Avancement: 'bientôt',
          Axe: '9',
          ODD: '18',
          Publique: 'peut-être',
        },
        {
          Intitulé: 'Voirie',
          Début: '2025-06-01',
          Fin: '01/01/2025',
          Lieux: '75056',
          Domaines: 'Sport',
        },
        { Coût: '10' },
      ]),
      mapping,
      importCtx,
    );
    expect(imported.map((f) => f.ligne)).toEqual([3]);
    const byCell = Object.fromEntries(erreurs.map((e) => [`${e.ligne}:${e.colonne}`, e.message]));
    expect(Object.keys(byCell)).toEqual([
      '2:Coût',
      '2:Lieux',
      '2:Début',
      '4:Intitulé',
      '4:Nature',
      '4:Avancement',
      '4:Axe',
      '4:ODD',
      '4:Publique',
      '5:Fin',
      '5:Lieux',
      '5:Domaines',
      '6:Intitulé',
    ]);
    expect(byCell['2:Coût']).toBe(
      'Coût HT « -500 » invalide : attendu un montant positif en euros, avec au plus deux décimales (par ex. 12 000,50).',
    );
    expect(byCell['2:Lieux']).toContain('« Paris »');
    expect(byCell['2:Lieux']).toContain('hors du périmètre du contrat');
    expect(byCell['2:Début']).toContain('« 31/02/2025 »');
    expect(byCell['4:Intitulé']).toBe('Le titre « Ok » est trop court : au moins 3 caractères.');
    expect(byCell['4:Nature']).toContain('« Fiche projet », « Fiche action »');
    expect(byCell['4:Axe']).toContain('(1, 2)');
    expect(byCell['4:ODD']).toContain('de 1 à 17');
    expect(byCell['5:Lieux']).toBe(
      'La commune de code INSEE 75056 est hors du périmètre du contrat.',
    );
    expect(byCell['5:Fin']).toBe(
      'La date de fin « 01/01/2025 » précède la date de début « 2025-06-01 ».',
    );
    expect(byCell['6:Intitulé']).toContain('Titre manquant');
  });

  it('refuses a mapping without title or with two columns for one field', () => {
    expect(rowsToFiches(lines([{ Coût: '1' }]), { Coût: 'coutHt' }, importCtx).erreurs).toEqual([
      {
        ligne: 1,
        colonne: null,
        message:
          'Aucune colonne ne correspond au titre des fiches : indiquez laquelle le contient.',
      },
    ]);
    const twice = rowsToFiches(lines([{ A: 'x', B: 'y' }]), { A: 'titre', B: 'titre' }, importCtx);
    expect(twice.fiches).toEqual([]);
    expect(twice.erreurs[0]?.message).toContain('« A » et « B »');
  });

  it('finds an orientation by a title that starts with a number before trying its numero', () => {
    const withYear = [
      ...orientations,
      { id: O1.replace(/1$/, '3'), numero: 3, titre: '2030 : sobriété' },
    ];
    const { fiches: imported, erreurs } = rowsToFiches(
      lines([
        { T: 'Projet A', O: '2030 : Sobriété' },
        { T: 'Projet B', O: '2 — Mobilités' },
        { T: 'Projet C', O: '1.5' },
      ]),
      { T: 'titre', O: 'orientation' },
      { communes: perimetre, orientations: withYear },
    );
    expect(imported.map((f) => f.input.orientationId)).toEqual([withYear[2]!.id, O2]);
    expect(erreurs).toEqual([
      {
        ligne: 4,
        colonne: 'O',
        message:
          'Orientation « 1.5 » inconnue : attendu le numéro (1, 2, 3) ou le titre exact d’une orientation du contrat.',
      },
    ]);
  });

  it('asks for the INSEE code when two communes of the perimeter share a name', () => {
    const communes = new Map([
      ['79001', 'Saint-Martin'],
      ['79002', 'Saint-Martin'],
    ]);
    const { erreurs } = rowsToFiches(
      lines([{ T: 'Projet', C: 'saint martin' }]),
      { T: 'titre', C: 'communes' },
      {
        communes,
        orientations,
      },
    );
    expect(erreurs[0]?.message).toContain('79001, 79002');
  });
});
