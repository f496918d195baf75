// **iri-scanner** repairs the IRI references of Turtle-family text as it streams, knowing strings and comments from IRIs.
import { encodeIri, type IriRepair } from './iri-repair.js';

type State = 'code' | 'comment' | 'string' | 'iri';

/** Longest IRI reference held back waiting for its `>`: longer ones go on untouched. */
const MAX_IRI = 64 * 1024;
/** `\u` and `\U` escapes (legal inside an IRI reference). */
const UCHARS = /\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/g;
/** Where the Turtle text may switch state: a comment, a string, an IRI reference. */
const CODE_STOPS = /[#"'<]/g;
/** Where a string may end or escape, by its delimiter. */
const STRING_STOPS: Readonly<Record<string, RegExp>> = {
  '"': /["\\\n]/g,
  "'": /['\\\n]/g,
  '"""': /["\\]/g,
  "'''": /['\\]/g,
};
/** A whole IRI reference with nothing to repair. */
// eslint-disable-next-line no-control-regex -- controls are what we look for
const VALID_IRI = /<[^\u0000-\u0020<>"{}|^`\\]*>/y;
/** The end of an IRI reference, or what shows it is not one. */
const IRI_END = /[>\n\r<]/g;
// eslint-disable-next-line no-control-regex -- controls are what we look for
const BAD_IN_IRI = /[\u0000-\u0020"{}|^`\\]/;
// eslint-disable-next-line no-control-regex -- controls are what we look for
const BAD_BUT_BACKSLASH = /[\u0000-\u0020"{}|^`]/;

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

  /** Moves the position over `text[from, to)`. */
  private advance(text: string, from: number, to: number): void {
    let nl = text.indexOf('\n', from);
    if (nl === -1 || nl >= to) {
      this.column += to - from;
      return;
    }
    let last = nl;
    while (nl !== -1 && nl < to) {
      this.line++;
      last = nl;
      nl = text.indexOf('\n', nl + 1);
    }
    this.column = to - last;
  }

  private run(text: string, final: boolean): string {
    this.carry = '';
    let out = '';
    let i = 0;
    let copied = 0;
    while (i < text.length) {
      if (this.state === 'comment') {
        const end = text.indexOf('\n', i);
        i = end === -1 ? text.length : end;
        if (end !== -1) this.state = 'code';
        continue;
      }
      if (this.state === 'string') {
        const stop = STRING_STOPS[this.quote] as RegExp;
        stop.lastIndex = i;
        const m = stop.exec(text);
        if (!m) {
          i = text.length;
          continue;
        }
        i = m.index;
        const c = m[0];
        if (c === '\\') {
          if (i + 1 >= text.length && !final) break;
          i += 2;
        } else if (this.quote.length === 3) {
          if (text.startsWith(this.quote, i)) {
            i += 3;
            this.state = 'code';
          } else if (i + 3 > text.length && !final) break;
          else i++;
        } else {
          this.state = 'code';
          i++;
        }
        continue;
      }
      CODE_STOPS.lastIndex = i;
      const m = CODE_STOPS.exec(text);
      if (!m) {
        i = text.length;
        break;
      }
      i = m.index;
      const c = m[0];
      if (c === '#') {
        this.state = 'comment';
        i++;
      } else if (c === '"' || c === "'") {
        if (i + 3 > text.length && !final) break;
        const long = text.startsWith(c + c + c, i);
        this.quote = long ? c + c + c : c;
        this.state = 'string';
        i += this.quote.length;
      } else {
        if (i + 1 >= text.length && !final) break;
        const next = text[i + 1];
        if (next === '<' || (this.n3 && (next === '=' || next === '-'))) {
          i += 2;
          continue;
        }
        VALID_IRI.lastIndex = i;
        if (VALID_IRI.test(text)) {
          i = VALID_IRI.lastIndex; // the common case: nothing to repair, nothing to copy
          continue;
        }
        const found = this.iriAt(text, i, final);
        if (found === 'wait') break;
        if (found === undefined) {
          i++;
          continue;
        }
        this.advance(text, copied, i);
        out += text.slice(copied, i);
        this.onRepair({
          source: this.source,
          line: this.line,
          column: this.column,
          ...found.repair,
        });
        out += `<${found.repair.repaired}>`;
        this.advance(text, i, found.end);
        copied = i = found.end;
      }
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
   * The IRI reference starting at `start`: its repair and end, undefined when it is not one to
   * repair (fine, or broken by a line end), `wait` when its end is not in `text` yet.
   */
  private iriAt(
    text: string,
    start: number,
    final: boolean,
  ): { repair: { original: string; repaired: string }; end: number } | undefined | 'wait' {
    IRI_END.lastIndex = start + 1;
    const m = IRI_END.exec(text);
    if (!m) return final || text.length - start > MAX_IRI ? undefined : 'wait';
    if (m[0] !== '>' || m.index - start > MAX_IRI) return undefined;
    const body = text.slice(start + 1, m.index);
    if (!BAD_IN_IRI.test(body)) return undefined;
    if (!BAD_BUT_BACKSLASH.test(body) && !body.replace(UCHARS, '').includes('\\')) return undefined;
    const original = unescapeIri(body);
    return { repair: { original, repaired: encodeIri(original) }, end: m.index + 1 };
  }
}

/** An IRI reference's text with its `\u` and `\U` escapes decoded. */
function unescapeIri(text: string): string {
  return text.replace(/\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})/g, (_m, u4?: string, u8?: string) =>
    String.fromCodePoint(parseInt((u4 ?? u8) as string, 16)),
  );
}
