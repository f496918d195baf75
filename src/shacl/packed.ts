// **packed** is a record's findings in the form that crosses threads and goes to disk: their JSON
// text (UTF-8), focus node by focus node, with each node's digests (for de-duplication) and each
// finding's summary group; a finding becomes an object again only when something needs one.
import { digest } from '../key-set.js';
import {
  emptyCounts,
  recordResult,
  resultShell,
  type Finding,
  type RecordRef,
  type RecordResult,
  type Severity,
  type SeverityCounts,
} from './findings.js';
import { groupKey, type Tally } from './summary.js';

/** Words per node in {@link PackedFindings.nodes}. */
export const NODE_STRIDE = 6;

/**
 * A record's findings, grouped by focus node (in order of first appearance) with identical
 * findings collapsed. An 8,000-distribution dataset's 60,000 findings are one 60 MB byte array
 * instead of 60,000 objects of ≈ 1.5 KB (what a worker used to clone and this thread to rebuild).
 */
export interface PackedFindings {
  /**
   * Each node's findings as `JSON.stringify` texts joined by `,`, one node after the other, a `,`
   * between nodes too: the text of consecutive nodes is one slice.
   */
  bytes: Uint8Array;
  /**
   * Per node, {@link NODE_STRIDE} words: the node's digest (2 words), its finding set's digest (2),
   * the end of its text in `bytes` (the next node's starts one byte later), the end of its findings
   * in `tally`.
   */
  nodes: Uint32Array;
  /** Per finding, its summary group: an index into `groups`. */
  tally: Uint32Array;
  /** Summary group keys (see `groupKey`); the severity comes first. */
  groups: string[];
}

/** What identifies a finding (the record it is reported under aside). */
function findingKey(f: Finding): string {
  return [f.focusNode, f.path ?? '', f.component, f.severity, f.value ?? '', f.sourceShape].join(
    '\u0000',
  );
}

/** Characters of finding texts {@link packFindings} keeps between its two passes. */
const KEPT_CHARS = 1 << 22;

/** Packs a record's findings (see {@link PackedFindings}); every array has its own buffer. */
export function packFindings(findings: readonly Finding[]): PackedFindings {
  const byNode = new Map<string, Map<string, Finding>>();
  for (const f of findings) {
    let unique = byNode.get(f.focusNode);
    if (!unique) byNode.set(f.focusNode, (unique = new Map()));
    const key = findingKey(f);
    if (!unique.has(key)) unique.set(key, f);
  }
  let count = 0;
  for (const unique of byNode.values()) count += unique.size;
  const nodes = new Uint32Array(byNode.size * NODE_STRIDE);
  const tally = new Uint32Array(count);
  const groups: string[] = [];
  const groupIndex = new Map<string, number>();
  // Lengths first, texts second (each finding as `JSON.stringify` gives it, `,` between them).
  // The texts are kept for the second pass up to KEPT_CHARS in all: a giant record's texts
  // beyond are made again, never held twice.
  const texts: (string | undefined)[] = [];
  let kept = 0;
  let size = 0;
  let at = 0;
  let n = 0;
  for (const [node, unique] of byNode) {
    const [hi, lo] = digest(node);
    const [setHi, setLo] = digest([...unique.keys()].sort().join('\n'));
    for (const f of unique.values()) {
      const key = groupKey(f);
      let g = groupIndex.get(key);
      if (g === undefined) {
        g = groups.length;
        groups.push(key);
        groupIndex.set(key, g);
      }
      if (at > 0) size++; // the `,` before it
      const text = JSON.stringify(f);
      kept += text.length;
      texts.push(kept <= KEPT_CHARS ? text : undefined);
      size += Buffer.byteLength(text, 'utf8');
      tally[at++] = g;
    }
    nodes.set([hi, lo, setHi, setLo, size, at], n++ * NODE_STRIDE);
  }
  const bytes = new Uint8Array(size);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let written = 0;
  at = 0;
  for (const unique of byNode.values()) {
    for (const f of unique.values()) {
      if (at > 0) written += view.write(',', written);
      written += view.write(texts[at] ?? JSON.stringify(f), written);
      texts[at++] = undefined;
    }
  }
  return { bytes, nodes, tally, groups };
}

/** How many focus nodes. */
export function nodeCount(packed: PackedFindings): number {
  return packed.nodes.length / NODE_STRIDE;
}

/** Where node `n`'s text (bytes) and findings (tally) start and end. */
function spans(packed: PackedFindings, n: number) {
  const { nodes } = packed;
  const at = n * NODE_STRIDE;
  return {
    start: n === 0 ? 0 : (nodes[at - NODE_STRIDE + 4] as number) + 1,
    end: nodes[at + 4] as number,
    first: n === 0 ? 0 : (nodes[at - NODE_STRIDE + 5] as number),
    last: nodes[at + 5] as number,
  };
}

/** Node `n`'s findings, parsed. */
function nodeFindings(packed: PackedFindings, n: number): Finding[] {
  const { start, end } = spans(packed, n);
  const { bytes } = packed;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
    'utf8',
    start,
    end,
  );
  return JSON.parse(`[${text}]`) as Finding[];
}

/**
 * The findings of the given nodes (all by default), parsed, in order. Findings naming the same
 * record or source share one object for it, as the findings a validator makes do.
 */
export function unpack(packed: PackedFindings, nodes?: readonly number[]): Finding[] {
  const findings: Finding[] = [];
  const shared = new Map<string, object>();
  const share = <T extends object>(key: string, value: T): T => {
    const known = shared.get(key) as T | undefined;
    if (known) return known;
    shared.set(key, value);
    return value;
  };
  const count = nodes?.length ?? nodeCount(packed);
  for (let i = 0; i < count; i++) {
    for (const f of nodeFindings(packed, nodes ? nodes[i]! : i)) {
      const { id, kind, title } = f.record;
      f.record = share(`r${id}\u0000${kind}\u0000${title ?? '\u0001'}`, f.record);
      if (f.source) f.source = share(`s${f.source.file}\u0000${f.source.line ?? ''}`, f.source);
      findings.push(f);
    }
  }
  return findings;
}

/** The buffers of packed findings, to move them to another thread instead of copying them. */
export function transferables(packed: Iterable<PackedFindings>): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const p of packed) {
    for (const array of [p.bytes, p.nodes, p.tally]) {
      if (array.byteLength > 0) buffers.push(array.buffer as ArrayBuffer);
    }
  }
  return buffers;
}

const SEVERITY_OF: Record<string, Severity> = {
  violation: 'violation',
  warning: 'warning',
  info: 'info',
};

/** A group key's severity (its first field). */
function severityOf(key: string): Severity {
  return SEVERITY_OF[key.slice(0, key.indexOf('\u0000'))] ?? 'info';
}

/**
 * A record's result with its findings packed: some of the nodes of a {@link PackedFindings} (the
 * others were reported under an earlier record). It counts into a summary and writes its
 * `JSON.stringify` text without parsing a finding; {@link result} parses them.
 */
export class PackedResult implements Tally {
  readonly counts: SeverityCounts;
  readonly conforms: boolean;
  /** See `RecordResult.revises`. */
  revises?: number;
  /** Each summary group's severity. */
  private readonly severities: Severity[];

  constructor(
    readonly record: RecordRef,
    private readonly packed: PackedFindings,
    /** The nodes reported, in order. */
    private readonly kept: readonly number[],
    readonly source?: { file: string; line?: number },
  ) {
    const counts = emptyCounts();
    const severities = packed.groups.map(severityOf);
    this.severities = severities;
    this.visit((g) => counts[severities[g] as Severity]++);
    this.counts = counts;
    this.conforms = counts.violation === 0;
  }

  private visit(each: (group: number, node: number, index: number) => void): void {
    const { tally } = this.packed;
    for (const n of this.kept) {
      const { first, last } = spans(this.packed, n);
      for (let i = first; i < last; i++) each(tally[i] as number, n, i - first);
    }
  }

  /** Calls `each` for every finding with its group key, severity and a way to parse it. */
  each(each: (key: string, severity: Severity, finding: () => Finding) => void): void {
    const { groups } = this.packed;
    const severities = this.severities;
    this.visit((g, n, i) =>
      each(groups[g] as string, severities[g] as Severity, () => nodeFindings(this.packed, n)[i]!),
    );
  }

  /** The result with its findings parsed (what `validateDocuments` yields). */
  result(): RecordResult {
    const result = recordResult(this.record, unpack(this.packed, this.kept), this.source);
    if (this.revises !== undefined) result.revises = this.revises;
    return result;
  }

  /**
   * `JSON.stringify(this.result())` in pieces, the findings' straight from their bytes: one slice
   * per run of consecutive nodes (all of them, unless an earlier record reported some).
   */
  *jsonPieces(): Generator<string | Uint8Array> {
    const shell: RecordResult & { findings: [] } = {
      record: this.record,
      findings: [],
      counts: this.counts,
      conforms: this.conforms,
    };
    if (this.source) shell.source = this.source;
    if (this.revises !== undefined) shell.revises = this.revises;
    const [head, tail] = resultShell(shell);
    yield head;
    const { kept } = this;
    for (let i = 0; i < kept.length;) {
      let j = i + 1;
      while (j < kept.length && kept[j] === (kept[j - 1] as number) + 1) j++;
      if (i > 0) yield ',';
      const { start } = spans(this.packed, kept[i] as number);
      const { end } = spans(this.packed, kept[j - 1] as number);
      yield this.packed.bytes.subarray(start, end);
      i = j;
    }
    yield tail;
  }
}
