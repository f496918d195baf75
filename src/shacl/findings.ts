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
