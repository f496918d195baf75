// **render** is the table of audit report formats, keyed by the `--report` name.
import type { AuditReport } from '../audit.js';
import { renderAuditCsv } from './audit-csv.js';
import { renderAuditDqvJsonLd, renderAuditDqvTurtle } from './audit-dqv.js';
import { renderAuditJson } from './audit-json.js';
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
