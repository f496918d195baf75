// **render** is the table of audit report formats, keyed by the `--report` name.
import type { AuditReport } from '../audit.js';
import { renderAuditCsv } from './audit-csv.js';
import { auditDqvTurtleChunks, renderAuditDqvJsonLd, renderAuditDqvTurtle } from './audit-dqv.js';
import { auditJsonChunks, renderAuditJson } from './audit-json.js';
import { renderAuditMarkdown } from './audit-markdown.js';
import { renderAuditText, type AuditRenderOptions } from './audit-text.js';

/** Renders an audit in one format. */
export type AuditRenderer = (
  report: AuditReport,
  options: AuditRenderOptions,
) => string | Promise<string>;

/** The audit formats: text, json, csv, markdown, dqv-turtle, dqv-jsonld. */
export const AUDIT_RENDERERS: Readonly<Record<string, AuditRenderer>> = {
  text: renderAuditText,
  json: renderAuditJson,
  csv: renderAuditCsv,
  markdown: renderAuditMarkdown,
  'dqv-turtle': renderAuditDqvTurtle,
  'dqv-jsonld': renderAuditDqvJsonLd,
};

/** The format names, for help and errors. */
export const AUDIT_FORMATS: readonly string[] = Object.keys(AUDIT_RENDERERS);

/** Formats that can also be written in pieces (the same text), for data.gouv.fr-sized audits. */
export const AUDIT_CHUNKS: Readonly<Record<string, (report: AuditReport) => Iterable<string>>> = {
  json: auditJsonChunks,
  'dqv-turtle': auditDqvTurtleChunks,
};
