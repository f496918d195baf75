// **iri-scanner** repairs the IRI references of Turtle-family text as it streams, knowing strings and comments from IRIs.
import { encodeIri, needsRepair, type IriRepair } from './iri-repair.js';

type State = 'code' | 'comment' | 'string' | 'iri';

/** Longest IRI reference held back waiting for its `>`: longer ones go on untouched. */
const MAX_IRI = 64 * 1024;
/** A `\u` or `\U` escape (legal inside an IRI reference). */
const UCHAR = /^\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/;

/**
 * Rewrites `<…>` IRI references (Turtle, TriG, N3, N-Triples) that hold spaces, controls or
 * `"{}|^\`\\` into their percent-encoded form, chunk by chunk, and reports each repair with the
 * line and column of its `<` in the original text. An IRI reference broken by a line end is left
 * as is (the parser then reports it): lines never move, only columns after a repair on its line.
 */
export class TurtleIriRepairer {
  private state: State = 'code';
  /** String delimiter: `"`, `'`, `"""` or `'''`. */
  private quote = '';
  private carry = '';
  private line = 1;
  private column = 1;

  constructor(
    private readonly source: string,
    private readonly onRepair: (repair: IriRepair) => void,
    private readonly n3 = false,
  ) {}

  /** Repairs the next chunk; may hold back an unfinished IRI or token for the next one. */
  write(chunk: string): string {
    return this.run(this.carry + chunk, false);
  }

  /** The text held back. */
  end(): string {
    return this.run(this.carry, true);
  }

  private advance(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (text.charCodeAt(i) === 10) {
        this.line++;
        this.column = 1;
      } else this.column++;
    }
  }

  private run(text: string, final: boolean): string {
    this.carry = '';
    let out = '';
    let i = 0;
    let copied = 0;
    while (i < text.length) {
      const c = text[i] as string;
      if (this.state === 'comment') {
        const end = text.indexOf('\n', i);
        i = end === -1 ? text.length : end;
        if (end !== -1) this.state = 'code';
        continue;
      }
      if (this.state === 'string') {
        if (c === '\\') {
          if (i + 1 >= text.length && !final) break;
          i += 2;
          continue;
        }
        if (this.quote.length === 3) {
          if (text.startsWith(this.quote, i)) {
            i += 3;
            this.state = 'code';
          } else if (c === this.quote[0] && i + 3 > text.length && !final) break;
          else i++;
        } else {
          if (c === this.quote || c === '\n') this.state = 'code';
          i++;
        }
        continue;
      }
      // code
      if (c === '#') {
        this.state = 'comment';
        i++;
      } else if (c === '"' || c === "'") {
        if (i + 3 > text.length && !final) break;
        const long = text.startsWith(c + c + c, i);
        this.quote = long ? c + c + c : c;
        this.state = 'string';
        i += this.quote.length;
      } else if (c === '<') {
        if (i + 1 >= text.length && !final) break;
        const next = text[i + 1];
        if (next === '<' || (this.n3 && (next === '=' || next === '-'))) {
          i += 2;
          continue;
        }
        this.advance(text, copied, i);
        out += text.slice(copied, i);
        copied = i;
        const found = this.iriAt(text, i, final);
        if (found === 'wait') break;
        if (found === undefined) {
          i++;
          continue;
        }
        out += found.text;
        this.advance(text, i, found.end);
        copied = i = found.end;
      } else i++;
    }
    this.advance(text, copied, i);
    out += text.slice(copied, i);
    this.carry = text.slice(i);
    if (final && this.carry) {
      out += this.carry;
      this.carry = '';
    }
    return out;
  }

  /**
   * The IRI reference starting at `start`: its repaired text and end, undefined when it is not
   * one to repair (fine, or broken by a line end), `wait` when its end is not in `text` yet.
   */
  private iriAt(
    text: string,
    start: number,
    final: boolean,
  ): { text: string; end: number } | undefined | 'wait' {
    let j = start + 1;
    let bad = false;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 62) break; // >
      if (c === 10 || c === 13 || c === 60 || j - start > MAX_IRI) return undefined;
      if (c === 92 && UCHAR.test(text.slice(j, j + 10))) {
        j += text[j + 1] === 'u' ? 6 : 10;
        continue;
      }
      if (needsRepair(text[j] as string)) bad = true;
      j++;
    }
    if (j >= text.length) return final ? undefined : 'wait';
    if (!bad) return undefined;
    const original = unescapeIri(text.slice(start + 1, j));
    const repaired = encodeIri(original);
    this.onRepair({
      source: this.source,
      line: this.line,
      column: this.column,
      original,
      repaired,
    });
    return { text: `<${repaired}>`, end: j + 1 };
  }
}

/** An IRI reference's text with its `\u` and `\U` escapes decoded. */
function unescapeIri(text: string): string {
  return text.replace(/\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})/g, (_m, u4?: string, u8?: string) =>
    String.fromCodePoint(parseInt((u4 ?? u8) as string, 16)),
  );
}
