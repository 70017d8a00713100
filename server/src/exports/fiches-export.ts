import { type Fiche, MATURITE_LABELS, TYPE_FICHE_LABELS } from '@trame/shared';
import ExcelJS from 'exceljs';
import { type CsvCell, centsToDecimalFr, toCsv } from './csv.js';
import { EUROS_FORMAT } from './maquette-export.js';

/**
 * The fiche list as a table. Headers are the French labels the import recognises, so that an
 * export edited in a spreadsheet can be imported back with the automatic column mapping.
 */

export interface ExportContext {
  orientations: { id: string; numero: number; titre: string }[];
  communes: { code: string; nom: string }[];
  sourceLabel(code: string): string;
}

type Kind = 'text' | 'number' | 'euros' | 'date';
type Value = string | number | null;

interface Column {
  header: string;
  width: number;
  kind: Kind;
  value: (fiche: Fiche, ctx: ExportContext) => Value;
}

const list = (items: readonly (string | number)[], separator = ', ') => items.join(separator);

export const FICHE_EXPORT_COLUMNS: readonly Column[] = [
  { header: 'N°', width: 6, kind: 'number', value: (f) => f.numero },
  { header: 'Titre', width: 50, kind: 'text', value: (f) => f.titre },
  { header: 'Type', width: 14, kind: 'text', value: (f) => TYPE_FICHE_LABELS[f.type].fr },
  { header: 'Maturité', width: 18, kind: 'text', value: (f) => MATURITE_LABELS[f.maturite].fr },
  { header: 'Maître d’ouvrage', width: 30, kind: 'text', value: (f) => f.maitreOuvrage },
  { header: 'Résumé', width: 60, kind: 'text', value: (f) => f.resume },
  {
    header: 'Communes',
    width: 24,
    kind: 'text',
    value: (f) => list(f.communes.map((c) => c.code)),
  },
  {
    header: 'Orientation',
    width: 12,
    kind: 'number',
    value: (f, ctx) => ctx.orientations.find((o) => o.id === f.orientationId)?.numero ?? null,
  },
  { header: 'Début', width: 12, kind: 'date', value: (f) => f.dateDebut },
  { header: 'Fin', width: 12, kind: 'date', value: (f) => f.dateFin },
  { header: 'Coût HT (€)', width: 16, kind: 'euros', value: (f) => f.coutCents },
  { header: 'Public', width: 8, kind: 'text', value: (f) => (f.public ? 'oui' : 'non') },
  { header: 'Domaines ISO 37101', width: 30, kind: 'text', value: (f) => list(f.isoDomaines) },
  { header: 'Finalités ISO 37101', width: 30, kind: 'text', value: (f) => list(f.isoFinalites) },
  { header: 'ODD', width: 12, kind: 'text', value: (f) => list(f.odd) },
  { header: 'Partenaires', width: 30, kind: 'text', value: (f) => list(f.partenaires, ' ; ') },
  { header: 'Financement total (€)', width: 18, kind: 'euros', value: (f) => f.plan.totalCents },
  { header: 'Financement acquis (€)', width: 18, kind: 'euros', value: (f) => f.plan.acquisCents },
];

function xlsxValue(kind: Kind, value: Value): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (kind === 'euros') return Number(value) / 100;
  // A real date sorts and filters in the spreadsheet; UTC midnight is what exceljs writes as a day.
  if (kind === 'date') return new Date(`${value}T00:00:00Z`);
  return value;
}

export async function fichesXlsx(fiches: readonly Fiche[], ctx: ExportContext): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trame';
  const sheet = workbook.addWorksheet('Fiches', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  sheet.columns = FICHE_EXPORT_COLUMNS.map((column) => ({
    header: column.header,
    width: column.width,
    style:
      column.kind === 'euros'
        ? { numFmt: EUROS_FORMAT }
        : column.kind === 'date'
          ? { numFmt: 'dd/mm/yyyy' }
          : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
  for (const fiche of fiches) {
    sheet.addRow(FICHE_EXPORT_COLUMNS.map((c) => xlsxValue(c.kind, c.value(fiche, ctx))));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvValue(kind: Kind, value: Value): CsvCell {
  if (kind === 'euros' && typeof value === 'number') return centsToDecimalFr(value);
  return value;
}

export function fichesCsv(fiches: readonly Fiche[], ctx: ExportContext): Buffer {
  return toCsv([
    FICHE_EXPORT_COLUMNS.map((column) => column.header),
    ...fiches.map((fiche) =>
      FICHE_EXPORT_COLUMNS.map((c) => csvValue(c.kind, c.value(fiche, ctx))),
    ),
  ]);
}
