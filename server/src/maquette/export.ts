import { type ExportFormat, type Locale, type MaquetteData, sourceLabel } from '@trame/shared';
import type { ContratRow } from '../contrats/repository.js';
import type { Queryable } from '../db/database.js';
import { maquetteCsv, maquettesXlsx } from '../exports/maquette-export.js';
import { sourcesOf } from '../fiches/repository.js';
import { computeMaquette } from './service.js';

export interface ExportedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * The maquette of one or several years as a file: XLSX has one sheet per year; CSV holds one year,
 * so several years are refused upstream.
 */
export async function exportMaquette(
  db: Queryable,
  contrat: ContratRow,
  annees: number | number[],
  format: ExportFormat,
  locale: Locale,
): Promise<ExportedFile> {
  const years = Array.isArray(annees) ? annees : [annees];
  const maquettes: MaquetteData[] = [];
  for (const annee of years) maquettes.push(await computeMaquette(db, contrat.id, annee));
  const own = await sourcesOf(db, contrat.id);
  const options = {
    contratNom: contrat.nom,
    sourceLabel: (code: string) => sourceLabel(code, locale, own),
  };
  const suffix = years.length === 1 ? String(years[0]) : `${years[0]}-${years.at(-1)}`;
  const filename = `maquette-${contrat.slug}-${suffix}.${format}`;
  const content =
    format === 'xlsx'
      ? await maquettesXlsx(maquettes, options)
      : maquetteCsv(maquettes[0]!, options);
  return { filename, contentType: CONTENT_TYPES[format], content };
}
