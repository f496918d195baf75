// **charts** draws the dashboard's trends as inline SVG (no script, no style attribute): sparklines and history charts.
import { escapeHtml as e } from '../../report/html/escape.js';

/** The line colours of the charts (the report's palette), in series order. */
export const SERIES_COLOURS = ['#2f6fb0', '#1a7f37', '#b26b00', '#7a3fb0', '#b42318'];

const points = (values: readonly number[], w: number, h: number, max: number, pad = 2) => {
  const step = values.length > 1 ? (w - 2 * pad) / (values.length - 1) : 0;
  return values.map((v, i) => {
    const x = values.length > 1 ? pad + i * step : w / 2;
    const y = h - pad - (Math.max(0, Math.min(max, v)) / max) * (h - 2 * pad);
    return [Number(x.toFixed(1)), Number(y.toFixed(1))] as const;
  });
};

/** A small line of the last scores, labelled for screen readers with the first and last values. */
export function sparkline(values: readonly number[], label: string, max = 405): string {
  const w = 120;
  const h = 28;
  if (values.length === 0) return '<span class="muted">no run yet</span>';
  const first = values[0] as number;
  const last = values.at(-1) as number;
  const text = `${label}: ${values.length} run${values.length === 1 ? '' : 's'}, from ${first} to ${last}`;
  const pts = points(values, w, h, max);
  const [lx, ly] = pts.at(-1) as readonly [number, number];
  return `<svg class="sparkline" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${e(text)}">
<title>${e(text)}</title>
<polyline fill="none" stroke="#2f6fb0" stroke-width="1.5" points="${pts.map((p) => p.join(',')).join(' ')}"/>
<circle cx="${lx}" cy="${ly}" r="2.5" fill="#2f6fb0"/>
</svg>`;
}

/** One line of a history chart. */
export interface Series {
  label: string;
  values: readonly number[];
}

/**
 * A history chart: one line per series over the runs, a scale from 0 to `max` (`unit` after the
 * numbers), the first and last runs' dates under it, and a legend. `title` names it for screen
 * readers; the same numbers are in a table beside it.
 */
export function historyChart(
  title: string,
  series: readonly Series[],
  dates: readonly string[],
  max: number,
  unit = '',
): string {
  const w = 640;
  const h = 200;
  const left = 44;
  const bottom = 22;
  const plotW = w - left - 8;
  const plotH = h - bottom - 8;
  const grid = [0, 0.5, 1].map((share) => {
    const y = 8 + plotH - share * plotH;
    return `<line x1="${left}" y1="${y}" x2="${w - 8}" y2="${y}" stroke="#e4e7ec"/>
<text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="11" fill="#555f6d">${e(Math.round(share * max))}${e(unit)}</text>`;
  });
  const lines = series.map((s, i) => {
    const pts = points(s.values, plotW, plotH, max, 4).map(([x, y]) => `${x + left},${y + 8}`);
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length] as string;
    const dots =
      s.values.length === 1
        ? `<circle cx="${pts[0]?.split(',')[0]}" cy="${pts[0]?.split(',')[1]}" r="3" fill="${colour}"/>`
        : '';
    return `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${pts.join(' ')}"><title>${e(s.label)}</title></polyline>${dots}`;
  });
  const first = dates[0] ?? '';
  const last = dates.at(-1) ?? '';
  const legend =
    series.length > 1
      ? `<ul class="legend">${series
          .map(
            (s, i) =>
              `<li><svg width="14" height="10" aria-hidden="true"><rect width="14" height="10" fill="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/></svg> ${e(s.label)}</li>`,
          )
          .join('')}</ul>`
      : '';
  return `<figure class="chart">
<svg width="100%" viewBox="0 0 ${w} ${h}" role="img" aria-label="${e(title)}">
<title>${e(title)}</title>
${grid.join('\n')}
${lines.join('\n')}
<text x="${left}" y="${h - 6}" font-size="11" fill="#555f6d">${e(first)}</text>
<text x="${w - 8}" y="${h - 6}" font-size="11" fill="#555f6d" text-anchor="end">${e(last)}</text>
</svg>
${legend}
</figure>`;
}
