import {
  CATEGORIE_LABELS,
  type Locale,
  type ParticipationChiffres,
  type ParticipationPhase,
  type ParticipationReport,
  phaseName,
  TYPE_CONTRIBUTION_LABELS,
  TYPES_CONTRIBUTION,
} from '@trame/shared';
import PDFDocument from 'pdfkit';
import { type CsvCell, toCsv } from './csv.js';

/**
 * The participation report as files: a CSV with one row per phase and category (and their totals)
 * for spreadsheets, and a PDF with a bar chart and a table per phase for the steering committee
 * and the State. Both carry counts only: the report never names anyone.
 */

export interface ParticipationExportOptions {
  contratNom: string;
  locale: Locale;
}

const WORDS = {
  fr: {
    titre: 'Rapport de participation',
    genere: 'Établi le',
    phase: 'Phase',
    debut: 'Début',
    fin: 'Fin',
    categorie: 'Catégorie',
    personnes: 'Personnes',
    contributions: 'Contributions',
    nommes: 'Présents nommés',
    comptes: 'Présents comptés',
    evenements: 'Événements',
    horsPhase: 'Hors phase',
    toutes: 'Toutes catégories',
    contrat: 'Ensemble du contrat',
    graphique: 'Contributions et présences par phase',
    presents: 'Présents',
    aucun: 'Aucune participation enregistrée.',
    note: 'Personnes : comptes qui ont contribué ou ont été nommés présents, et invités nommés, chacun compté une fois. Présents comptés : participants d’une réunion publique comptés par catégorie, sans nom.',
  },
  en: {
    titre: 'Participation report',
    genere: 'Drawn up on',
    phase: 'Phase',
    debut: 'Start',
    fin: 'End',
    categorie: 'Category',
    personnes: 'People',
    contributions: 'Contributions',
    nommes: 'Named attendees',
    comptes: 'Counted attendees',
    evenements: 'Events',
    horsPhase: 'Outside any phase',
    toutes: 'All categories',
    contrat: 'Whole contract',
    graphique: 'Contributions and attendance per phase',
    presents: 'Attendees',
    aucun: 'No participation recorded.',
    note: 'People: accounts that contributed or were named as attendees, and named guests, each counted once. Counted attendees: public meeting participants counted per category, without names.',
  },
} as const;

function nameOf(phase: ParticipationPhase, locale: Locale): string {
  return phase.type === null
    ? WORDS[locale].horsPhase
    : phaseName({ ...phase, type: phase.type }, locale);
}

const hasActivity = (c: ParticipationChiffres) =>
  c.personnes > 0 || c.totalContributions > 0 || c.presentsNommes > 0 || c.presentsComptes > 0;

function figures(c: ParticipationChiffres): number[] {
  return [
    c.personnes,
    ...TYPES_CONTRIBUTION.map((t) => c.contributions[t]),
    c.totalContributions,
    c.presentsNommes,
    c.presentsComptes,
  ];
}

function headers(locale: Locale): string[] {
  const w = WORDS[locale];
  return [
    w.personnes,
    ...TYPES_CONTRIBUTION.map((t) => TYPE_CONTRIBUTION_LABELS[t][locale]),
    w.contributions,
    w.nommes,
    w.comptes,
  ];
}

export function participationCsv(
  report: ParticipationReport,
  opts: ParticipationExportOptions,
): Buffer {
  const { locale } = opts;
  const w = WORDS[locale];
  const rows: CsvCell[][] = [
    [w.phase, w.debut, w.fin, w.categorie, w.evenements, ...headers(locale)],
  ];
  for (const phase of report.phases) {
    const name = nameOf(phase, locale);
    for (const cell of phase.categories.filter(hasActivity)) {
      rows.push([
        name,
        phase.dateDebut,
        phase.dateFin,
        CATEGORIE_LABELS[cell.categorie][locale],
        null,
        ...figures(cell),
      ]);
    }
    rows.push([
      name,
      phase.dateDebut,
      phase.dateFin,
      w.toutes,
      phase.evenements,
      ...figures(phase.total),
    ]);
  }
  for (const cell of report.categories.filter(hasActivity)) {
    rows.push([
      w.contrat,
      null,
      null,
      CATEGORIE_LABELS[cell.categorie][locale],
      null,
      ...figures(cell),
    ]);
  }
  rows.push([w.contrat, null, null, w.toutes, report.total.evenements, ...figures(report.total)]);
  return toCsv(rows);
}

// ── PDF ──

const MARGIN = 50;
const BAR_COLORS = { contributions: '#1f4e99', presents: '#c2571a' } as const;
const TEXT = '#1a1a1a';
const MUTED = '#555555';

function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

function periodOf(phase: ParticipationPhase, locale: Locale): string {
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, locale);
  if (phase.dateDebut && phase.dateFin) return `${day(phase.dateDebut)} – ${day(phase.dateFin)}`;
  if (phase.dateDebut) return `${locale === 'fr' ? 'depuis le' : 'from'} ${day(phase.dateDebut)}`;
  if (phase.dateFin) return `${locale === 'fr' ? 'jusqu’au' : 'until'} ${day(phase.dateFin)}`;
  return '';
}

/** Grouped horizontal bars: per phase, contributions and attendees, each value written at its end. */
function drawChart(doc: PDFKit.PDFDocument, report: ParticipationReport, locale: Locale): void {
  const w = WORDS[locale];
  const phases = report.phases;
  const labelWidth = 150;
  const chartWidth = doc.page.width - 2 * MARGIN - labelWidth - 40;
  const barHeight = 9;
  const groupHeight = 2 * barHeight + 10;
  const presents = (c: ParticipationChiffres) => c.presentsNommes + c.presentsComptes;
  const max = Math.max(
    1,
    ...phases.flatMap((p) => [p.total.totalContributions, presents(p.total)]),
  );

  doc.font('Helvetica-Bold').fontSize(12).fillColor(TEXT).text(w.graphique, MARGIN);
  doc.moveDown(0.4);
  let y = doc.y;
  doc.font('Helvetica').fontSize(8);
  for (const [key, label] of [
    ['contributions', w.contributions],
    ['presents', w.presents],
  ] as const) {
    doc.rect(MARGIN, y, 8, 8).fill(BAR_COLORS[key]);
    doc.fillColor(TEXT).text(label, MARGIN + 12, y, { lineBreak: false });
    y += 12;
  }
  y += 6;
  for (const phase of phases) {
    if (y + groupHeight > doc.page.height - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
    doc
      .fillColor(TEXT)
      .fontSize(8)
      .text(nameOf(phase, locale), MARGIN, y + 4, {
        width: labelWidth - 8,
        height: groupHeight,
        ellipsis: true,
      });
    const values = [
      ['contributions', phase.total.totalContributions],
      ['presents', presents(phase.total)],
    ] as const;
    values.forEach(([key, value], index) => {
      const top = y + index * (barHeight + 1);
      const width = (value / max) * chartWidth;
      if (width > 0) doc.rect(MARGIN + labelWidth, top, width, barHeight).fill(BAR_COLORS[key]);
      doc
        .fillColor(TEXT)
        .text(String(value), MARGIN + labelWidth + width + 4, top + 1, { lineBreak: false });
    });
    y += groupHeight;
  }
  doc.x = MARGIN;
  doc.y = y + 6;
}

function drawTable(
  doc: PDFKit.PDFDocument,
  title: string,
  subtitle: string,
  rows: { label: string; values: number[]; bold?: boolean }[],
  locale: Locale,
): void {
  const columns = headers(locale);
  const labelWidth = 110;
  const columnWidth = (doc.page.width - 2 * MARGIN - labelWidth) / columns.length;
  const rowHeight = 14;
  const headerHeight = 30;
  if (doc.y + headerHeight + rowHeight * Math.min(rows.length, 3) + 30 > doc.page.height - MARGIN) {
    doc.addPage();
  }
  doc.font('Helvetica-Bold').fontSize(11).fillColor(TEXT).text(title, MARGIN);
  if (subtitle) doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(subtitle, MARGIN);
  doc.moveDown(0.3);
  let y = doc.y;
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(7).fillColor(TEXT);
    columns.forEach((label, index) => {
      doc.text(label, MARGIN + labelWidth + index * columnWidth, y, {
        width: columnWidth - 2,
        align: 'right',
      });
    });
    y += headerHeight;
    doc
      .moveTo(MARGIN, y - 4)
      .lineTo(doc.page.width - MARGIN, y - 4)
      .strokeColor('#999999')
      .stroke();
  };
  header();
  for (const row of rows) {
    if (y + rowHeight > doc.page.height - MARGIN) {
      doc.addPage();
      y = MARGIN;
      header();
    }
    doc
      .font(row.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8)
      .fillColor(TEXT);
    doc.text(row.label, MARGIN, y, { width: labelWidth - 4, lineBreak: false, ellipsis: true });
    row.values.forEach((value, index) => {
      doc.text(String(value), MARGIN + labelWidth + index * columnWidth, y, {
        width: columnWidth - 2,
        align: 'right',
        lineBreak: false,
      });
    });
    y += rowHeight;
  }
  doc.x = MARGIN;
  doc.y = y + 10;
}

export function participationPdf(
  report: ParticipationReport,
  opts: ParticipationExportOptions,
): Promise<Buffer> {
  const { locale } = opts;
  const w = WORDS[locale];
  const doc = new PDFDocument({
    size: 'A4',
    // Landscape: nine columns of figures with their headings on one or two lines.
    layout: 'landscape',
    margin: MARGIN,
    lang: locale,
    info: { Title: `${w.titre} — ${opts.contratNom}`, Producer: 'Trame' },
    // Counts drawn as text: short, and readable by any text extractor (and by the tests).
    compress: false,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).fillColor(TEXT).text(w.titre);
  doc.font('Helvetica').fontSize(12).text(opts.contratNom);
  doc
    .fontSize(9)
    .fillColor(MUTED)
    .text(`${w.genere} ${formatDate(report.genereLe, locale)}`);
  doc.moveDown();
  const t = report.total;
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(TEXT)
    .text(
      `${w.personnes} : ${t.personnes}   ·   ${w.contributions} : ${t.totalContributions}   ·   ` +
        `${w.nommes} : ${t.presentsNommes}   ·   ${w.comptes} : ${t.presentsComptes}   ·   ` +
        `${w.evenements} : ${t.evenements}`,
    );
  doc.fontSize(8).fillColor(MUTED).text(w.note);
  doc.moveDown();

  if (report.phases.length === 0) {
    doc.fontSize(10).fillColor(TEXT).text(w.aucun);
  } else {
    drawChart(doc, report, locale);
  }
  const categoryRows = (cells: ParticipationPhase['categories']) =>
    cells.filter(hasActivity).map((cell) => ({
      label: CATEGORIE_LABELS[cell.categorie][locale],
      values: figures(cell),
    }));
  for (const phase of report.phases) {
    const period = periodOf(phase, locale);
    drawTable(
      doc,
      nameOf(phase, locale),
      [period, `${w.evenements} : ${phase.evenements}`].filter(Boolean).join('   ·   '),
      [
        ...categoryRows(phase.categories),
        { label: w.toutes, values: figures(phase.total), bold: true },
      ],
      locale,
    );
  }
  drawTable(
    doc,
    w.contrat,
    `${w.evenements} : ${t.evenements}`,
    [...categoryRows(report.categories), { label: w.toutes, values: figures(t), bold: true }],
    locale,
  );
  doc.end();
  return done;
}
