// **findings-file** writes a run's `findings.jsonl` from its spooled results, attributing each
// shared node's findings to the record the attribution rule names.
import { digest } from '../key-set.js';
import type { AttributionMove } from '../shacl/dedupe.js';
import { resultShell, type Finding, type RecordResult } from '../shacl/findings.js';
import { groupKey, type Tally } from '../shacl/summary.js';
import { cutResultText } from './result-text.js';
import { describeRecord } from '../shacl/messages.js';
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { writeAll } from '../file-bytes.js';

/** What was written. */
export interface FindingsWritten {
  /** Lines: records with at least one finding. */
  records: number;
  findings: number;
  /** Where each result's line is in the file, by result position: byte offset and length. */
  lines: Map<number, { start: number; length: number }>;
}

const EMPTY = Buffer.from('"findings":[]');
const COUNTS = Buffer.from('"counts":{');
const NEWLINE = Buffer.from('\n');
const COMMA = Buffer.from(',');
/** Bytes gathered before a write. */
const BATCH = 1 << 20;

/** A result's text holds no finding (the key cannot occur unescaped inside a string value). */
function empty(text: Buffer): boolean {
  return text.indexOf(EMPTY) >= 0;
}

/** How many findings a result's text holds, without parsing it: its counts are at its end. */
function countOf(text: Buffer): number {
  const at = text.lastIndexOf(COUNTS);
  if (at < 0) return 0;
  const end = text.indexOf('}', at);
  const counts = JSON.parse(text.toString('utf8', at + COUNTS.length - 1, end + 1)) as Record<
    string,
    number
  >;
  return (counts.violation ?? 0) + (counts.warning ?? 0) + (counts.info ?? 0);
}

/** Writes buffers to a file through a 1 MB batch; large ones go straight through. */
class FileWriter {
  private readonly fd: number;
  private pending: Buffer[] = [];
  private size = 0;
  /** Bytes written so far (pending ones included): where the next write starts. */
  offset = 0;
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }
  write(bytes: Buffer): void {
    this.offset += bytes.length;
    if (bytes.length >= BATCH) {
      this.flush();
      this.put(bytes);
      return;
    }
    this.pending.push(bytes);
    this.size += bytes.length;
    if (this.size >= BATCH) this.flush();
  }
  private put(bytes: Buffer): void {
    writeAll(this.fd, bytes);
  }
  flush(): void {
    if (this.size === 0) return;
    this.put(Buffer.concat(this.pending, this.size));
    this.pending = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function nodeKey(node: string): string {
  const [hi, lo] = digest(node);
  return `${hi}:${lo}`;
}

/**
 * Writes a changed result piece by piece: the kept findings' texts as they were, the received
 * ones stringified. Gives where its line is.
 */
function writeRewritten(
  out: FileWriter,
  line: {
    next: RecordResult & { findings: [] };
    text: Buffer;
    kept: readonly [number, number][];
    received: readonly Finding[];
  },
): { start: number; length: number } {
  const [head, tail] = resultShell(line.next);
  const start = out.offset;
  out.write(Buffer.from(head, 'utf8'));
  line.kept.forEach(([from, to], i) => {
    if (i > 0) out.write(COMMA);
    out.write(line.text.subarray(from, to));
  });
  line.received.forEach((f, i) => {
    if (i > 0 || line.kept.length > 0) out.write(COMMA);
    out.write(Buffer.from(JSON.stringify(f), 'utf8'));
  });
  out.write(Buffer.from(tail, 'utf8'));
  return { start, length: out.offset - start };
}

/** A finding moved to another record: its message named the record it was validated with. */
function relabel(f: Finding, to: RecordResult): void {
  const before = ` of ${describeRecord(f.record)}`;
  f.message = f.message.replace(before, () => ` of ${describeRecord(to.record)}`);
  f.record = to.record;
  if (to.source) f.source = to.source;
  else delete f.source;
}

/** A result's tally from its findings' texts (parsed one at a time when counted) and objects. */
function tallyOfTexts(
  shell: RecordResult,
  spans: readonly [number, number][],
  more: readonly Finding[],
  parse: (span: [number, number]) => Finding,
): Tally {
  return {
    conforms: shell.conforms,
    record: shell.record,
    each(each) {
      for (const span of spans) {
        const f = parse(span);
        each(groupKey(f), f.severity, () => f);
      }
      for (const f of more) each(groupKey(f), f.severity, () => f);
    },
  };
}

/**
 * Writes the results (`texts`, in position order) to `file`, one line per result with findings,
 * moving each shared node's findings as `moves` say: taken from the result that reported them,
 * given (re-labelled with its record) to the one they are attributed to. `onChange` hears of every
 * result so changed, with its old and new tallies (their findings parsed one at a time as they are
 * counted), to correct what was counted from it. A result is never parsed whole: a 60,000-finding
 * record's line is 60 MB.
 */
export function writeFindingsFile(
  file: string,
  texts: Iterable<Buffer>,
  moves: readonly AttributionMove[],
  onChange?: (position: number, old: Tally, next: Tally) => void,
): FindingsWritten {
  /** Per position that gives findings away: node key → position it goes to. */
  const giving = new Map<number, Map<string, number>>();
  /** Positions that receive findings. */
  const receiving = new Set<number>();
  for (const m of moves) {
    let nodes = giving.get(m.from);
    if (!nodes) giving.set(m.from, (nodes = new Map()));
    nodes.set(`${m.node[0]}:${m.node[1]}`, m.to);
    receiving.add(m.to);
  }
  /** Findings on their way to a later position. */
  const carried = new Map<number, Finding[]>();
  const written: FindingsWritten = { records: 0, findings: 0, lines: new Map() };

  const part = `${file}.part`;
  const out = new FileWriter(part);
  /** Writes a result's text as it is. */
  const same = (at: number, text: Buffer, findings: number): void => {
    written.records++;
    written.findings += findings;
    written.lines.set(at, { start: out.offset, length: text.length });
    out.write(text);
    out.write(NEWLINE);
  };
  try {
    let position = 0;
    for (const text of texts) {
      const at = position++;
      const gives = giving.get(at);
      if (!gives && !receiving.has(at)) {
        if (!empty(text)) same(at, text, countOf(text));
        continue;
      }
      const cut = cutResultText(text);
      const { shell } = cut;
      const parse = ([from, to]: [number, number]) =>
        JSON.parse(text.toString('utf8', from, to)) as Finding;
      const counts = { ...shell.counts };
      let kept = cut.findings;
      if (gives) {
        kept = [];
        for (const span of cut.findings) {
          const f = parse(span);
          const to = gives.get(nodeKey(f.focusNode));
          if (to === undefined) kept.push(span);
          else {
            const list = carried.get(to) ?? [];
            list.push(f);
            carried.set(to, list);
            counts[f.severity]--;
          }
        }
      }
      const received = carried.get(at) ?? [];
      carried.delete(at);
      for (const f of received) {
        relabel(f, shell);
        counts[f.severity]++;
      }
      if (kept.length === cut.findings.length && received.length === 0) {
        if (kept.length > 0) same(at, text, kept.length);
        continue;
      }
      const next: RecordResult & { findings: [] } = {
        record: shell.record,
        findings: [],
        counts,
        conforms: counts.violation === 0,
      };
      if (shell.source) next.source = shell.source;
      onChange?.(
        at,
        tallyOfTexts(shell, cut.findings, [], parse),
        tallyOfTexts(next, kept, received, parse),
      );
      if (kept.length + received.length === 0) continue;
      written.records++;
      written.findings += kept.length + received.length;
      written.lines.set(at, writeRewritten(out, { next, text, kept, received }));
      out.write(NEWLINE);
    }
    out.close();
  } catch (error) {
    try {
      out.close();
    } finally {
      rmSync(part, { force: true });
    }
    throw error;
  }
  renameSync(part, file); // a findings file is whole or absent
  return written;
}
