import type { MaquetteData, MaquetteGroup } from '@trame/shared';
import ExcelJS from 'exceljs';
import { type CsvCell, centsToDecimalFr, toCsv } from './csv.js';

/**
 * The maquette financière annuelle as the steering committee reads it: one row per fiche, one
 * column per funding source, a subtotal per orientation and a grand total. The XLSX keeps live
 * formulas so that a finance officer can play with amounts, with cached results computed from
 * cents so that readers which never recalculate (previews, mail clients) still show exact totals.
 */

export interface MaquetteExportOptions {
  contratNom: string;
  sourceLabel: (code: string) => string;
  locale?: 'fr';
}

export const EUROS_FORMAT = '#,##0.00 "€"';
const HEADER_ROW = 3;
const FIRST_AMOUNT_COLUMN = 4;
const GROUP_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE8EEF7' },
};
const TOTAL_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD6DEEB' },
};

const euros = (cents: number) => cents / 100;

export function groupTitle(group: Pick<MaquetteGroup, 'numero' | 'titre'>): string {
  return group.numero === null
    ? 'Sans orientation'
    : `Orientation ${group.numero} — ${group.titre}`;
}

function subtotalTitle(group: MaquetteGroup): string {
  return group.numero === null
    ? 'Sous-total sans orientation'
    : `Sous-total orientation ${group.numero}`;
}

function headers(maquette: MaquetteData, opts: MaquetteExportOptions): string[] {
  return [
    'N°',
    'Fiche',
    'Maître d’ouvrage',
    ...maquette.sources.map((source) => opts.sourceLabel(source)),
    'Total',
  ];
}

function uniqueSheetName(workbook: ExcelJS.Workbook, annee: number): string {
  const base = `Maquette ${annee}`;
  let name = base;
  for (let n = 2; workbook.getWorksheet(name); n++) name = `${base} (${n})`;
  return name;
}

function addSheet(workbook: ExcelJS.Workbook, maquette: MaquetteData, opts: MaquetteExportOptions) {
  const sheet = workbook.addWorksheet(uniqueSheetName(workbook, maquette.annee), {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const sourceCount = maquette.sources.length;
  const totalColumn = FIRST_AMOUNT_COLUMN + sourceCount;
  const letter = (column: number) => sheet.getColumn(column).letter;
  const amountColumns = Array.from({ length: sourceCount + 1 }, (_, i) => FIRST_AMOUNT_COLUMN + i);

  const title = sheet.getCell(1, 1);
  title.value = `Maquette financière ${maquette.annee} — ${opts.contratNom}`;
  title.font = { bold: true, size: 14 };

  const headerRow = sheet.getRow(HEADER_ROW);
  headerRow.values = headers(maquette, opts);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle', wrapText: true };
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;

  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 50;
  sheet.getColumn(3).width = 30;
  maquette.sources.forEach((source, index) => {
    const width = Math.min(30, Math.max(14, opts.sourceLabel(source).length + 2));
    sheet.getColumn(FIRST_AMOUNT_COLUMN + index).width = width;
  });
  sheet.getColumn(totalColumn).width = 18;
  for (const column of amountColumns) sheet.getColumn(column).numFmt = EUROS_FORMAT;

  /** Fills the amount cells of a summing row; `cents` gives the cached result of each column. */
  const sumRow = (
    row: ExcelJS.Row,
    formula: (col: string) => string,
    cents: (i: number) => number,
  ) => {
    amountColumns.forEach((column, i) => {
      row.getCell(column).value = { formula: formula(letter(column)), result: euros(cents(i)) };
    });
  };

  let rowNumber = HEADER_ROW + 1;
  const subtotalRows: number[] = [];
  for (const group of maquette.groups) {
    const groupRow = sheet.getRow(rowNumber++);
    groupRow.getCell(2).value = groupTitle(group);
    groupRow.font = { bold: true };
    for (let column = 1; column <= totalColumn; column++)
      groupRow.getCell(column).fill = GROUP_FILL;

    const firstFicheRow = rowNumber;
    for (const fiche of group.rows) {
      const row = sheet.getRow(rowNumber);
      row.getCell(1).value = fiche.numero;
      row.getCell(2).value = fiche.titre;
      row.getCell(3).value = fiche.maitreOuvrage;
      maquette.sources.forEach((source, index) => {
        const cents = fiche.montants[source];
        if (cents !== undefined) row.getCell(FIRST_AMOUNT_COLUMN + index).value = euros(cents);
      });
      const range = `${letter(FIRST_AMOUNT_COLUMN)}${rowNumber}:${letter(totalColumn - 1)}${rowNumber}`;
      row.getCell(totalColumn).value = {
        formula: sourceCount > 0 ? `SUM(${range})` : '0',
        result: euros(fiche.totalCents),
      };
      rowNumber++;
    }
    const lastFicheRow = rowNumber - 1;

    const subtotal = sheet.getRow(rowNumber);
    subtotal.getCell(2).value = subtotalTitle(group);
    subtotal.font = { bold: true };
    sumRow(
      subtotal,
      (col) => `SUM(${col}${firstFicheRow}:${col}${lastFicheRow})`,
      (i) =>
        i < sourceCount ? (group.totauxParSource[maquette.sources[i]!] ?? 0) : group.totalCents,
    );
    subtotalRows.push(rowNumber);
    rowNumber += 2;
  }

  const total = sheet.getRow(rowNumber);
  total.getCell(2).value = 'Total';
  total.font = { bold: true };
  for (let column = 1; column <= totalColumn; column++) total.getCell(column).fill = TOTAL_FILL;
  sumRow(
    total,
    (col) =>
      subtotalRows.length > 0 ? `SUM(${subtotalRows.map((row) => `${col}${row}`).join(',')})` : '0',
    (i) =>
      i < sourceCount ? (maquette.totauxParSource[maquette.sources[i]!] ?? 0) : maquette.totalCents,
  );
}

/** One sheet per year, in the order given. */
export async function maquettesXlsx(
  maquettes: readonly MaquetteData[],
  opts: MaquetteExportOptions,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trame';
  workbook.title = `Maquette financière — ${opts.contratNom}`;
  for (const maquette of maquettes) addSheet(workbook, maquette, opts);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function maquetteXlsx(maquette: MaquetteData, opts: MaquetteExportOptions): Promise<Buffer> {
  return maquettesXlsx([maquette], opts);
}

/**
 * One year as CSV: the same columns and rows as the sheet, with computed values in place of the
 * formulas. The header comes first so that the file reopens as a plain table.
 */
export function maquetteCsv(maquette: MaquetteData, opts: MaquetteExportOptions): Buffer {
  const amounts = (bySource: Record<string, number>, totalCents: number): CsvCell[] => [
    ...maquette.sources.map((source) => centsToDecimalFr(bySource[source] ?? 0)),
    centsToDecimalFr(totalCents),
  ];
  const blanks = (): CsvCell[] => maquette.sources.map(() => null).concat(null);
  const rows: CsvCell[][] = [headers(maquette, opts)];
  for (const group of maquette.groups) {
    rows.push([null, groupTitle(group), null, ...blanks()]);
    for (const fiche of group.rows) {
      rows.push([
        fiche.numero,
        fiche.titre,
        fiche.maitreOuvrage,
        ...maquette.sources.map((source) => {
          const cents = fiche.montants[source];
          return cents === undefined ? null : centsToDecimalFr(cents);
        }),
        centsToDecimalFr(fiche.totalCents),
      ]);
    }
    rows.push([
      null,
      subtotalTitle(group),
      null,
      ...amounts(group.totauxParSource, group.totalCents),
    ]);
  }
  rows.push([null, 'Total', null, ...amounts(maquette.totauxParSource, maquette.totalCents)]);
  return toCsv(rows);
}
