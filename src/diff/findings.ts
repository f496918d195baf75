// **findings** compares two runs' findings by what they are, not where they were filed: two passes
// over each side's findings.jsonl, with 12 bytes kept per distinct finding.
import { digest } from '../key-set.js';
import { readFindings } from '../run/read-report.js';
import {
  emptyCounts,
  severityRank,
  type Finding,
  type RecordRef,
  type RecordResult,
  type Severity,
  type SeverityCounts,
} from '../shacl/findings.js';
import { DigestCounts } from './digest-counts.js';

/** Findings listed in full per direction unless told otherwise. */
export const DEFAULT_FINDINGS_LIMIT = 100;

/** A finding introduced or fixed, as read from one side's findings.jsonl. */
export interface FindingChange {
  /** The record the finding is filed under on that side. */
  record: string;
  kind: string;
  title?: string;
  severity: Severity;
  message: string;
  focusNode: string;
  path?: string;
  /** The constraint component IRI. */
  component: string;
  /** The shape that produced it. */
  shape: string;
  value?: string;
}

/** How the findings of two runs differ. */
export interface FindingsDiff {
  /** Findings on each side. */
  before: number;
  after: number;
  /** Exact numbers of findings introduced and fixed, per severity. */
  totals: { introduced: SeverityCounts; fixed: SeverityCounts };
  /** At most `limit` each: worst first, then by record, focus node, path, constraint, value. */
  introduced: FindingChange[];
  fixed: FindingChange[];
  limit: number;
}

/** Stands for any blank node: its label changes from one parse to the next. */
const BLANK = '\u0001blank';

/**
 * What a finding is: its severity, constraint component, shape, path, value and focus node, where
 * a blank node (focus node or value) is "a blank node of record R" (R the record the finding is
 * filed under, which the attribution rule fixes; else the finding's own record) and a blank shape
 * is "a blank shape": their labels change from one parse to the next. The record an IRI's finding
 * is filed under does not count. Identical identities are counted, not merged.
 *
 * @example
 * ```ts
 * import { findingIdentity } from 'dcat-harvest/diff';
 * import { runValidation } from 'dcat-harvest/shacl';
 *
 * const run = await runValidation(['catalog.ttl']);
 * const seen = new Set(run.results.flatMap((r) => r.findings.map((f) => findingIdentity(f))));
 * ```
 */
export function findingIdentity(finding: Finding, filedUnder?: RecordRef): string {
  const record = filedUnder ?? finding.record;
  const blank = `${BLANK} of ${record ? recordKey(record) : ''}`;
  const node = (term: string | undefined) => (term?.startsWith('_:') ? blank : (term ?? ''));
  return [
    finding.severity,
    finding.component,
    finding.sourceShape.startsWith('_:') ? BLANK : finding.sourceShape,
    finding.path ?? '',
    finding.value === undefined ? '\u0002' : node(finding.value),
    node(finding.focusNode),
  ].join('\u0000');
}

/** A record's id, or for a blank-node record its kind and title (its label is not stable). */
function recordKey(record: RecordRef): string {
  if (!record.id.startsWith('_:')) return record.id;
  return `_:${record.kind}${record.title === undefined ? '' : ` «${record.title}»`}`;
}

/** Each finding of a findings file, with the result it is filed under. */
async function* eachFinding(file: string): AsyncGenerator<[Finding, RecordResult]> {
  for await (const result of readFindings(file)) {
    for (const finding of result.findings) yield [finding, result];
  }
}

/**
 * Compares the findings of two findings.jsonl files. A first pass over each side counts every
 * finding's identity (+1 before, −1 after) as a 64-bit digest; a second pass over a side that has
 * findings the other lacks names them, keeping the `limit` worst.
 */
export async function compareFindings(
  beforeFile: string,
  afterFile: string,
  options: { limit?: number } = {},
): Promise<FindingsDiff> {
  const limit = options.limit ?? DEFAULT_FINDINGS_LIMIT;
  const table = new DigestCounts();
  let before = 0;
  let after = 0;
  for await (const [f, r] of eachFinding(beforeFile)) {
    table.add(digest(findingIdentity(f, r.record)), 1);
    before++;
  }
  for await (const [f, r] of eachFinding(afterFile)) {
    table.add(digest(findingIdentity(f, r.record)), -1);
    after++;
  }
  const { positive, negative } = table.totals();
  const fixed = positive > 0 ? await extra(beforeFile, table, 1, limit) : none();
  const introduced = negative > 0 ? await extra(afterFile, table, -1, limit) : none();
  return {
    before,
    after,
    totals: { introduced: introduced.counts, fixed: fixed.counts },
    introduced: introduced.listed,
    fixed: fixed.listed,
    limit,
  };
}

const none = () => ({ counts: emptyCounts(), listed: [] as FindingChange[] });

/**
 * The findings of `file` left over once the other side's are taken out: those whose identity's
 * count has `sign`, as many of each as the count says.
 */
async function extra(file: string, table: DigestCounts, sign: 1 | -1, limit: number) {
  const counts = emptyCounts();
  const best = new Worst(limit);
  for await (const [f, r] of eachFinding(file)) {
    const key = digest(findingIdentity(f, r.record));
    if (table.get(key) * sign <= 0) continue;
    table.add(key, -sign);
    counts[f.severity]++;
    best.offer(f, r);
  }
  return { counts, listed: best.list() };
}

/** Keeps the `limit` worst findings offered, in order. */
class Worst {
  private items: FindingChange[] = [];

  constructor(private readonly limit: number) {}

  offer(f: Finding, r: RecordResult): void {
    if (this.limit <= 0) return;
    this.items.push(changeOf(f, r.record));
    if (this.items.length >= 2 * this.limit + 64) this.trim();
  }

  list(): FindingChange[] {
    this.trim();
    return this.items;
  }

  private trim(): void {
    this.items.sort(byWorst);
    this.items.length = Math.min(this.items.length, this.limit);
  }
}

function changeOf(f: Finding, record: RecordRef): FindingChange {
  const change: FindingChange = {
    record: record.id,
    kind: record.kind,
    ...(record.title === undefined ? {} : { title: record.title }),
    severity: f.severity,
    message: f.message,
    focusNode: f.focusNode,
    ...(f.path === undefined ? {} : { path: f.path }),
    component: f.component,
    shape: f.sourceShape,
  };
  if (f.value !== undefined) change.value = f.value;
  return change;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byWorst(a: FindingChange, b: FindingChange): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compare(a.record, b.record) ||
    compare(a.focusNode, b.focusNode) ||
    compare(a.path ?? '', b.path ?? '') ||
    compare(a.component, b.component) ||
    compare(a.value ?? '', b.value ?? '') ||
    compare(a.message, b.message)
  );
}
