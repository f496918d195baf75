// **audit-files** writes the audit's CSV (a row per dataset) and its DQV (Turtle) for the report folder.
import type { AuditReport } from '../audit/audit.js';
import { csvCell } from './by-publisher.js';

const DQV = 'http://www.w3.org/ns/dqv#';

/** A row per dataset: score, rating, dimensions, then points per indicator. */
export function auditCsv(audit: AuditReport): string {
  const header = [
    'dataset',
    'title',
    'publisher',
    'score',
    'rating',
    'distributions',
    ...audit.dimensions.map((d) => d.id),
    ...audit.indicators.map((i) => i.id),
  ];
  const lines = [header.join(',')];
  for (const d of audit.datasets) {
    const dims = audit.dimensions.map((x) => d.dimensions[x.id as keyof typeof d.dimensions] ?? 0);
    lines.push(
      [
        d.id,
        d.title,
        d.publisher?.name,
        d.score,
        d.rating,
        d.distributions,
        ...dims,
        ...d.indicators.map((i) => i.points),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

function iri(value: string): string {
  let out = '';
  for (const c of value) {
    out +=
      c <= ' ' || '<>"{}|^`\\'.includes(c)
        ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
        : c;
  }
  return `<${out}>`;
}

function literal(value: string): string {
  return JSON.stringify(value);
}

/** Each dataset's measurements as DQV, with the MQA metric IRIs (true/false per indicator). */
export function auditDqv(audit: AuditReport): string {
  const metric = new Map(audit.indicators.map((i) => [i.id, i.metric]));
  const out = [
    `@prefix dqv: <${DQV}> .`,
    '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .',
    '@prefix prov: <http://www.w3.org/ns/prov#> .',
    '',
    `# ${audit.methodLabel}; ${audit.datasets.length} datasets.`,
  ];
  for (const d of audit.datasets) {
    if (d.id.startsWith('_:')) continue;
    const measurements = d.indicators
      .filter((i) => i.measured && metric.has(i.id))
      .map(
        (i) =>
          `  dqv:hasQualityMeasurement [ a dqv:QualityMeasurement ; dqv:isMeasurementOf ${iri(metric.get(i.id) as string)} ; dqv:value ${i.pass} ]`,
      );
    measurements.push(
      `  dqv:hasQualityMeasurement [ a dqv:QualityMeasurement ; dqv:isMeasurementOf <https://piveau.eu/ns/voc#scoring> ; dqv:value "${d.score}"^^xsd:integer ; prov:wasDerivedFrom ${literal(audit.method)} ]`,
    );
    out.push('', `${iri(d.id)}`, measurements.join(' ;\n') + ' .');
  }
  return out.join('\n') + '\n';
}

/** The CSV and DQV texts of an audit. */
export function auditFiles(audit: AuditReport): { csv: string; dqv: string } {
  return { csv: auditCsv(audit), dqv: auditDqv(audit) };
}
