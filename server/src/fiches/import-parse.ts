import {
  createFicheSchema,
  IMPORT_FIELDS,
  type ImportField,
  type ImportRowIssue,
  ISO_DOMAINE_LABELS,
  ISO_DOMAINES,
  ISO_FINALITE_LABELS,
  ISO_FINALITES,
  MATURITE_LABELS,
  MATURITES,
  parseEurosToCents,
  TYPE_FICHE_LABELS,
  TYPES_FICHE,
} from '@trame/shared';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { parseCsv, unguardCsvCell } from '../exports/csv.js';

/**
 * Reading a spreadsheet of fiches typed by people: the file becomes a table, its columns are
 * matched to fiche fields, and each row becomes a fiche input or a list of errors that say which
 * line, which column, what was found and what was expected, so that the file can be fixed in one
 * pass.
 */

export const MAX_IMPORT_ROWS = 5000;

export type ImportFileErrorCode =
  | 'illisible'
  | 'sans_entete'
  | 'entetes_en_double'
  | 'trop_de_lignes';

/**
 * The file as a whole cannot be read. The message is French and reads as the `{reason}` of the
 * `import_file_unreadable` API error.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ImportLine {
  /** The line number a spreadsheet shows for this row. */
  ligne: number;
  /** Column header → trimmed text of the cell ('' when empty). */
  valeurs: Record<string, string>;
}

export interface ImportTable {
  colonnes: string[];
  lignes: ImportLine[];
}

// ── reading the file ──

function dateText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function numberText(value: number): string {
  // Excel keeps 15 significant digits: `=0.1+0.2` is shown, and meant, as 0.3.
  return String(Number(value.toPrecision(15)));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('error' in value) return value.error;
  return '';
}

function xlsxRows(workbook: ExcelJS.Workbook): { ligne: number; cells: string[] }[] {
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('illisible', 'le classeur ne contient aucune feuille.');
  const rows: { ligne: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, ligne) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ ligne, cells: Array.from(cells, (text) => text ?? '') });
  });
  return rows;
}

async function readRows(
  format: 'csv' | 'xlsx',
  content: Buffer,
): Promise<{ ligne: number; cells: string[] }[]> {
  if (format === 'csv') {
    let records: string[][];
    try {
      records = parseCsv(content);
    } catch (error) {
      const detail = error instanceof Error ? ` (${error.message})` : '';
      throw new ImportFileError('illisible', `le fichier CSV est mal formé${detail}.`);
    }
    return records.map((cells, index) => ({ ligne: index + 1, cells: cells.map(unguardCsvCell) }));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength);
    await workbook.xlsx.load(bytes as ArrayBuffer);
  } catch {
    throw new ImportFileError(
      'illisible',
      'ce n’est pas un classeur Excel (.xlsx) lisible ; un fichier .xls ou .ods doit d’abord être enregistré au format .xlsx.',
    );
  }
  return xlsxRows(workbook);
}

/**
 * The file as a table: the first non-empty row is the header, fully empty rows are skipped.
 * Columns without a header are ignored: nothing could be mapped to them.
 */
export async function readTable(format: 'csv' | 'xlsx', content: Buffer): Promise<ImportTable> {
  const rows = (await readRows(format, content))
    .map((row) => ({ ligne: row.ligne, cells: row.cells.map((cell) => cell.trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ''));
  const [header, ...data] = rows;
  if (!header) {
    throw new ImportFileError('sans_entete', 'le fichier est vide : aucune ligne d’en-tête.');
  }
  const columns = header.cells
    .map((name, index) => ({ name, index }))
    .filter((column) => column.name !== '');
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { name } of columns) (seen.has(name) ? duplicates : seen).add(name);
  if (duplicates.size > 0) {
    const names = [...duplicates].map((name) => `« ${name} »`).join(', ');
    throw new ImportFileError(
      'entetes_en_double',
      `plusieurs colonnes portent le même en-tête (${names}) ; renommez-les pour les distinguer.`,
    );
  }
  if (data.length > MAX_IMPORT_ROWS) {
    throw new ImportFileError(
      'trop_de_lignes',
      `le fichier compte ${data.length} lignes de données, au-delà du maximum de ${MAX_IMPORT_ROWS} ; découpez-le en plusieurs fichiers.`,
    );
  }
  return {
    colonnes: columns.map((column) => column.name),
    lignes: data
      .map((row) => ({
        ligne: row.ligne,
        valeurs: Object.fromEntries(
          columns.map((column) => [column.name, row.cells[column.index] ?? '']),
        ),
      }))
      // A row with text only under headerless columns is as empty as a blank one.
      .filter((row) => Object.values(row.valeurs).some((value) => value !== '')),
  };
}

// ── column mapping ──

/** Lower case, no accents, any apostrophe or punctuation as a space: "Maître d’ouvrage" = "maitre d ouvrage". */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A header without its unit or plural mark: "Coût HT (€)", "Commune(s)", "Montant en euros". */
function normalizeHeader(header: string): string {
  return normalize(header.replace(/\([^)]*\)/g, ' ').replace(/€/g, ' '))
    .replace(/(?:^| )(?:en )?(?:euros?|eur)$/, '')
    .trim();
}

const SYNONYMS: Record<ImportField, readonly string[]> = {
  titre: [
    'titre',
    'titre du projet',
    'titre de la fiche',
    'titre de l action',
    'intitule',
    'intitule du projet',
    'intitule de l action',
    'intitule de la fiche',
    'intitule de l operation',
    'nom du projet',
    'nom de l action',
    'nom de l operation',
    'libelle',
    'libelle du projet',
    'projet',
    'operation',
    'nom',
    'title',
  ],
  type: ['type', 'type de fiche', 'type fiche', 'nature de la fiche'],
  maturite: [
    'maturite',
    'niveau de maturite',
    'maturite du projet',
    'etat d avancement',
    'avancement',
    'stade',
    'stade d avancement',
    'statut',
    'maturity',
  ],
  maitreOuvrage: [
    'maitre d ouvrage',
    'maitre douvrage',
    'maitrise d ouvrage',
    'maitre d ouvrage pressenti',
    'moa',
    'porteur',
    'porteur de projet',
    'porteur du projet',
    'structure porteuse',
    'beneficiaire',
    'project owner',
  ],
  resume: [
    'resume',
    'resume du projet',
    'description',
    'description du projet',
    'descriptif',
    'presentation',
    'objet',
    'summary',
  ],
  communes: [
    'communes',
    'commune',
    'communes concernees',
    'code insee',
    'codes insee',
    'code commune',
    'codes communes',
    'localisation',
    'municipalities',
  ],
  orientation: [
    'orientation',
    'orientations',
    'orientation strategique',
    'n orientation',
    'numero d orientation',
    'axe',
    'axe strategique',
  ],
  dateDebut: [
    'debut',
    'date de debut',
    'date debut',
    'date de demarrage',
    'demarrage',
    'debut des travaux',
    'date de lancement',
    'start date',
  ],
  dateFin: [
    'fin',
    'date de fin',
    'date fin',
    'date d achevement',
    'achevement',
    'fin des travaux',
    'date de livraison',
    'end date',
  ],
  coutHt: [
    'cout',
    'cout ht',
    'cout total',
    'cout total ht',
    'cout du projet',
    'cout previsionnel',
    'cout previsionnel ht',
    'cout estime',
    'cout estimatif',
    'montant',
    'montant ht',
    'montant total',
    'montant total ht',
    'budget',
    'budget ht',
    'cost',
  ],
  public: ['public', 'publique', 'fiche publique', 'visible', 'visibilite', 'publication'],
  isoDomaines: [
    'domaines iso 37101',
    'domaine iso 37101',
    'domaines iso',
    'domaines',
    'domaine',
    'domaines d action',
  ],
  isoFinalites: [
    'finalites iso 37101',
    'finalite iso 37101',
    'finalites iso',
    'finalites',
    'finalite',
  ],
  odd: [
    'odd',
    'objectifs de developpement durable',
    'objectif de developpement durable',
    'odd concernes',
    'sdg',
  ],
  partenaires: ['partenaires', 'partenaire', 'partenaires associes', 'partners'],
};

const FIELD_BY_HEADER = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => SYNONYMS[field].map((name) => [name, field] as const)),
);

/**
 * The columns recognised by their header, each field taken by the first column that names it.
 * Informational columns of the export (N°, Financement …) are left unmapped on purpose.
 */
export function suggestMapping(colonnes: readonly string[]): Record<string, ImportField> {
  const mapping: Record<string, ImportField> = {};
  const taken = new Set<ImportField>();
  for (const colonne of colonnes) {
    const field = FIELD_BY_HEADER.get(normalizeHeader(colonne));
    if (field && !taken.has(field)) {
      mapping[colonne] = field;
      taken.add(field);
    }
  }
  return mapping;
}

// ── rows to fiches ──

export interface ImportContext {
  /** The contract's perimeter: INSEE code → name. */
  communes: Map<string, string>;
  orientations: { id: string; numero: number; titre: string }[];
}

export type ImportedFicheInput = z.output<typeof createFicheSchema>;

export interface RowsToFichesResult {
  fiches: { ligne: number; input: ImportedFicheInput }[];
  erreurs: ImportRowIssue[];
}

const FIELD_LABELS: Record<ImportField, string> = {
  titre: 'titre',
  type: 'type',
  maturite: 'maturité',
  maitreOuvrage: 'maître d’ouvrage',
  resume: 'résumé',
  communes: 'communes',
  orientation: 'orientation',
  dateDebut: 'date de début',
  dateFin: 'date de fin',
  coutHt: 'coût HT',
  public: 'public',
  isoDomaines: 'domaines ISO 37101',
  isoFinalites: 'finalités ISO 37101',
  odd: 'ODD',
  partenaires: 'partenaires',
};

/** Which import field fills which key of `createFicheSchema`, to place its issues in a column. */
const SCHEMA_KEY: Record<ImportField, string> = {
  titre: 'titre',
  type: 'type',
  maturite: 'maturite',
  maitreOuvrage: 'maitreOuvrage',
  resume: 'resume',
  communes: 'communes',
  orientation: 'orientationId',
  dateDebut: 'dateDebut',
  dateFin: 'dateFin',
  coutHt: 'coutCents',
  public: 'public',
  isoDomaines: 'isoDomaines',
  isoFinalites: 'isoFinalites',
  odd: 'odd',
  partenaires: 'partenaires',
};

const quote = (value: string) => `« ${value} »`;

/** Matches codes and labels (French or English) of a reference list, accents and case aside. */
function lookup<K extends string>(
  codes: readonly K[],
  labels: Record<K, Record<string, string>>,
): (value: string) => K | undefined {
  const index = new Map<string, K>();
  for (const code of codes) {
    index.set(normalize(code), code);
    for (const label of Object.values(labels[code])) index.set(normalize(label), code);
  }
  return (value) => index.get(normalize(value));
}

const findType = lookup(TYPES_FICHE, TYPE_FICHE_LABELS);
const findMaturite = lookup(MATURITES, MATURITE_LABELS);
const findDomaine = lookup(ISO_DOMAINES, ISO_DOMAINE_LABELS);
const findFinalite = lookup(ISO_FINALITES, ISO_FINALITE_LABELS);

const frLabels = <K extends string>(codes: readonly K[], labels: Record<K, { fr: string }>) =>
  codes.map((code) => quote(labels[code].fr)).join(', ');

/**
 * Splits a list of codes or labels on `,` `;` or line breaks, while keeping labels that contain a
 * comma ("Gouvernance, responsabilisation et engagement") whole: the longest run of pieces that
 * is a known label wins.
 */
function splitKnown<K>(
  value: string,
  find: (piece: string) => K | undefined,
): { found: K[]; unknown: string[] } {
  const pieces = value
    .split(/[,;\n]/)
    .map((piece) => piece.trim())
    .filter(Boolean);
  const found: K[] = [];
  const unknown: string[] = [];
  let start = 0;
  while (start < pieces.length) {
    let end = pieces.length;
    let match: K | undefined;
    for (; end > start; end--) {
      match = find(pieces.slice(start, end).join(', '));
      if (match !== undefined) break;
    }
    if (match === undefined) {
      unknown.push(pieces[start]!);
      start++;
    } else {
      if (!found.includes(match)) found.push(match);
      start = end;
    }
  }
  return { found, unknown };
}

/** yyyy-mm-dd or dd/mm/yyyy (also with `-` or `.`), checked against the calendar. */
function parseDate(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : fr
      ? [fr[3], fr[2]?.padStart(2, '0'), fr[1]?.padStart(2, '0')]
      : [];
  if (!year || !month || !day) return undefined;
  const text = `${year}-${month}-${day}`;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && dateText(date) === text ? text : undefined;
}

const BOOLEANS = new Map<string, boolean>([
  ...['oui', 'o', 'true', 'vrai', '1', 'x', 'yes', 'y'].map((word) => [word, true] as const),
  ...['non', 'n', 'false', 'faux', '0', 'no'].map((word) => [word, false] as const),
]);

interface Commune {
  code: string;
  nom: string;
}

/** Names → codes of the perimeter; a name shared by two communes maps to both. */
function communeIndex(communes: Map<string, string>): Map<string, Commune[]> {
  const byName = new Map<string, Commune[]>();
  for (const [code, nom] of communes) {
    const key = normalize(nom);
    byName.set(key, [...(byName.get(key) ?? []), { code, nom }]);
  }
  return byName;
}

interface RowBuilder {
  input: Record<string, unknown>;
  error(field: ImportField, message: string): void;
}

type Converter = (value: string, row: RowBuilder) => void;

function converters(ctx: ImportContext): Record<ImportField, Converter> {
  const byName = communeIndex(ctx.communes);
  const orientationNumeros = ctx.orientations
    .map((o) => o.numero)
    .sort((a, b) => a - b)
    .join(', ');

  const findCommune = (token: string, row: RowBuilder): string | undefined => {
    if (ctx.communes.has(token)) return token;
    // Excel stores INSEE codes as numbers and drops the leading zero of departments 01 to 09.
    if (/^\d{4}$/.test(token) && ctx.communes.has(`0${token}`)) return `0${token}`;
    const named = byName.get(normalize(token)) ?? [];
    if (named.length === 1) return named[0]!.code;
    if (named.length > 1) {
      const codes = named.map((c) => c.code).join(', ');
      row.error(
        'communes',
        `Plusieurs communes du périmètre s’appellent ${quote(token)} (${codes}) : indiquez son code INSEE.`,
      );
      return undefined;
    }
    row.error(
      'communes',
      /^(?:\d{5}|2[AB]\d{3})$/i.test(token)
        ? `La commune de code INSEE ${token} est hors du périmètre du contrat.`
        : `La commune ${quote(token)} est inconnue ou hors du périmètre du contrat : indiquez le code INSEE ou le nom d’une commune du périmètre.`,
    );
    return undefined;
  };

  const text =
    (key: string): Converter =>
    (value, row) => {
      row.input[key] = value;
    };

  const date =
    (key: 'dateDebut' | 'dateFin'): Converter =>
    (value, row) => {
      const parsed = parseDate(value);
      if (parsed) row.input[key] = parsed;
      else
        row.error(
          key,
          `La ${FIELD_LABELS[key]} ${quote(value)} n’est pas une date valide : attendu jj/mm/aaaa (par ex. 31/12/2026) ou aaaa-mm-jj.`,
        );
    };

  const iso =
    <K extends string>(
      key: 'isoDomaines' | 'isoFinalites',
      find: (piece: string) => K | undefined,
      expected: string,
    ): Converter =>
    (value, row) => {
      const { found, unknown } = splitKnown(value, find);
      for (const piece of unknown) {
        row.error(key, `${quote(piece)} n’est pas ${expected}.`);
      }
      if (unknown.length === 0) row.input[key] = found;
    };

  return {
    titre: text('titre'),
    resume: text('resume'),
    maitreOuvrage: text('maitreOuvrage'),
    type: (value, row) => {
      const type = findType(value);
      if (type) row.input.type = type;
      else
        row.error(
          'type',
          `Type de fiche ${quote(value)} inconnu : attendu ${frLabels(TYPES_FICHE, TYPE_FICHE_LABELS)}.`,
        );
    },
    maturite: (value, row) => {
      const maturite = findMaturite(value);
      if (maturite) row.input.maturite = maturite;
      else
        row.error(
          'maturite',
          `Maturité ${quote(value)} inconnue : attendu l’une de ${frLabels(MATURITES, MATURITE_LABELS)}.`,
        );
    },
    communes: (value, row) => {
      const tokens = value
        .split(/[,;\n]/)
        .map((token) => token.trim())
        .filter(Boolean);
      const codes = tokens.map((token) => findCommune(token, row));
      if (codes.every((code) => code !== undefined)) row.input.communes = [...new Set(codes)];
    },
    orientation: (value, row) => {
      // The title first: one may well start with a number ("2030 : un territoire sobre").
      const numero = /^(?:orientation\s*)?(\d+)(?:\s*[—–:-]|\s|$)/i.exec(value)?.[1];
      const orientation =
        ctx.orientations.find((o) => normalize(o.titre) === normalize(value)) ??
        ctx.orientations.find((o) => numero !== undefined && o.numero === Number(numero));
      if (orientation) row.input.orientationId = orientation.id;
      else
        row.error(
          'orientation',
          ctx.orientations.length === 0
            ? `Orientation ${quote(value)} inconnue : le contrat n’a encore aucune orientation.`
            : `Orientation ${quote(value)} inconnue : attendu le numéro (${orientationNumeros}) ou le titre exact d’une orientation du contrat.`,
        );
    },
    dateDebut: date('dateDebut'),
    dateFin: date('dateFin'),
    coutHt: (value, row) => {
      const cents = parseEurosToCents(value.replace(/\s*HT\s*$/i, ''));
      if (cents !== undefined) row.input.coutCents = cents;
      else
        row.error(
          'coutHt',
          `Coût HT ${quote(value)} invalide : attendu un montant positif en euros, avec au plus deux décimales (par ex. 12 000,50).`,
        );
    },
    public: (value, row) => {
      const flag = BOOLEANS.get(normalize(value));
      if (flag !== undefined) row.input.public = flag;
      else row.error('public', `Valeur ${quote(value)} non comprise : attendu « oui » ou « non ».`);
    },
    isoDomaines: iso('isoDomaines', findDomaine, 'un domaine ISO 37101 (par ex. « Mobilité »)'),
    isoFinalites: iso(
      'isoFinalites',
      findFinalite,
      'une finalité ISO 37101 (par ex. « Résilience »)',
    ),
    odd: (value, row) => {
      const numbers: number[] = [];
      let valid = true;
      for (const token of value
        .replace(/odd/gi, ' ')
        .split(/[\s,;]+/)
        .filter(Boolean)) {
        const n = /^\d{1,2}$/.test(token) ? Number(token) : Number.NaN;
        if (n >= 1 && n <= 17) {
          if (!numbers.includes(n)) numbers.push(n);
        } else {
          valid = false;
          row.error('odd', `${quote(token)} n’est pas un ODD : attendu un numéro de 1 à 17.`);
        }
      }
      if (valid) row.input.odd = numbers;
    },
    partenaires: (value, row) => {
      row.input.partenaires = value
        .split(/[;\n]/)
        .map((name) => name.trim())
        .filter(Boolean);
    },
  };
}

function issueMessage(
  field: ImportField,
  issue: z.core.$ZodIssue,
  values: Map<ImportField, string>,
): string {
  const value = values.get(field) ?? '';
  const label = FIELD_LABELS[field];
  const max = 'maximum' in issue ? Number(issue.maximum) : undefined;
  const min = 'minimum' in issue ? Number(issue.minimum) : undefined;
  const isList = issue.path.length > 1 || ('origin' in issue && issue.origin === 'array');
  if (field === 'dateFin' && issue.code === 'custom') {
    return `La date de fin ${quote(value)} précède la date de début ${quote(values.get('dateDebut') ?? '')}.`;
  }
  if (issue.code === 'too_small' && field === 'titre') {
    return `Le titre ${quote(value)} est trop court : au moins ${min} caractères.`;
  }
  if (issue.code === 'too_big' && field === 'coutHt') {
    return `Coût HT ${quote(value)} trop élevé.`;
  }
  if (issue.code === 'too_big' && isList && issue.path.length > 1) {
    return `Un élément de la colonne ${label} dépasse ${max} caractères.`;
  }
  if (issue.code === 'too_big' && isList) {
    return `Trop d’éléments pour ${label} : au plus ${max}.`;
  }
  if (issue.code === 'too_big') {
    return `Le texte de ${label} est trop long : au plus ${max} caractères.`;
  }
  return `Valeur ${quote(value)} refusée pour ${label} : ${issue.message}.`;
}

/**
 * Turns mapped rows into fiche inputs. Every error of every row is collected, so that the person
 * fixes the whole file at once; a row with an error gives no fiche. Rows with nothing in any mapped
 * column are skipped (a blank line, a note beside the table). A mapping that cannot work (no title
 * column, two columns for one field) is reported on line 1, the header, and nothing is converted.
 */
export function rowsToFiches(
  lignes: readonly ImportLine[],
  correspondance: Record<string, ImportField>,
  ctx: ImportContext,
): RowsToFichesResult {
  const erreurs: ImportRowIssue[] = [];
  const columnOf = new Map<ImportField, string>();
  for (const [colonne, field] of Object.entries(correspondance)) {
    const other = columnOf.get(field);
    if (other === undefined) columnOf.set(field, colonne);
    else
      erreurs.push({
        ligne: 1,
        colonne,
        message: `Les colonnes ${quote(other)} et ${quote(colonne)} alimentent toutes deux le champ ${FIELD_LABELS[field]} : n’en gardez qu’une.`,
      });
  }
  if (!columnOf.has('titre')) {
    erreurs.push({
      ligne: 1,
      colonne: null,
      message: 'Aucune colonne ne correspond au titre des fiches : indiquez laquelle le contient.',
    });
  }
  if (erreurs.length > 0) return { fiches: [], erreurs };

  const convert = converters(ctx);
  const fieldOfKey = new Map(IMPORT_FIELDS.map((field) => [SCHEMA_KEY[field], field]));
  const fiches: RowsToFichesResult['fiches'] = [];

  for (const { ligne, valeurs } of lignes) {
    const values = new Map<ImportField, string>();
    for (const [field, colonne] of columnOf) {
      const value = valeurs[colonne]?.trim() ?? '';
      if (value !== '') values.set(field, value);
    }
    if (values.size === 0) continue;

    const failed = new Set<ImportField>();
    const rowErrors: ImportRowIssue[] = [];
    const row: RowBuilder = {
      input: {},
      error(field, message) {
        failed.add(field);
        rowErrors.push({ ligne, colonne: columnOf.get(field) ?? null, message });
      },
    };
    if (!values.has('titre'))
      row.error('titre', 'Titre manquant : chaque fiche doit avoir un titre.');
    for (const [field, value] of values) convert[field](value, row);

    const parsed = createFicheSchema.safeParse(row.input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOfKey.get(String(issue.path[0]));
        if (field && failed.has(field)) continue;
        rowErrors.push({
          ligne,
          colonne: field ? (columnOf.get(field) ?? null) : null,
          message: field ? issueMessage(field, issue, values) : `Ligne refusée : ${issue.message}.`,
        });
      }
    }
    if (rowErrors.length > 0) {
      // In the file's column order, the order in which the person reads the line.
      const order = Object.keys(valeurs);
      const position = (issue: ImportRowIssue) =>
        issue.colonne === null ? order.length : order.indexOf(issue.colonne);
      erreurs.push(...rowErrors.sort((a, b) => position(a) - position(b)));
    } else if (parsed.success) fiches.push({ ligne, input: parsed.data });
  }
  return { fiches, erreurs };
}
