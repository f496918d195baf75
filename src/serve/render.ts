// **render** renders a check's result in a negotiated format with the CLI's own renderers.
import { AUDIT_CHUNKS, AUDIT_RENDERERS } from '../audit/render/index.js';
import { renderChunks } from '../report/renderer.js';
import { RENDERERS } from '../report/renderers.js';
import type { ValidationRun } from '../shacl/findings.js';
import { VERSION } from '../version.js';
import type { AuditOutcome } from './checks.js';
import { resultPage } from './pages/result-page.js';
import type { ReportFormat } from './report-formats.js';
import type { Submission } from './submissions.js';

/** The `Content-Type` of a format: text formats say UTF-8. */
export function contentTypeOf(format: ReportFormat): string {
  return /^text\/|json$|xml$/.test(format.mediaType)
    ? `${format.mediaType}; charset=utf-8`
    : format.mediaType;
}

/** A validation rendered as `validate --report <format>` writes it (HTML: the result page). */
export function renderValidation(
  format: ReportFormat,
  run: ValidationRun,
  submission: Submission,
  downloads = false,
): Buffer {
  if (format.renderer === 'html')
    return Buffer.from(resultPage(submission, run, undefined, { downloads }));
  const renderer = RENDERERS[format.renderer];
  if (!renderer) throw new Error(`no validation renderer ${format.renderer}`);
  const text = [...renderChunks(renderer, run, { failOn: 'violation', version: VERSION })];
  return Buffer.from(text.join(''));
}

/** An audit rendered as `audit --report <format>` writes it (HTML: the result page). */
export async function renderAudit(
  format: ReportFormat,
  audit: AuditOutcome,
  submission: Submission,
  downloads = false,
): Promise<Buffer> {
  if (format.renderer === 'html')
    return Buffer.from(resultPage(submission, undefined, audit, { downloads }));
  const chunks = AUDIT_CHUNKS[format.renderer];
  if (chunks) return Buffer.from([...chunks(audit.report)].join(''));
  const renderer = AUDIT_RENDERERS[format.renderer];
  if (!renderer) throw new Error(`no audit renderer ${format.renderer}`);
  return Buffer.from(await renderer(audit.report, { explain: 'auto' }));
}
