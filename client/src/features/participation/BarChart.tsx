import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { TableScroll } from '../../ui/TableScroll';

export interface BarSeries {
  key: string;
  label: string;
}

interface BarChartProps {
  title: string;
  /** Heading of the first column of the table alternative. */
  rowHeader: string;
  series: readonly BarSeries[];
  rows: readonly { label: string; values: readonly number[] }[];
}

const WIDTH = 640;
const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 14;
const GAP = 12;
const VALUE_SPACE = 56;

/**
 * Horizontal bars, one group per row and one bar per series, each value written at the end of its
 * bar. The SVG is an image with a title; the same figures follow as a table, the chart's text
 * alternative for screen readers and for anyone who prefers numbers.
 */
export function BarChart({ title, rowHeader, series, rows }: BarChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const max = Math.max(1, ...rows.flatMap((row) => row.values));
  const groupHeight = LABEL_HEIGHT + series.length * BAR_HEIGHT + GAP;
  const height = rows.length * groupHeight;
  const scale = (value: number) => (value / max) * (WIDTH - VALUE_SPACE);

  return (
    <figure className="bar-chart">
      <figcaption className="bar-chart__title">{title}</figcaption>
      {series.length > 1 && (
        <ul className="bar-chart__legend" aria-hidden="true">
          {series.map((s, index) => (
            <li key={s.key}>
              <span className={`bar-chart__swatch bar-chart__fill--${index}`} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg
        className="bar-chart__svg"
        viewBox={`0 0 ${WIDTH} ${Math.max(height, 1)}`}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{t('barChart.alt', { title })}</title>
        {rows.map((row, rowIndex) => {
          const top = rowIndex * groupHeight;
          return (
            <g key={row.label}>
              <text className="bar-chart__label" x={0} y={top + LABEL_HEIGHT - 5}>
                {row.label}
              </text>
              {row.values.map((value, index) => {
                const y = top + LABEL_HEIGHT + index * BAR_HEIGHT;
                const width = scale(value);
                return (
                  <g key={series[index]!.key}>
                    <rect
                      className={`bar-chart__fill--${index}`}
                      x={0}
                      y={y}
                      width={width}
                      height={BAR_HEIGHT - 3}
                    />
                    <text className="bar-chart__value" x={width + 4} y={y + BAR_HEIGHT - 4}>
                      {format.number(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <details className="bar-chart__data">
        <summary>{t('barChart.data')}</summary>
        <TableScroll label={title}>
          <table className="table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {series.map((s) => (
                  <th scope="col" key={s.key} className="num">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {row.values.map((value, index) => (
                    <td key={series[index]!.key} className="num">
                      {format.number(value)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
