// **diff** compares two runs: records added, removed and changed, scores, findings and broken links.
import type { DatasetRow, FindingGroupRow, RunReport } from '../run/report-model.js';
import { loadDiffSide, type DiffSide } from './load.js';
import type { RecordPrint } from './fingerprint.js';

export interface RecordChange {
  id: string;
  kind: string;
  title?: string;
}

export interface ScoreChange {
  id: string;
  name: string;
  before: number;
  after: number;
  delta: number;
}

export interface FindingChange {
  dataset: string;
  title?: string;
  severity: FindingGroupRow['severity'];
  message: string;
  path?: string;
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
  scores?: {
    catalog: { before: number; after: number; delta: number };
    datasets: ScoreChange[];
    publishers: ScoreChange[];
  };
  findings?: { introduced: FindingChange[]; fixed: FindingChange[] };
  links?: { newlyBroken: string[]; repaired: string[] };
  /** Why the after side is worse, one line each; empty when it is not. */
  regressions: string[];
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

function scoreChanges<T>(
  a: readonly T[],
  b: readonly T[],
  key: (x: T) => string,
  name: (x: T) => string,
  score: (x: T) => number,
): ScoreChange[] {
  const old = new Map(a.map((x) => [key(x), x]));
  const out: ScoreChange[] = [];
  for (const x of b) {
    const prev = old.get(key(x));
    if (prev === undefined || score(prev) === score(x)) continue;
    out.push({
      id: key(x),
      name: name(x),
      before: score(prev),
      after: score(x),
      delta: score(x) - score(prev),
    });
  }
  return out.sort((p, q) => p.delta - q.delta || p.id.localeCompare(q.id));
}

/** Interim (issue 15): a dataset's group of findings, by what the group is. */
function findingKey(row: DatasetRow, g: FindingGroupRow): string {
  return [row.id, g.severity, g.component, g.shape, g.path ?? '', g.recordKind].join('\u0000');
}

function findingChanges(a: RunReport, b: RunReport) {
  const keys = (r: RunReport) => {
    const map = new Map<string, FindingChange>();
    for (const row of r.datasets) {
      for (const [index] of row.groups) {
        const g = r.validation.groups[index];
        if (!g) continue;
        map.set(findingKey(row, g), {
          dataset: row.id,
          ...(row.title === undefined ? {} : { title: row.title }),
          severity: g.severity,
          message: g.message,
          ...(g.path === undefined ? {} : { path: g.path }),
        });
      }
    }
    return map;
  };
  const before = keys(a);
  const after = keys(b);
  return {
    introduced: [...after].filter(([k]) => !before.has(k)).map(([, f]) => f),
    fixed: [...before].filter(([k]) => !after.has(k)).map(([, f]) => f),
  };
}

function brokenLinks(r: RunReport): Set<string> {
  return new Set(
    (r.audit.links?.results ?? []).filter((l) => l.outcome === 'broken').map((l) => l.url),
  );
}

/** Compares two loaded sides. */
export function diffSides(a: DiffSide, b: DiffSide): RunDiff {
  const diff: RunDiff = {
    before: { source: a.source, kind: a.kind },
    after: { source: b.source, kind: b.kind },
    regressions: [],
  };
  if (a.records && b.records) diff.records = compareRecords(a.records, b.records);
  if (a.report && b.report) {
    const ra = a.report;
    const rb = b.report;
    diff.scores = {
      catalog: {
        before: ra.audit.score,
        after: rb.audit.score,
        delta: rb.audit.score - ra.audit.score,
      },
      datasets: scoreChanges(
        ra.datasets,
        rb.datasets,
        (d) => d.id,
        (d) => d.title ?? d.id,
        (d) => d.score,
      ),
      publishers: scoreChanges(
        ra.publishers,
        rb.publishers,
        (p) => p.id,
        (p) => p.name,
        (p) => p.score,
      ),
    };
    diff.findings = findingChanges(ra, rb);
    if (ra.audit.links || rb.audit.links) {
      const ba = brokenLinks(ra);
      const bb = brokenLinks(rb);
      diff.links = {
        newlyBroken: [...bb].filter((u) => !ba.has(u)).sort(),
        repaired: [...ba].filter((u) => !bb.has(u)).sort(),
      };
    }
    const { catalog, datasets } = diff.scores;
    if (catalog.delta < 0)
      diff.regressions.push(`catalog score fell from ${catalog.before} to ${catalog.after}`);
    const worse = datasets.filter((d) => d.delta < 0).length;
    if (worse > 0) diff.regressions.push(`${worse} dataset score(s) fell`);
    const violations = diff.findings.introduced.filter((f) => f.severity === 'violation').length;
    if (violations > 0) diff.regressions.push(`${violations} new violation(s)`);
    if (diff.links && diff.links.newlyBroken.length > 0)
      diff.regressions.push(`${diff.links.newlyBroken.length} link(s) newly broken`);
  }
  if (diff.records && diff.records.removed.length > 0)
    diff.regressions.push(`${diff.records.removed.length} record(s) removed`);
  return diff;
}

/** Loads two report or harvest folders and compares them. */
export async function diffRuns(
  before: string,
  after: string,
  options: { cwd?: string } = {},
): Promise<RunDiff> {
  const a = await loadDiffSide(before, options.cwd);
  const b = await loadDiffSide(after, options.cwd);
  return diffSides(a, b);
}
