import { describe, expect, it } from 'vitest';
import { barChart } from './chart.js';

describe('bar charts', () => {
  it('draws one bar per value, the longest for the largest, named by every value', () => {
    const chart = barChart(
      'g',
      'Personnes',
      [
        { label: 'Élu·e', value: 3 },
        { label: 'Habitant·e', value: 12 },
        { label: 'Autre', value: 0 },
      ],
      'fr',
    ).toString();
    const widths = [...chart.matchAll(/<rect class="chart-bar"[^>]* width="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths).toEqual([86, 344, 0]);
    expect(chart).toContain('viewBox="0 0 400 132"');
    expect(chart).toContain(
      '<title id="g">Personnes (graphique) : Élu·e : 3 ; Habitant·e : 12 ; Autre : 0.</title>',
    );
    expect(chart).toContain('<svg role="img" aria-labelledby="g"');
    expect(chart).not.toMatch(/style=/);
  });

  it('escapes labels and shortens only what is drawn, not the name', () => {
    const long = `<b>${'x'.repeat(60)}</b>`;
    const chart = barChart('g', 'T', [{ label: long, value: 1 }], 'en').toString();
    expect(chart).not.toContain('<b>');
    expect(chart).toContain(`T (chart): &lt;b&gt;${'x'.repeat(60)}&lt;/b&gt;: 1.`);
    expect(chart).toContain(`>&lt;b&gt;${'x'.repeat(44)}…</text>`);
  });
});
