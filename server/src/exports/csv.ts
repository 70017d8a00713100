import { parse } from 'csv-parse/sync';

/**
 * CSV as French spreadsheets expect it: Excel opens a `;`-separated, BOM-prefixed UTF-8 file
 * directly in the right columns and with accents intact, where a bare `,` file lands in one column.
 */

export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[;"\r\n]/;
/**
 * A cell starting like this is run as a formula by spreadsheets (CSV injection): a fiche title such
 * as `=HYPERLINK(…)` typed by one partner would execute on every reader's machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:,\d+)?$/;

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  // Negative amounts are plain numbers, not formulas: they keep their sign untouched.
  const text = FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): Buffer {
  const body = rows.map((row) => `${row.map(cellText).join(';')}\r\n`).join('');
  return Buffer.from(BOM + body, 'utf8');
}

/**
 * Cents as a French decimal without thousands separators ("1234,56"): what a spreadsheet reads
 * back as a number, where `formatEuros` spacing would make it text.
 */
export function centsToDecimalFr(cents: number): string {
  const abs = Math.abs(cents);
  const sign = cents < 0 ? '-' : '';
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** Undoes the formula guard of `toCsv`, so that an exported file imports back to the same text. */
export function unguardCsvCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/**
 * Excel saves "CSV (séparateur : point-virgule)" in Windows-1252, not UTF-8: bytes that are not
 * valid UTF-8 are read that way rather than turned into replacement characters.
 */
function decode(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/** The separator of the header line: the candidate that occurs most often outside quotes. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ';';
  for (const [candidate, count] of counts) if (count > counts.get(best)!) best = candidate;
  return best;
}

/**
 * Every record of the file, empty lines included (as `['']`), so that record `i` is line `i + 1`
 * of the spreadsheet the person looked at. Throws csv-parse's error on a malformed file.
 */
export function parseCsv(buffer: Buffer): string[][] {
  let text = decode(buffer);
  if (text.startsWith(BOM)) text = text.slice(1);
  // Blank lines before the header should not decide the separator.
  const firstLine = text.replace(/^[\r\n]+/, '');
  return parse(text, {
    delimiter: detectDelimiter(firstLine),
    relax_column_count: true,
    relax_quotes: true,
  }) as string[][];
}
