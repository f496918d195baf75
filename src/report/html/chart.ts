// **chart** draws the catalog's score gauge and its dimension bars as inline SVG.
import type { AuditSection } from '../../run/report-model.js';
import { escapeHtml } from './escape.js';

const RATING_COLOURS: Record<string, string> = {
  excellent: '#1a7f37',
  good: '#2f6fb0',
  sufficient: '#b26b00',
  bad: '#b42318',
};

/** A ring showing score / max, coloured by rating, with the number in the middle. */
export function scoreGauge(audit: AuditSection): string {
  const r = 52;
  const circumference = 2 * Math.PI * r;
  const share = audit.maxPoints > 0 ? Math.max(0, Math.min(1, audit.score / audit.maxPoints)) : 0;
  const colour = RATING_COLOURS[audit.rating] ?? '#555';
  const label = `Catalog score ${audit.score} of ${audit.maxPoints}, rated ${audit.rating}`;
  return `<svg class="gauge" viewBox="0 0 128 128" width="128" height="128" role="img" aria-label="${escapeHtml(label)}">
<circle cx="64" cy="64" r="${r}" fill="none" stroke="#e4e7ec" stroke-width="14"/>
<circle cx="64" cy="64" r="${r}" fill="none" stroke="${colour}" stroke-width="14" stroke-dasharray="${(share * circumference).toFixed(2)} ${circumference.toFixed(2)}" transform="rotate(-90 64 64)"/>
<text x="64" y="62" text-anchor="middle" font-size="26" font-weight="700" data-testid="gauge-score">${escapeHtml(audit.score)}</text>
<text x="64" y="84" text-anchor="middle" font-size="12" fill="#555">of ${escapeHtml(audit.maxPoints)}</text>
</svg>`;
}

/** Horizontal bars, one per dimension: points earned over the dimension's maximum. */
export function dimensionBars(audit: AuditSection): string {
  const rowHeight = 30;
  const labelWidth = 150;
  const barWidth = 260;
  const height = audit.dimensions.length * rowHeight + 10;
  const rows = audit.dimensions.map((d, i) => {
    const y = i * rowHeight + 8;
    const share = d.max > 0 ? Math.max(0, Math.min(1, d.score / d.max)) : 0;
    return `<g data-dimension="${escapeHtml(d.id)}">
<text x="0" y="${y + 15}" font-size="13">${escapeHtml(d.label)}</text>
<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="20" fill="#e4e7ec" rx="3"/>
<rect x="${labelWidth}" y="${y}" width="${(share * barWidth).toFixed(1)}" height="20" fill="#2f6fb0" rx="3"/>
<text x="${labelWidth + barWidth + 8}" y="${y + 15}" font-size="13">${escapeHtml(d.score)} / ${escapeHtml(d.max)}</text>
</g>`;
  });
  const summary = audit.dimensions.map((d) => `${d.label} ${d.score} of ${d.max}`).join(', ');
  return `<svg class="bars" viewBox="0 0 ${labelWidth + barWidth + 90} ${height}" width="${labelWidth + barWidth + 90}" height="${height}" role="img" aria-label="${escapeHtml('Points per dimension: ' + summary)}">
${rows.join('\n')}
</svg>`;
}
