import {
  type ExportFormat,
  type ImportReport,
  ISO_DOMAINES,
  ISO_FINALITES,
  type IsoMatrix,
  type importFichesSchema,
  type Locale,
  sourceLabel,
  sumCents,
} from '@trame/shared';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { ContratRow } from '../contrats/repository.js';
import { communesOf } from '../contrats/repository.js';
import type { Queryable } from '../db/database.js';
import { fichesCsv, fichesXlsx } from '../exports/fiches-export.js';
import { HttpError } from '../http/errors.js';
import { CONTENT_TYPES, type ExportedFile } from '../maquette/export.js';
import { orientationsOf } from '../orientations/repository.js';
import { ImportFileError, readTable, rowsToFiches, suggestMapping } from './import-parse.js';
import * as repository from './repository.js';
import * as service from './service.js';

/** The fiches the caller may read, as a spreadsheet that the import reads back. */
export async function exportFiches(
  ctx: AppContext,
  contrat: ContratRow,
  viewer: service.Viewer,
  format: ExportFormat,
  locale: Locale,
): Promise<ExportedFile> {
  const publicOnly = !service.mayDo('fiche.lire', contrat, viewer);
  const rows = await repository.allFiches(ctx.db, contrat.id, publicOnly);
  const fiches = await service.ficheViews(ctx.db, contrat, viewer, rows);
  const own = await repository.sourcesOf(ctx.db, contrat.id);
  const exportContext = {
    orientations: await orientationsOf(ctx.db, contrat.id),
    communes: await communesOf(ctx.db, contrat.id),
    sourceLabel: (code: string) => sourceLabel(code, locale, own),
  };
  const content =
    format === 'xlsx' ? await fichesXlsx(fiches, exportContext) : fichesCsv(fiches, exportContext);
  return {
    filename: `fiches-${contrat.slug}.${format}`,
    contentType: CONTENT_TYPES[format],
    content,
  };
}

/**
 * Imports fiches from a spreadsheet in two steps: without a mapping, the file is analysed (columns,
 * suggested mapping, the errors a real import would meet) and nothing is written; with one, every
 * row is checked and the fiches are created together, or none when a single row is wrong.
 */
export async function importFiches(
  ctx: AppContext,
  contrat: ContratRow,
  userId: string,
  input: z.output<typeof importFichesSchema>,
): Promise<ImportReport> {
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(input.format, Buffer.from(input.contenu, 'base64'));
  } catch (error) {
    if (error instanceof ImportFileError) {
      throw new HttpError('import_file_unreadable', { reason: error.message });
    }
    throw error;
  }
  const correspondance = input.correspondance ?? suggestMapping(table.colonnes);
  const unknownColumns = Object.keys(correspondance).filter((c) => !table.colonnes.includes(c));
  if (unknownColumns.length > 0) {
    throw new HttpError(
      'validation_failed',
      {},
      unknownColumns.map((c) => ({
        path: `correspondance.${c}`,
        message: 'colonne absente du fichier / column not in the file',
      })),
    );
  }
  const communes = new Map((await communesOf(ctx.db, contrat.id)).map((c) => [c.code, c.nom]));
  const orientations = await orientationsOf(ctx.db, contrat.id);
  const converted = rowsToFiches(table.lignes, correspondance, { communes, orientations });
  const erreurs = Object.values(correspondance).includes('titre')
    ? converted.erreurs
    : [
        { ligne: 1, colonne: null, message: 'Aucune colonne ne donne le titre des fiches.' },
        ...converted.erreurs,
      ];
  const simulation = input.simulation || input.correspondance === undefined;
  const report: ImportReport = {
    colonnes: table.colonnes,
    correspondance,
    lignes: table.lignes.length,
    importees: 0,
    erreurs,
    simulation,
  };
  if (simulation || erreurs.length > 0) return report;
  report.importees = await service.createFiches(
    ctx.db,
    contrat,
    userId,
    converted.fiches.map((f) => f.input),
  );
  return report;
}

/**
 * The ISO 37101 matrix: for each purpose × domain, the fiches tagged with both and their cost.
 * A fiche counts in every cell it is tagged in; the total counts it once.
 */
export async function isoMatrix(
  db: Queryable,
  contrat: ContratRow,
  viewer: service.Viewer,
): Promise<IsoMatrix> {
  const publicOnly = !service.mayDo('fiche.lire', contrat, viewer);
  const rows = (await repository.allFiches(db, contrat.id, publicOnly)).filter(
    (row) => row.maturite !== 'abandonnee',
  );
  const cells = ISO_FINALITES.flatMap((finalite) =>
    ISO_DOMAINES.map((domaine) => {
      const tagged = rows.filter(
        (row) => row.isoFinalites.includes(finalite) && row.isoDomaines.includes(domaine),
      );
      return {
        finalite,
        domaine,
        fiches: tagged.length,
        coutCents: sumCents(tagged.map((row) => row.coutCents ?? 0)),
      };
    }),
  );
  return { cells, totalFiches: rows.length };
}
