// **diff** compares two runs: records added, removed and changed, scores, findings and broken links.
import { stat } from 'node:fs/promises';
import type { RunReportReader } from '../run/read-report.js';
import { FINDINGS_SCHEMA, type RunReportHead } from '../run/report-model.js';
import { compareFindings, type FindingsDiff } from './findings.js';
import { loadDiffSide, type DiffSide } from './load.js';
import type { RecordPrint } from './fingerprint.js';
import { compareScores, type ScoresDiff } from './scores.js';

export type { FindingChange, FindingsDiff } from './findings.js';
export type { ScoreChange, ScoresDiff } from './scores.js';

/** A record added, removed or changed between the two sides. */
export interface RecordChange {
  id: string;
  kind: string;
  title?: string;
}

/** What changed between two runs. */
export interface RunDiff {
  before: { source: string; kind: DiffSide['kind'] };
  after: { source: string; kind: DiffSide['kind'] };
  /** Record comparison by canonical-graph hash (absent when a side has no harvest). */
  records?: {
    before: number;
    after: number;
    added: RecordChange[];
    removed: RecordChange[];
    changed: RecordChange[];
    unchanged: number;
  };
  /** Score changes (report folders on both sides); datasets and publishers with a change only. */
  scores?: ScoresDiff;
  /** Findings compared by what they are (report folders on both sides, findings.jsonl present). */
  findings?: FindingsDiff;
  links?: { newlyBroken: string[]; repaired: string[] };
  /** Why the after side is worse, one line each; empty when it is not. */
  regressions: string[];
  /** What could not be compared, and why. */
  notices: string[];
}

/** Options of {@link diffRuns} and {@link diffSides}. */
export interface DiffOptions {
  /** Findings introduced and fixed listed in full, each (default 100); the totals are exact. */
  limit?: number;
}

function change(p: RecordPrint): RecordChange {
  return { id: p.id, kind: p.kind, ...(p.title === undefined ? {} : { title: p.title }) };
}

function compareRecords(a: Map<string, RecordPrint>, b: Map<string, RecordPrint>) {
  const added: RecordChange[] = [];
  const removed: RecordChange[] = [];
  const changed: RecordChange[] = [];
  let unchanged = 0;
  for (const [id, p] of b) {
    const old = a.get(id);
    if (!old) added.push(change(p));
    else if (old.hash !== p.hash) changed.push(change(p));
    else unchanged++;
  }
  for (const [id, p] of a) if (!b.has(id)) removed.push(change(p));
  const byId = (x: RecordChange, y: RecordChange) => x.id.localeCompare(y.id);
  return {
    before: a.size,
    after: b.size,
    added: added.sort(byId),
    removed: removed.sort(byId),
    changed: changed.sort(byId),
    unchanged,
  };
}

function brokenLinks(r: RunReportHead): Set<string> {
  return new Set(
    (r.audit.links?.results ?? []).filter((l) => l.outcome === 'broken').map((l) => l.url),
  );
}

/** Why a side's findings cannot be compared, or undefined when they can. */
async function findingsProblem(
  side: DiffSide,
  report: RunReportReader,
): Promise<string | undefined> {
  const schema = (report.head.validation.findings as { schema?: unknown } | undefined)?.schema;
  if (schema !== undefined && schema !== FINDINGS_SCHEMA)
    return `${side.source}: the findings are ${String(schema)}, this version reads ${FINDINGS_SCHEMA}`;
  if (!(await stat(report.findingsFile).catch(() => undefined)))
    return `${side.source}: ${report.findingsFile} is missing`;
  return undefined;
}

async function compareReports(
  a: DiffSide & { report: RunReportReader },
  b: DiffSide & { report: RunReportReader },
  diff: RunDiff,
  options: DiffOptions,
): Promise<void> {
  const ra = a.report.head;
  const rb = b.report.head;
  diff.scores = await compareScores(a.report, b.report);
  const problem = (await findingsProblem(a, a.report)) ?? (await findingsProblem(b, b.report));
  if (problem !== undefined) diff.notices.push(`findings not compared: ${problem}`);
  else diff.findings = await compareFindings(a.report.findingsFile, b.report.findingsFile, options);
  if (ra.audit.links || rb.audit.links) {
    const ba = brokenLinks(ra);
    const bb = brokenLinks(rb);
    diff.links = {
      newlyBroken: [...bb].filter((u) => !ba.has(u)).sort(),
      repaired: [...ba].filter((u) => !bb.has(u)).sort(),
    };
  }
}

function regressions(diff: RunDiff): string[] {
  const out: string[] = [];
  if (diff.scores) {
    const { catalog, datasets } = diff.scores;
    if (catalog.delta < 0)
      out.push(`catalog score fell from ${catalog.before} to ${catalog.after}`);
    const worse = datasets.filter((d) => d.delta < 0).length;
    if (worse > 0) out.push(`${worse} dataset score(s) fell`);
  }
  const violations = diff.findings?.totals.introduced.violation ?? 0;
  if (violations > 0) out.push(`${violations} new violation(s)`);
  if (diff.links && diff.links.newlyBroken.length > 0)
    out.push(`${diff.links.newlyBroken.length} link(s) newly broken`);
  if (diff.records && diff.records.removed.length > 0)
    out.push(`${diff.records.removed.length} record(s) removed`);
  return out;
}

/**
 * Compares two opened sides: records, then scores, findings and links of report folders.
 *
 * @example
 * ```ts
 * import { diffSides, readFingerprints } from 'dcat-harvest/diff';
 *
 * const [before, after] = await Promise.all([
 *   readFingerprints(['harvest-october']),
 *   readFingerprints(['harvest-november']),
 * ]);
 * const diff = await diffSides(
 *   { source: 'october', kind: 'harvest', records: before },
 *   { source: 'november', kind: 'harvest', records: after },
 * );
 * console.log(diff.records?.added.length, 'records added');
 * ```
 */
export async function diffSides(
  a: DiffSide,
  b: DiffSide,
  options: DiffOptions = {},
): Promise<RunDiff> {
  const diff: RunDiff = {
    before: { source: a.source, kind: a.kind },
    after: { source: b.source, kind: b.kind },
    regressions: [],
    notices: [],
  };
  if (a.records && b.records) diff.records = compareRecords(a.records, b.records);
  if (a.report && b.report)
    await compareReports({ ...a, report: a.report }, { ...b, report: b.report }, diff, options);
  diff.regressions = regressions(diff);
  return diff;
}

/**
 * Opens two report or harvest folders and compares them.
 *
 * @example
 * ```ts
 * import { diffRuns, renderDiff } from 'dcat-harvest/diff';
 *
 * const diff = await diffRuns('reports/2026-10', 'reports/2026-11', { limit: 20 });
 * process.stdout.write(renderDiff(diff, 'markdown', { limit: 20 }));
 * if (diff.regressions.length > 0) process.exitCode = 1;
 * ```
 */
export async function diffRuns(
  before: string,
  after: string,
  options: DiffOptions & { cwd?: string } = {},
): Promise<RunDiff> {
  const a = await loadDiffSide(before, options.cwd);
  const b = await loadDiffSide(after, options.cwd);
  return diffSides(a, b, options);
}
