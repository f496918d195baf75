// **findings** is the validation result model: findings, severity counts, groups and summaries.

/** A SHACL result's severity (`sh:Violation`, `sh:Warning`, `sh:Info`), worst first. */
export type Severity = 'violation' | 'warning' | 'info';
/** The threshold of `--fail-on`: findings at or above it fail the run. */
export type FailOn = Severity | 'never';

/** Severities, worst first. */
export const SEVERITIES: readonly Severity[] = ['violation', 'warning', 'info'];

/** The record a finding belongs to. */
export interface RecordRef {
  id: string;
  kind: string;
  title?: string;
}

/** One SHACL validation result, named for people. */
export interface Finding {
  /** The node that failed: an IRI or `_:label`. */
  focusNode: string;
  /** The record (dataset, series, service, catalog) the focus node belongs to. */
  record: RecordRef;
  /** The property path, as an IRI or a SPARQL-like path string. */
  path?: string;
  /** The constraint component IRI, e.g. `http://www.w3.org/ns/shacl#MinCountConstraintComponent`. */
  component: string;
  severity: Severity;
  /** The offending value (IRI, `_:label` or literal lexical form). */
  value?: string;
  /** A sentence for people, with the fix. */
  message: string;
  /** The shape that produced it (IRI or `_:label`). */
  sourceShape: string;
  /** The document and line where the record was read, when known. */
  source?: { file: string; line?: number };
}

/** How many findings of each severity. */
export type SeverityCounts = Record<Severity, number>;

/** The findings of one record. */
export interface RecordResult {
  record: RecordRef;
  findings: Finding[];
  counts: SeverityCounts;
  /** No violation (warnings and infos do not break conformance). */
  conforms: boolean;
  source?: { file: string; line?: number };
  /**
   * Set only on results `validateDocuments` yields at the end of a run: this result replaces the
   * one it yielded at this position (0-based), because a later page typed what that record links
   * to. `runValidation` applies it; its results never carry it.
   */
  revises?: number;
}

/** Identical findings (same shape, component, path, severity, record kind) counted together. */
export interface FindingGroup {
  severity: Severity;
  component: string;
  path?: string;
  sourceShape: string;
  recordKind: string;
  /** How many findings, and in how many distinct records. */
  count: number;
  records: number;
  /** The first finding of the group, as an example. */
  example: Finding;
}

/** A whole validation run. */
export interface ValidationSummary {
  records: number;
  conformingRecords: number;
  counts: SeverityCounts;
  /** No violation anywhere. */
  conforms: boolean;
  groups: FindingGroup[];
}

/** A run: per-record results, their summary, and notices (unknown imports, fallbacks). */
export interface ValidationRun {
  /** Per-record results in memory; empty when they wait on disk (see `records`). */
  results: RecordResult[];
  /**
   * The per-record results when `runValidation(…, { spool: true })` keeps them on disk: iterable
   * as often as needed until `dispose()`. Read results through {@link runRecords}.
   */
  records?: Iterable<RecordResult>;
  /** The same results as `JSON.stringify` text, read without parsing them (spooled runs). */
  recordTexts?: Iterable<string>;
  /** Deletes what the run keeps on disk. */
  dispose?: () => void;
  summary: ValidationSummary;
  notices: string[];
  /** The shapes used: a profile id and level, or files. */
  shapes: string;
}

/**
 * A run's per-record results, in memory or on disk.
 *
 * @example
 * ```ts
 * import { runRecords, runValidation } from 'dcat-harvest/shacl';
 *
 * const run = await runValidation(['catalog.ttl'], { spool: true });
 * for (const result of runRecords(run)) console.log(result.record.id, result.conforms);
 * run.dispose?.();
 * ```
 */
export function runRecords(run: ValidationRun): Iterable<RecordResult> {
  return run.records ?? run.results;
}

/** A record's reference (id, kind, title) without anything else it carries. */
export function refOf(record: RecordRef): RecordRef {
  const ref: RecordRef = { id: record.id, kind: record.kind };
  if (record.title !== undefined) ref.title = record.title;
  return ref;
}

/** Returns zeroed counts. */
export function emptyCounts(): SeverityCounts {
  return { violation: 0, warning: 0, info: 0 };
}

/**
 * Counts findings per severity.
 *
 * @example
 * ```ts
 * import { countSeverities, type Finding } from 'dcat-harvest/shacl';
 *
 * const findings = [{ severity: 'warning' }, { severity: 'warning' }] as Finding[];
 * countSeverities(findings).warning; // 2
 * countSeverities(findings).violation; // 0
 * ```
 */
export function countSeverities(findings: Iterable<Finding>): SeverityCounts {
  const counts = emptyCounts();
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** Ranks a severity: 0 for violation (worst), 2 for info. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/**
 * True when some finding is at or above the threshold (`--fail-on`).
 *
 * @example
 * ```ts
 * import { failsAt } from 'dcat-harvest/shacl';
 *
 * const counts = { violation: 0, warning: 2, info: 5 };
 * failsAt(counts, 'violation'); // false
 * failsAt(counts, 'warning'); // true
 * failsAt(counts, 'never'); // false
 * ```
 */
export function failsAt(counts: SeverityCounts, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const limit = severityRank(failOn);
  return SEVERITIES.some((s, rank) => rank <= limit && counts[s] > 0);
}

/** Wraps a record's findings with counts and conformance. */
export function recordResult(
  record: RecordRef,
  findings: Finding[],
  source?: { file: string; line?: number },
): RecordResult {
  const counts = countSeverities(findings);
  const result: RecordResult = { record, findings, counts, conforms: counts.violation === 0 };
  if (source) result.source = source;
  return result;
}

/** Findings per piece of {@link recordJsonPieces}. */
const FINDINGS_PER_PIECE = 1000;

/**
 * `JSON.stringify(result)` in pieces of at most 1,000 findings: the text of a record with an
 * 8,000-distribution dataset's 60,000 findings (60 million characters) never exists whole.
 */
export function* recordJsonPieces(result: RecordResult): Generator<string> {
  if (result.findings.length <= FINDINGS_PER_PIECE) {
    yield JSON.stringify(result);
    return;
  }
  const [head, tail] = resultShell({ ...result, findings: [] });
  yield head;
  for (let i = 0; i < result.findings.length; i += FINDINGS_PER_PIECE) {
    const piece = result.findings.slice(i, i + FINDINGS_PER_PIECE).map((f) => JSON.stringify(f));
    yield (i === 0 ? '' : ',') + piece.join(',');
  }
  yield tail;
}

/**
 * `JSON.stringify` of a result without findings, cut where its findings' texts go: what comes
 * before them and what comes after.
 */
export function resultShell(shell: RecordResult & { findings: [] }): [string, string] {
  // Keys keep their order; a string value cannot hold this text unescaped, so it is the key's.
  const text = JSON.stringify(shell);
  const at = text.indexOf('"findings":[]') + '"findings":['.length;
  return [text.slice(0, at), text.slice(at)];
}

/** What a summary groups findings by: severity (first), shape, component, path, record kind. */
export function groupKey(f: Finding): string {
  return [f.severity, f.sourceShape, f.component, f.path ?? '', f.record.kind].join('\u0000');
}

/**
 * What a summary counts of a record's result: its conformance, and each finding's group key and
 * severity, with the finding itself only on demand (a packed result parses it then).
 */
export interface Tally {
  conforms: boolean;
  /** The record counted, when known: a group's example comes from the smallest record id. */
  record?: RecordRef;
  each(each: (key: string, severity: Severity, finding: () => Finding) => void): void;
}

/** A {@link Tally} of a result's findings. */
export function tallyOf(result: RecordResult): Tally {
  return {
    conforms: result.conforms,
    record: result.record,
    each(each) {
      for (const f of result.findings) each(groupKey(f), f.severity, () => f);
    },
  };
}

/**
 * A group while counting: its example's result position and record id, and whether that example
 * is gone.
 */
type Counting = FindingGroup & {
  last?: Tally;
  position: number;
  exampleRecord?: string;
  orphan?: boolean;
};

/**
 * Accumulates results into a summary, without keeping the findings themselves. A group's example
 * is, among the results that say which record they count, the finding of the smallest record id
 * with the smallest message (so it does not depend on input order); otherwise the first one.
 */
export class SummaryBuilder {
  private records = 0;
  private conforming = 0;
  private added = 0;
  private readonly counts = emptyCounts();
  /** Groups, each with the last record counted in it (results come a record at a time). */
  private readonly groups = new Map<string, Counting>();

  /** Counts the next result (its position is the number of results added before it). */
  add(result: RecordResult | Tally): void {
    this.count('findings' in result ? tallyOf(result) : result, this.added++);
  }

  /**
   * Replaces the result counted at `position` by `next` (a revision): its findings are taken
   * back and the new ones counted, examples chosen as if `next` had been added there.
   */
  replace(position: number, old: RecordResult, next: RecordResult | Tally): void {
    this.records--;
    if (old.conforms) this.conforming--;
    const touched = new Set<Counting>();
    for (const finding of old.findings) {
      this.counts[finding.severity]--;
      const group = this.groups.get(groupKey(finding));
      if (!group) continue;
      group.count--;
      touched.add(group);
    }
    for (const group of touched) {
      group.records--;
      if (group.position === position) group.orphan = true;
      if (group.count === 0) this.groups.delete(groupKey(group.example));
    }
    this.count('findings' in next ? tallyOf(next) : next, position);
  }

  private count(result: Tally, position: number): void {
    this.records++;
    if (result.conforms) this.conforming++;
    const rid = result.record?.id;
    result.each((key, severity, parse) => {
      this.counts[severity]++;
      let group = this.groups.get(key);
      if (!group) {
        const finding = parse();
        group = {
          severity: finding.severity,
          component: finding.component,
          sourceShape: finding.sourceShape,
          recordKind: finding.record.kind,
          count: 0,
          records: 0,
          example: finding,
          position,
        };
        if (rid !== undefined) group.exampleRecord = rid;
        if (finding.path !== undefined) group.path = finding.path;
        this.groups.set(key, group);
      } else this.consider(group, rid, position, parse);
      group.count++;
      if (group.last !== result) {
        group.last = result;
        group.records++;
      }
    });
  }

  /** Makes a finding the group's example when it comes before the current one. */
  private consider(
    group: Counting,
    rid: string | undefined,
    position: number,
    parse: () => Finding,
  ): void {
    const take = (finding: Finding) => {
      group.example = finding;
      group.position = position;
      group.orphan = false;
      if (rid === undefined) delete group.exampleRecord;
      else group.exampleRecord = rid;
    };
    if (group.orphan && group.position === position) {
      // The replacement's first finding in the group stands in; its others compare below.
      take(parse());
      return;
    }
    if (rid === undefined || group.exampleRecord === undefined) {
      if (group.position > position) take(parse());
      return;
    }
    if (rid < group.exampleRecord) take(parse());
    else if (rid === group.exampleRecord) {
      const finding = parse();
      if (finding.message < group.example.message) take(finding);
    }
  }

  /**
   * False when a replaced result held a group's example, its replacement has none in that group
   * and the group lives on: which later result holds the first one is unknown, so the results
   * must be summarized again.
   */
  get exact(): boolean {
    for (const group of this.groups.values()) if (group.orphan) return false;
    return true;
  }

  /** The keys (see {@link groupKey}) of the groups whose example a replacement took away. */
  orphans(): string[] {
    const keys: string[] = [];
    for (const [key, group] of this.groups) if (group.orphan) keys.push(key);
    return keys;
  }

  /**
   * Sets a group's example, found by the caller among the results (the finding of the smallest
   * record id, with the smallest message), at `position`.
   */
  setExample(key: string, example: Finding, position: number): void {
    const group = this.groups.get(key);
    if (!group) throw new Error(`no group ${JSON.stringify(key)} to set an example in`);
    group.example = example;
    group.position = position;
    group.orphan = false;
    group.exampleRecord = example.record.id;
  }

  /** The summary so far: groups worst first, then most frequent first. */
  build(): ValidationSummary {
    const groups = [...this.groups.values()]
      .map(
        ({ last: _last, position: _position, orphan: _orphan, exampleRecord: _record, ...group }) =>
          group,
      )
      .sort(
        (a, b) =>
          severityRank(a.severity) - severityRank(b.severity) ||
          b.count - a.count ||
          compareKeys(groupKeyOf(a), groupKeyOf(b)),
      );
    return {
      records: this.records,
      conformingRecords: this.conforming,
      counts: { ...this.counts },
      conforms: this.counts.violation === 0,
      groups,
    };
  }
}

/** A group's key (see {@link groupKey}). */
export function groupKeyOf(g: Omit<FindingGroup, 'example' | 'count' | 'records'>): string {
  return [g.severity, g.sourceShape, g.component, g.path ?? '', g.recordKind].join('\u0000');
}

/** Orders strings by code unit, the same everywhere (unlike `localeCompare`). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Summarizes a list of record results: records, conforming ones, counts and groups of findings.
 *
 * @example
 * ```ts
 * import { summarize, type RecordResult } from 'dcat-harvest/shacl';
 *
 * const counts = { violation: 0, warning: 0, info: 0 };
 * const ok = (id: string): RecordResult => ({ record: { id, kind: 'dataset' }, findings: [], counts, conforms: true });
 * const summary = summarize([ok('https://example.org/d1'), ok('https://example.org/d2')]);
 * summary.conformingRecords; // 2
 * summary.conforms; // true
 * ```
 */
export function summarize(results: Iterable<RecordResult>): ValidationSummary {
  const builder = new SummaryBuilder();
  for (const result of results) builder.add(result);
  return builder.build();
}
