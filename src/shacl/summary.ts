// **summary** counts validation results into a summary (groups worst first, with an example each)
// without keeping the findings.
import {
  emptyCounts,
  severityRank,
  type Finding,
  type FindingGroup,
  type RecordRef,
  type RecordResult,
  type Severity,
  type ValidationSummary,
} from './findings.js';

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
   * back (only their group keys and severities are read: a tally will do) and the new ones
   * counted, examples chosen as if `next` had been added there.
   */
  replace(position: number, old: RecordResult | Tally, next: RecordResult | Tally): void {
    this.records--;
    const was = 'findings' in old ? tallyOf(old) : old;
    if (was.conforms) this.conforming--;
    const touched = new Set<Counting>();
    was.each((key, severity) => {
      this.counts[severity]--;
      const group = this.groups.get(key);
      if (!group) return;
      group.count--;
      touched.add(group);
    });
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
