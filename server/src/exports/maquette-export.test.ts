import {
  buildMaquette,
  type MaquetteData,
  SOURCE_LABELS,
  type SourceReference,
} from '@trame/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { maquetteCsv, maquettesXlsx } from './maquette-export.js';

const label = (code: string) =>
  code in SOURCE_LABELS ? SOURCE_LABELS[code as SourceReference].fr : code;
const opts = { contratNom: 'CRTE du Thouarsais', sourceLabel: label };

const orientations = [
  { id: 'o1', numero: 1, titre: 'Transition écologique' },
  { id: 'o2', numero: 2, titre: 'Cohésion territoriale' },
];
const fiches = [
  { ficheId: 'f1', numero: 1, titre: 'Voie verte', maitreOuvrage: 'CC', orientationId: 'o1' },
  { ficheId: 'f2', numero: 2, titre: 'Halle', maitreOuvrage: 'Thouars', orientationId: 'o2' },
  {
    ficheId: 'f3',
    numero: 3,
    titre: 'Réseau de chaleur',
    maitreOuvrage: 'CC',
    orientationId: 'o1',
  },
  { ficheId: 'f4', numero: 4, titre: 'Tiers-lieu', maitreOuvrage: 'Asso', orientationId: null },
];

function maquette2024(): MaquetteData {
  return buildMaquette(
    2024,
    fiches,
    [
      { ficheId: 'f1', source: 'dsil', montantCents: 12345678 },
      { ficheId: 'f1', source: 'region', montantCents: 5000001 },
      { ficheId: 'f2', source: 'detr', montantCents: 99 },
      { ficheId: 'f2', source: 'region', montantCents: 700000 },
      { ficheId: 'f3', source: 'fonds_vert', montantCents: 33333333 },
      { ficheId: 'f4', source: 'leader', montantCents: 1234567 },
      { ficheId: 'f4', source: 'fondation_locale', montantCents: 1 },
    ],
    orientations,
  );
}

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length) as ArrayBuffer,
  );
  return workbook;
}

/** The row whose "Fiche" column holds `text`. */
function rowWith(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(2).value === text) found = row;
  });
  if (!found) throw new Error(`no row ${text}`);
  return found;
}

function formulaOf(cell: ExcelJS.Cell): { formula: string; result: unknown } {
  const value = cell.value as ExcelJS.CellFormulaValue;
  return { formula: value.formula, result: value.result };
}

describe('maquettesXlsx', () => {
  it('writes one sheet per year with a frozen header of sources', async () => {
    const m2024 = maquette2024();
    const m2025 = buildMaquette(
      2025,
      fiches,
      [{ ficheId: 'f2', source: 'dsil', montantCents: 100 }],
      orientations,
    );
    const workbook = await open(await maquettesXlsx([m2024, m2025], opts));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Maquette 2024', 'Maquette 2025']);

    const sheet = workbook.getWorksheet('Maquette 2024')!;
    const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen;
    expect(view.state).toBe('frozen');
    const header = sheet.getRow(view.ySplit!);
    expect(header.values).toEqual([
      undefined,
      'N°',
      'Fiche',
      'Maître d’ouvrage',
      'DSIL',
      'DETR',
      'Fonds vert',
      'LEADER',
      'Région',
      'fondation_locale',
      'Total',
    ]);
    expect(header.font?.bold).toBe(true);
  });

  it('writes amounts in euros and totals as formulas whose cached results are exact', async () => {
    const maquette = maquette2024();
    const sheet = (await open(await maquettesXlsx([maquette], opts))).worksheets[0]!;

    const voieVerte = rowWith(sheet, 'Voie verte');
    expect(voieVerte.getCell(1).value).toBe(1);
    expect(voieVerte.getCell(4).value).toBe(123456.78);
    expect(voieVerte.getCell(4).numFmt).toBe('#,##0.00 "€"');
    expect(voieVerte.getCell(5).value).toBeNull();
    expect(formulaOf(voieVerte.getCell(10))).toEqual({
      formula: `SUM(D${voieVerte.number}:I${voieVerte.number})`,
      result: 173456.79,
    });

    const [first, second] = maquette.groups;
    expect(rowWith(sheet, 'Orientation 1 — Transition écologique').font?.bold).toBe(true);
    expect(() => rowWith(sheet, 'Sans orientation')).not.toThrow();
    const subtotal = rowWith(sheet, 'Sous-total orientation 1');
    expect(formulaOf(subtotal.getCell(4)).result).toBe(first!.totauxParSource.dsil! / 100);
    expect(formulaOf(subtotal.getCell(10)).result).toBe(first!.totalCents / 100);
    expect(formulaOf(subtotal.getCell(4)).formula).toMatch(/^SUM\(D\d+:D\d+\)$/);
    expect(formulaOf(rowWith(sheet, 'Sous-total orientation 2').getCell(10)).result).toBe(
      second!.totalCents / 100,
    );

    const total = rowWith(sheet, 'Total');
    const subtotalRows = [
      'Sous-total orientation 1',
      'Sous-total orientation 2',
      'Sous-total sans orientation',
    ].map((text) => rowWith(sheet, text).number);
    expect(formulaOf(total.getCell(10))).toEqual({
      formula: `SUM(${subtotalRows.map((n) => `J${n}`).join(',')})`,
      result: maquette.totalCents / 100,
    });
    expect(formulaOf(total.getCell(8)).result).toBe(maquette.totauxParSource.region! / 100);
    expect(maquette.totalCents).toBe(52613679);
    expect(formulaOf(total.getCell(10)).result).toBe(526136.79);
  });

  it('names a second sheet of the same year apart instead of failing', async () => {
    const workbook = await open(await maquettesXlsx([maquette2024(), maquette2024()], opts));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Maquette 2024', 'Maquette 2024 (2)']);
  });

  it('exports an empty year with a zero total', async () => {
    const empty = buildMaquette(2026, fiches, [], orientations);
    const sheet = (await open(await maquettesXlsx([empty], opts))).worksheets[0]!;
    const total = formulaOf(rowWith(sheet, 'Total').getCell(4));
    expect(total.formula).toBe('0');
    // The file holds `<v>0</v>`; exceljs's reader alone drops a cached zero.
    expect(total.result ?? 0).toBe(0);
  });
});

describe('maquetteCsv', () => {
  it('has the same columns and rows, totals as French decimals', () => {
    const maquette = maquette2024();
    const csv = maquetteCsv(maquette, opts);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFN°;Fiche;Maître d’ouvrage;DSIL;DETR;Fonds vert;LEADER;Région;fondation_locale;Total',
    );
    const rows = parseCsv(csv);
    expect(rows.find((row) => row[1] === 'Voie verte')).toEqual([
      '1',
      'Voie verte',
      'CC',
      '123456,78',
      '',
      '',
      '',
      '50000,01',
      '',
      '173456,79',
    ]);
    expect(rows.find((row) => row[1] === 'Sous-total orientation 2')?.at(-1)).toBe('7000,99');
    expect(rows.at(-1)).toEqual([
      '',
      'Total',
      '',
      '123456,78',
      '0,99',
      '333333,33',
      '12345,67',
      '57000,01',
      '0,01',
      '526136,79',
    ]);
  });

  it('keeps a total over thousands of lines exact to the cent', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      ficheId: `f${i}`,
      numero: i + 1,
      titre: `Fiche ${i + 1}`,
      maitreOuvrage: '',
      orientationId: i % 2 === 0 ? 'o1' : null,
    }));
    // 0,10 € and 0,20 € are the classic float traps: 3000 × 0.1 + … drifts when summed as euros.
    const lines = many.flatMap((fiche, i) => [
      { ficheId: fiche.ficheId, source: 'dsil', montantCents: 10 },
      { ficheId: fiche.ficheId, source: 'detr', montantCents: 20 + (i % 7) },
    ]);
    const maquette = buildMaquette(2024, many, lines, orientations);
    // 3000 × 0,10 € for DSIL; 3000 × 0,20 € plus Σ(i mod 7) = 89,94 € for DETR.
    expect(maquette.totalCents).toBe(98994);

    const rows = parseCsv(maquetteCsv(maquette, opts));
    expect(rows.at(-1)).toEqual(['', 'Total', '', '300,00', '689,94', '989,94']);

    const sheet = (await open(await maquettesXlsx([maquette], opts))).worksheets[0]!;
    const total = rowWith(sheet, 'Total');
    expect(formulaOf(total.getCell(4)).result).toBe(300);
    expect(formulaOf(total.getCell(5)).result).toBe(689.94);
    expect(formulaOf(total.getCell(6)).result).toBe(989.94);
  });
});
