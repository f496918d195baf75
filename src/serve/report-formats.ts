// **report-formats** is the table of answers per check, keyed by media type, and the Accept negotiation.
import Negotiator from 'negotiator';

/** What a report is of: a validation or an audit. */
export type CheckKind = 'validate' | 'audit';

/** One answer format: the renderer's id (validation or audit table) and how it is served. */
export interface ReportFormat {
  /** `--report` name of the CLI's renderer, or `html` (the result page). */
  renderer: string;
  mediaType: string;
  /** File extension of its download. */
  extension: string;
  label: string;
}

const f = (renderer: string, mediaType: string, extension: string, label: string) => ({
  renderer,
  mediaType,
  extension,
  label,
});

/** Answers of `POST /api/validate`, the first the default. */
export const VALIDATE_ANSWERS: readonly ReportFormat[] = [
  f('json', 'application/json', 'json', 'JSON (the CLI report)'),
  f('sarif', 'application/sarif+json', 'sarif', 'SARIF'),
  f('turtle', 'text/turtle', 'ttl', 'SHACL report, Turtle'),
  f('jsonld', 'application/ld+json', 'jsonld', 'SHACL report, JSON-LD'),
  f('csv', 'text/csv', 'csv', 'CSV'),
  f('junit', 'application/xml', 'xml', 'JUnit XML'),
  f('markdown', 'text/markdown', 'md', 'Markdown'),
  f('text', 'text/plain', 'txt', 'Text'),
  f('html', 'text/html', 'html', 'HTML page'),
];

/** Answers of `POST /api/audit`, the first the default. */
export const AUDIT_ANSWERS: readonly ReportFormat[] = [
  f('json', 'application/json', 'json', 'JSON (the CLI report)'),
  f('csv', 'text/csv', 'csv', 'CSV'),
  f('markdown', 'text/markdown', 'md', 'Markdown'),
  f('dqv-turtle', 'text/turtle', 'ttl', 'DQV quality measurements, Turtle'),
  f('dqv-jsonld', 'application/ld+json', 'jsonld', 'DQV quality measurements, JSON-LD'),
  f('text', 'text/plain', 'txt', 'Text'),
  f('html', 'text/html', 'html', 'HTML page'),
];

/** The formats of a check. */
export function formatsOf(kind: CheckKind): readonly ReportFormat[] {
  return kind === 'validate' ? VALIDATE_ANSWERS : AUDIT_ANSWERS;
}

/**
 * The format `Accept` asks for (no header or `*\/*`: the first, JSON), or undefined when none of
 * ours is acceptable (406).
 */
export function negotiate(
  accept: string | undefined,
  formats: readonly ReportFormat[],
): ReportFormat | undefined {
  if (accept === undefined || accept.trim() === '') return formats[0];
  const types = formats.map((format) => format.mediaType);
  const chosen = new Negotiator({ headers: { accept } }).mediaType(types);
  return formats.find((format) => format.mediaType === chosen);
}

/** The format of a download's extension (`sarif`, `ttl`…). */
export function byExtension(
  extension: string,
  formats: readonly ReportFormat[],
): ReportFormat | undefined {
  return formats.find((format) => format.extension === extension);
}
