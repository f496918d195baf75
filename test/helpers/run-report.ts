// Writes hand-made report@2 folders (report.json in a chosen layout, findings.jsonl) for the
// readers' and the diff's tests.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding, RecordResult, Severity } from '../../src/shacl/findings.js';
import {
  FINDINGS_FILE,
  FINDINGS_SCHEMA,
  REPORT_SCHEMA,
  ratingOf,
  type DatasetRow,
  type RunReport,
  type RunReportHead,
} from '../../src/run/report-model.js';

export const SH = 'http://www.w3.org/ns/shacl#';
export const DCT = 'http://purl.org/dc/terms/';

/** A dataset row with the given score. */
export function row(id: string, score: number, title?: string): DatasetRow {
  return {
    id,
    ...(title === undefined ? {} : { title }),
    publisher: 'https://example.org/org/1',
    score,
    rating: ratingOf(score),
    dimensions: { findability: Math.min(score, 100) },
    distributions: 1,
    counts: { violation: 0, warning: 0, info: 0 },
    brokenLinks: 0,
    indicators: [{ id: 'keyword', points: 30, max: 30, why: 'has 2 keywords' }],
    groups: [],
  };
}

/** A report head with the given catalog score, publishers and findings totals. */
export function head(options: Partial<RunReportHead> & { score?: number } = {}): RunReportHead {
  const score = options.score ?? 200;
  return {
    schema: REPORT_SCHEMA,
    run: {
      source: 'catalog.ttl',
      startedAt: '2026-12-01T00:00:00.000Z',
      finishedAt: '2026-12-01T00:00:01.000Z',
      tool: { name: 'dcat-harvest', version: '0.1.0' },
      options: { profile: 'dcat-ap-3' },
      durations: { harvest: 0, validate: 1, audit: 1, report: 1, total: 3 },
    },
    counts: {
      datasets: 2,
      distributions: 2,
      publishers: 1,
      violations: 0,
      warnings: 0,
      brokenLinks: 0,
    },
    harvest: { pages: 1, records: 2, duplicates: 0, complete: true, missingPages: [] },
    validation: {
      shapes: 'dcat-ap-3 (full)',
      records: 2,
      conformingRecords: 2,
      counts: { violation: 0, warning: 0, info: 0 },
      groups: [],
      notices: [],
      findings: {
        file: FINDINGS_FILE,
        schema: FINDINGS_SCHEMA,
        records: 0,
        findings: 0,
        attribution: 'the record with the smallest IRI',
      },
    },
    audit: {
      method: 'mqa',
      maxPoints: 405,
      score,
      rating: ratingOf(score),
      dimensions: [],
      indicators: [],
      fixFirst: [],
      portalLosses: [],
    },
    publishers: [
      {
        id: 'https://example.org/org/1',
        name: 'Org «one» "quoted"\\',
        datasets: 2,
        score,
        rating: ratingOf(score),
        counts: { violation: 0, warning: 0, info: 0 },
        brokenLinks: 0,
        fixFirst: [],
      },
    ],
    ...options,
  };
}

/**
 * `report.json` text: `documented` as docs/reports.md says (`"datasets":[` ends a line, a row a
 * line, `]}` last), `indented` as JSON.stringify with two spaces and a row a line, `pretty` and
 * `compact` as plain JSON.stringify (which a reader must parse whole).
 */
export function reportText(
  h: RunReportHead,
  rows: DatasetRow[],
  layout: 'documented' | 'indented' | 'pretty' | 'compact' = 'documented',
): string {
  const whole: RunReport = { ...h, datasets: rows };
  if (layout === 'pretty') return JSON.stringify(whole, null, 2) + '\n';
  if (layout === 'compact') return JSON.stringify(whole);
  if (layout === 'indented') {
    const top = JSON.stringify({ ...h, datasets: [] }, null, 2);
    const open = top.slice(0, top.lastIndexOf('[]'));
    const body = rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
    return `${open}[\n${body}\n  ]\n}\n`;
  }
  const top = JSON.stringify(h, null, 2);
  return `${top.slice(0, top.lastIndexOf('}')).trimEnd()},\n"datasets":[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

/** A finding on `focusNode` of `record`. */
export function finding(
  record: string,
  focusNode: string,
  path: string,
  options: Partial<Finding> & { severity?: Severity } = {},
): Finding {
  return {
    focusNode,
    record: { id: record, kind: 'dataset' },
    path: DCT + path,
    component: `${SH}MinCountConstraintComponent`,
    severity: 'violation',
    message: `${focusNode} has no dct:${path}`,
    sourceShape: `https://example.org/shapes#${path}`,
    ...options,
  };
}

/** A record's result holding `findings`. */
export function result(record: string, findings: Finding[]): RecordResult {
  const counts = { violation: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    record: { id: record, kind: 'dataset' },
    findings,
    counts,
    conforms: counts.violation === 0,
    source: { file: 'pages/000001.ttl' },
  };
}

/** findings.jsonl text: one result a line. */
export const findingsText = (results: RecordResult[]): string =>
  results.map((r) => JSON.stringify(r) + '\n').join('');

/** A fresh temporary folder holding `files` (name → text). */
export async function folder(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dh-report-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** A report folder: report.json in the documented layout and findings.jsonl. */
export function reportFolder(
  h: RunReportHead,
  rows: DatasetRow[],
  results: RecordResult[],
): Promise<string> {
  return folder({
    'report.json': reportText(h, rows),
    [FINDINGS_FILE]: findingsText(results),
  });
}
