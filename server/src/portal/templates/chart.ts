import type { Locale } from '@trame/shared';
import { html, type SafeHtml } from '../html.js';
import { formatNumber, MESSAGES } from '../i18n.js';

export interface Bar {
  label: string;
  value: number;
}

/** Drawing units: the SVG scales to its container, so these are proportions, not pixels. */
const WIDTH = 400;
const ROW = 44;
/** Room kept right of the longest bar for its value. */
const VALUE_ROOM = 56;
const LABEL_MAX = 48;

const shortLabel = (label: string) =>
  label.length <= LABEL_MAX ? label : `${label.slice(0, LABEL_MAX - 1)}…`;

/**
 * A horizontal bar chart as inline SVG: one row per bar, its label above it and its value after
 * it. Colours and type come from the stylesheet's classes (the CSP allows no inline style). The
 * chart is an image whose name says every value; the table that follows it on the page gives the
 * same numbers, and more, to whoever prefers a table.
 */
export function barChart(id: string, title: string, bars: Bar[], locale: Locale): SafeHtml {
  const t = MESSAGES[locale];
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const number = (n: number) => formatNumber(n, locale);
  const rows = bars.map((bar, index) => {
    const top = index * ROW;
    const width = Math.round((bar.value / max) * (WIDTH - VALUE_ROOM));
    return html`<text class="chart-label" x="0" y="${top + 15}">${shortLabel(bar.label)}</text>
<rect class="chart-bar" x="0" y="${top + 21}" width="${width}" height="16"></rect>
<text class="chart-value" x="${width + 6}" y="${top + 34}">${number(bar.value)}</text>`;
  });
  const name = t.graphique(
    title,
    bars.map((bar) => [bar.label, number(bar.value)]),
  );
  return html`<figure class="chart">
<figcaption>${title}</figcaption>
<svg role="img" aria-labelledby="${id}" viewBox="0 0 ${WIDTH} ${bars.length * ROW}" focusable="false"><title id="${id}">${name}</title>
${rows}
</svg>
</figure>`;
}
