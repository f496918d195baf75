// **sarif-lines** writes the SARIF of a findings file (JSON Lines of record results) from its
// bytes: every string a SARIF result holds is a string of the finding, and JSON writes a string
// one way, so its bytes are copied as they are, never decoded and encoded again. The same text as
// the SARIF renderer gives for the same findings, several times faster (at data.gouv.fr's size,
// 5.4 GB read and 5 GB written: bench/README.md, `## run`).
import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';
import type { Finding, ValidationRun } from '../shacl/findings.js';
import { fileLineBytes } from '../spool.js';
import { arrayFrame } from './json-chunks.js';
import type { RenderOptions } from './renderer.js';
import { LEVEL, RuleTable, sarifSkeleton } from './sarif.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** A JSON value's bytes in the current line: `[start, end)`. */
type Span = [number, number];

/** Where a line stopped making sense: the line (1-based) and the byte in it (0-based). */
class LineError extends Error {}

/** Reads the JSON of one line by its bytes, as far as a SARIF result needs to. */
class LineScanner {
  bytes: Buffer = Buffer.alloc(0);
  start = 0;
  end = 0;

  fail(at: number, what: string): never {
    throw new LineError(`${what} at byte ${at - this.start}`);
  }

  /** The first byte at or after `at` that is not JSON white space. */
  skip(at: number): number {
    const b = this.bytes;
    while (at < this.end) {
      const c = b[at] as number;
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      at++;
    }
    return at;
  }

  /** The end of the string that starts at `at` (its closing quote included). */
  stringEnd(at: number): number {
    const b = this.bytes;
    let from = at + 1;
    for (;;) {
      const q = b.indexOf(QUOTE, from);
      if (q < 0 || q >= this.end) this.fail(at, 'unterminated string');
      let k = q - 1;
      while (b[k] === BACKSLASH) k--;
      if ((q - 1 - k) % 2 === 0) return q + 1; // an even run of backslashes escapes nothing
      from = q + 1;
    }
  }

  /** The end of the value that starts at `at`. */
  valueEnd(at: number): number {
    const b = this.bytes;
    const c = b[at];
    if (c === QUOTE) return this.stringEnd(at);
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      let p = at;
      while (p < this.end) {
        const d = b[p] as number;
        if (d === QUOTE) {
          p = this.stringEnd(p);
          continue;
        }
        if (d === 0x7b || d === 0x5b) depth++;
        else if (d === 0x7d || d === 0x5d) {
          depth--;
          if (depth === 0) return p + 1;
        }
        p++;
      }
      this.fail(at, 'unterminated object or array');
    }
    let p = at;
    while (p < this.end) {
      const d = b[p] as number;
      if (d === 0x2c || d === 0x7d || d === 0x5d || d <= 0x20) break;
      p++;
    }
    if (p === at) this.fail(at, 'a value expected');
    return p;
  }

  /**
   * Calls `member(key, start)` for each member of the object at `at` (the key as Latin-1 of its
   * bytes, quotes included), which reads the value (`valueEnd` when it needs nothing of it) and
   * returns its end; returns the object's end. The bytes are read once.
   */
  members(at: number, member: (key: string, start: number) => number): number {
    const b = this.bytes;
    if (b[at] !== 0x7b) this.fail(at, 'an object expected');
    let p = this.skip(at + 1);
    if (b[p] === 0x7d) return p + 1;
    for (;;) {
      if (b[p] !== QUOTE) this.fail(p, 'a key expected');
      const keyEnd = this.stringEnd(p);
      const key = b.toString('latin1', p, keyEnd);
      p = this.skip(keyEnd);
      if (b[p] !== 0x3a) this.fail(p, '":" expected');
      p = this.skip(member(key, this.skip(p + 1)));
      if (b[p] === 0x2c) p = this.skip(p + 1);
      else if (b[p] === 0x7d) return p + 1;
      else this.fail(p, '"," or "}" expected');
    }
  }

  /** Calls `item(start)` for each item of the array at `at`, which returns the item's end. */
  items(at: number, item: (start: number) => number): number {
    const b = this.bytes;
    if (b[at] !== 0x5b) this.fail(at, 'an array expected');
    let p = this.skip(at + 1);
    if (b[p] === 0x5d) return p + 1;
    for (;;) {
      p = this.skip(item(p));
      if (b[p] === 0x2c) p = this.skip(p + 1);
      else if (b[p] === 0x5d) return p + 1;
      else this.fail(p, '"," or "]" expected');
    }
  }

  /** The value as JavaScript (what the renderer would have read). */
  parse(span: Span): unknown {
    return JSON.parse(this.bytes.toString('utf8', span[0], span[1]));
  }
}

/** A finding's members that a SARIF result holds, as spans of the line. */
interface FindingSpans {
  focusNode?: Span;
  component?: Span;
  severity?: Span;
  message?: Span;
  sourceShape?: Span;
  path?: Span;
  value?: Span;
  recordId?: Span;
  recordTitle?: Span;
  record?: Span;
  source?: Span;
  file?: Span;
  line?: Span;
}

/** Writes bytes to a file in 1 MB blocks. */
class BlockWriter {
  private readonly block = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  constructor(private readonly fd: number) {}

  text(s: string): void {
    if (s.length * 3 > this.block.length - this.used) {
      this.flush();
      if (s.length * 3 > this.block.length) {
        writeSync(this.fd, s);
        return;
      }
    }
    this.used += this.block.write(s, this.used, 'utf8');
  }

  bytes(from: Buffer, start: number, end: number): void {
    const n = end - start;
    if (n > this.block.length - this.used) {
      this.flush();
      if (n > this.block.length) {
        writeSync(this.fd, from, start, n);
        return;
      }
    }
    from.copy(this.block, this.used, start, end);
    this.used += n;
  }

  flush(): void {
    let at = 0;
    while (at < this.used) at += writeSync(this.fd, this.block, at, this.used - at);
    this.used = 0;
  }
}

/** Rule index and `"ruleId":…,"ruleIndex":…,"level":…` of each (shape, component, severity). */
class RuleTexts {
  readonly table = new RuleTable();
  private readonly known = new Map<string, string>();

  /** The result's opening members, the rule made on first use. */
  opening(scan: LineScanner, f: FindingSpans): string {
    const b = scan.bytes;
    const raw = (s?: Span) => (s ? b.toString('latin1', s[0], s[1]) : '');
    const key = `${raw(f.sourceShape)}\u0000${raw(f.component)}\u0000${raw(f.severity)}`;
    let text = this.known.get(key);
    if (text === undefined) {
      const read = (s?: Span) => (s ? scan.parse(s) : undefined) as string;
      const finding = {
        sourceShape: read(f.sourceShape),
        component: read(f.component),
        severity: read(f.severity) as Finding['severity'],
        path: read(f.path),
      };
      const index = this.table.indexOf(finding);
      const rule = this.table.rules[index];
      // As JSON.stringify writes the renderer's result: members that are undefined are left out.
      const members = [`"ruleId":${JSON.stringify(rule?.id)}`, `"ruleIndex":${index}`];
      const level = LEVEL[finding.severity] as string | undefined;
      if (level !== undefined) members.push(`"level":${JSON.stringify(level)}`);
      text = `{${members.join(',')}`;
      this.known.set(key, text);
    }
    return text;
  }
}

/** Members read as spans, by their JSON key: a field, and the members read inside it. */
type Fields = ReadonlyMap<string, [keyof FindingSpans, Fields?]>;

/** A finding's members that a SARIF result holds; `record` and `source` with theirs. */
const MEMBERS: Fields = new Map<string, [keyof FindingSpans, Fields?]>([
  ['"focusNode"', ['focusNode']],
  ['"component"', ['component']],
  ['"severity"', ['severity']],
  ['"message"', ['message']],
  ['"sourceShape"', ['sourceShape']],
  ['"path"', ['path']],
  ['"value"', ['value']],
  [
    '"record"',
    [
      'record',
      new Map<string, [keyof FindingSpans]>([
        ['"id"', ['recordId']],
        ['"title"', ['recordTitle']],
      ]),
    ],
  ],
  [
    '"source"',
    [
      'source',
      new Map<string, [keyof FindingSpans]>([
        ['"file"', ['file']],
        ['"line"', ['line']],
      ]),
    ],
  ],
]);

/** Reads the finding at `start` into `f` (its record's and source's members too); its end. */
function readFinding(scan: LineScanner, start: number, f: FindingSpans): number {
  const read =
    (fields: Fields) =>
    (key: string, s: number): number => {
      const [field, inner] = fields.get(key) ?? [];
      const e = inner && scan.bytes[s] === 0x7b ? scan.members(s, read(inner)) : scan.valueEnd(s);
      if (field) f[field] = [s, e];
      return e;
    };
  return scan.members(start, read(MEMBERS));
}

/** Whether the string's bytes hold an escape. */
function escaped(b: Buffer, [start, end]: Span): boolean {
  for (let i = start; i < end; i++) if (b[i] === BACKSLASH) return true;
  return false;
}

/** Writes one result, member for member as the renderer's `JSON.stringify` writes it. */
function writeResult(out: BlockWriter, scan: LineScanner, rules: RuleTexts, f: FindingSpans): void {
  const b = scan.bytes;
  const copy = (s: Span) => out.bytes(b, s[0], s[1]);
  // What JavaScript takes for false where the renderer asks `if (f.source)`.
  const falsy = (s: Span) =>
    s[1] - s[0] <= 5 && ['null', 'false', '""', '0'].includes(b.toString('latin1', s[0], s[1]));
  out.text(rules.opening(scan, f));
  out.text(',"message":{');
  if (f.message) {
    out.text('"text":');
    copy(f.message);
  }
  out.text('},"locations":[{"logicalLocations":[{');
  if (!f.record || falsy(f.record)) throw new LineError('a finding without its record');
  if (f.recordId) {
    out.text('"fullyQualifiedName":');
    copy(f.recordId);
    out.text(',');
  }
  out.text('"kind":"object"');
  if (f.recordTitle) {
    out.text(',"name":');
    copy(f.recordTitle);
  }
  out.text('}]');
  if (f.source && !falsy(f.source)) {
    out.text(',"physicalLocation":{"artifactLocation":{');
    if (f.file) {
      out.text('"uri":');
      // The renderer writes the file with `/` for `\`: bytes with an escape go through JSON.
      if (!escaped(b, f.file)) copy(f.file);
      else out.text(JSON.stringify(String(scan.parse(f.file)).replace(/\\/g, '/')));
    }
    out.text('}');
    if (f.line) {
      out.text(',"region":{"startLine":');
      copy(f.line);
      out.text('}');
    }
    out.text('}');
  }
  out.text('}],"properties":{');
  if (f.focusNode) {
    out.text('"focusNode":');
    copy(f.focusNode);
  }
  if (f.value) {
    out.text(f.focusNode ? ',"value":' : '"value":');
    copy(f.value);
  }
  out.text('}}');
}

/**
 * Writes the SARIF of the record results in `findings` (JSON Lines, as `findings.jsonl`) to
 * `sarif`: the same text as `sarifRenderer` gives for a run of those records, for a file whose
 * lines `JSON.stringify` wrote (as `findings.jsonl`'s writer does): its strings' bytes are then
 * the bytes `JSON.stringify` gives their values again. A line that is not JSON fails with its
 * file and line.
 */
export function writeSarifFromLines(
  findings: string,
  sarif: string,
  run: Pick<ValidationRun, 'notices' | 'shapes'>,
  options: RenderOptions = {},
): void {
  const rules = new RuleTexts();
  const frame = arrayFrame(sarifSkeleton(rules.table, run, options), 2);
  const input = openSync(findings, 'r');
  try {
    const output = openSync(sarif, 'w');
    try {
      const out = new BlockWriter(output);
      const scan = new LineScanner();
      out.text(frame.head);
      let first = true;
      let lineNumber = 0;
      for (const [bytes, start, end] of fileLineBytes(input, fstatSync(input).size)) {
        lineNumber++;
        scan.bytes = bytes;
        scan.start = start;
        scan.end = end;
        const at = scan.skip(start);
        if (at === end) continue; // a blank line
        try {
          scan.members(at, (key, s) =>
            key !== '"findings"'
              ? scan.valueEnd(s)
              : scan.items(s, (item) => {
                  const f: FindingSpans = {};
                  const itemEnd = readFinding(scan, item, f);
                  out.text(frame.before(first));
                  first = false;
                  writeResult(out, scan, rules, f);
                  return itemEnd;
                }),
          );
        } catch (error) {
          if (!(error instanceof LineError || error instanceof SyntaxError)) throw error;
          throw new Error(`${findings}:${lineNumber}: not a record's findings: ${error.message}`, {
            cause: error,
          });
        }
      }
      out.text(frame.close(first));
      out.text(frame.tail(true));
      out.text('\n');
      out.flush();
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}
