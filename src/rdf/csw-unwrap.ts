// **csw-unwrap** finds the RDF inside a CSW 2.0.2 GetRecords response as it streams: each rdf:RDF (or record) in csw:SearchResults, positions kept.
import { InputError } from '../errors.js';

export const CSW_NS = 'http://www.opengis.net/cat/csw/2.0.2';
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/**
 * Namespaces of the wrapper that records do not use: not copied onto a fragment (each one copied
 * moves the columns after it on that line).
 */
const WRAPPER_NS = [
  CSW_NS,
  'http://www.opengis.net/ows',
  'http://www.opengis.net/ows/1.1',
  'http://www.w3.org/2001/XMLSchema-instance',
];
const OWS_NS = ['http://www.opengis.net/ows', 'http://www.opengis.net/ows/1.1'];

/** What a CSW response says about its results (`csw:SearchResults` attributes). */
export interface CswResults {
  numberOfRecordsMatched?: number;
  numberOfRecordsReturned?: number;
  /** The position of the next record; 0 when there is none. */
  nextRecord?: number;
}

/** How a document's root element makes it read: plain RDF/XML, a CSW response, an OWS exception. */
export type XmlRootKind = 'rdf' | 'csw' | 'exception' | 'capabilities';

/** Where one fragment (an `rdf:RDF` or a record element) goes. */
export interface FragmentSink {
  /** A fragment starts: `head` is whitespace that puts its first character where it was, then its text. */
  start(head: string): void;
  text(text: string): void;
  end(): void;
}

const NAME = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*')/g;

/** Attributes of a start tag's text (values with the five XML entities decoded). */
function attributesOf(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const value = (m[2] as string)
      .slice(1, -1)
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    found.set(m[1] as string, value);
  }
  return found;
}

/** The namespace and local name of a start tag, resolved with its own and its ancestors' declarations. */
function qualified(
  tag: string,
  scopes: readonly Map<string, string>[],
): { ns?: string; local: string } {
  const m = NAME.exec(tag);
  const prefix = m?.[1]?.slice(0, -1) ?? '';
  const key = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let i = scopes.length - 1; i >= 0; i--) {
    const ns = scopes[i]?.get(key);
    if (ns !== undefined) return { ns, local: m?.[2] ?? '' };
  }
  return { local: m?.[2] ?? '' };
}

/** Decides how a document whose root start tag is `tag` is read. */
export function rootKind(tag: string): XmlRootKind {
  const { ns, local } = qualified(tag, [attributesOf(tag)]);
  if (ns === CSW_NS && (local === 'GetRecordsResponse' || local === 'GetRecordByIdResponse'))
    return 'csw';
  if (ns !== undefined && OWS_NS.includes(ns) && local === 'ExceptionReport') return 'exception';
  if (ns === CSW_NS && local === 'Capabilities') return 'capabilities';
  return 'rdf';
}

/** The end of the token starting with `<` at `i`, or -1 when `text` does not hold it all. */
function tokenEnd(text: string, i: number): number {
  if (text.startsWith('<!--', i)) return end(text.indexOf('-->', i + 4), 3);
  if (text.startsWith('<![CDATA[', i)) return end(text.indexOf(']]>', i + 9), 3);
  if (text.startsWith('<?', i)) return end(text.indexOf('?>', i + 2), 2);
  if (text.startsWith('<!', i)) {
    let depth = 0;
    for (let j = i + 2; j < text.length; j++) {
      const c = text[j];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) return j + 1;
    }
    return -1;
  }
  let quote = '';
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j] as string;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j + 1;
  }
  return -1;
}

function end(at: number, length: number): number {
  return at < 0 ? -1 : at + length;
}

/**
 * Splits a CSW GetRecords (or GetRecordById) response into the RDF/XML documents it holds: each
 * child of `csw:SearchResults` (an `rdf:RDF`, or a record element straight in it) becomes one
 * fragment, preceded by the line breaks and spaces that put it where it was in the file, with the
 * namespaces declared on the wrapper (but its own: CSW, OWS, XSI) added to its start tag. The wrapper itself is dropped, and
 * the `csw:SearchResults` attributes are kept in `results`.
 */
export class CswUnwrapper {
  readonly results: CswResults = {};
  private carry = '';
  private line = 1;
  private column = 1;
  private depth = 0;
  /** Depth of the element whose children are fragments (`csw:SearchResults`). */
  private container = -1;
  /** Namespace declarations of the open wrapper elements. */
  private readonly scopes: Map<string, string>[] = [];
  private inFragment = false;
  /** Whether the current fragment is a record wrapped in an `rdf:RDF` of ours. */
  private wrapped = false;

  constructor(private readonly sink: FragmentSink) {}

  write(chunk: string): void {
    const text = this.carry + chunk;
    let i = 0;
    while (i < text.length) {
      const lt = text.indexOf('<', i);
      const stop = lt < 0 ? text.length : lt;
      if (stop > i) this.take(text, i, stop, false);
      i = stop;
      if (lt < 0) break;
      const close = tokenEnd(text, lt);
      if (close < 0) break;
      this.token(text, lt, close);
      i = close;
    }
    this.carry = text.slice(i);
  }

  /** The end of the document: fails when it stopped inside a record. */
  end(source: string): void {
    if (this.inFragment || this.carry.trim())
      throw new InputError(`${source}: the CSW response ends inside a record`, {
        hint: 'The response was cut short: fetch it again.',
      });
  }

  /** Moves the position over `text[from, to)`, passing it on inside a fragment. */
  private take(text: string, from: number, to: number, _tag: boolean): void {
    if (this.inFragment) this.sink.text(text.slice(from, to));
    for (let j = from; j < to; j++) {
      if (text.charCodeAt(j) === 10) {
        this.line++;
        this.column = 1;
      } else this.column++;
    }
  }

  private token(text: string, from: number, to: number): void {
    const c = text[from + 1];
    if (c === '!' || c === '?') return this.take(text, from, to, true);
    if (c === '/') {
      this.depth--;
      this.take(text, from, to, true);
      if (this.inFragment && this.depth === this.container) {
        this.inFragment = false;
        this.endFragment();
      }
      if (this.depth < this.scopes.length) this.scopes.length = this.depth;
      return;
    }
    const tag = text.slice(from, to);
    const selfClosing = tag.endsWith('/>');
    if (this.inFragment) {
      if (!selfClosing) this.depth++;
      return this.take(text, from, to, true);
    }
    if (this.container >= 0 && this.depth === this.container)
      return this.fragment(tag, text, from, to);
    const attributes = attributesOf(tag);
    const own = new Map([...attributes].filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:')));
    const { ns, local } = qualified(tag, [...this.scopes, own]);
    if (!selfClosing) {
      this.depth++;
      this.scopes.push(own);
    }
    if (ns === CSW_NS && local === 'SearchResults') {
      this.container = this.depth;
      this.results.numberOfRecordsMatched = numberOf(attributes.get('numberOfRecordsMatched'));
      this.results.numberOfRecordsReturned = numberOf(attributes.get('numberOfRecordsReturned'));
      this.results.nextRecord = numberOf(attributes.get('nextRecord'));
    } else if (ns === CSW_NS && local === 'GetRecordByIdResponse') this.container = this.depth;
    this.take(text, from, to, true);
  }

  /**
   * A record element or rdf:RDF in the container: starts a fragment. A record straight in the
   * container is wrapped in an `rdf:RDF` (the parser reads no `rdf:about` on a root node element),
   * written where it moves no line and, when there is room, no column.
   */
  private fragment(tag: string, text: string, from: number, to: number): void {
    const declared = attributesOf(tag);
    const inherited = new Map<string, string>();
    for (const scope of this.scopes)
      for (const [k, v] of scope)
        if (!declared.has(k) && !WRAPPER_NS.includes(v)) inherited.set(k, v);
    const extra = [...inherited]
      .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
      .join('');
    const selfClosing = tag.endsWith('/>');
    const cut = tag.length - (selfClosing ? 2 : 1);
    const { ns, local } = qualified(tag, [...this.scopes, declared]);
    this.wrapped = !(ns === RDF_NS && local === 'RDF');
    const wrapper = this.wrapped ? `<rdf:RDF xmlns:rdf="${RDF_NS}">` : '';
    const spaces = this.column - 1;
    const head =
      wrapper.length <= spaces
        ? '\n'.repeat(this.line - 1) + wrapper + ' '.repeat(spaces - wrapper.length)
        : wrapper + '\n'.repeat(this.line - 1) + ' '.repeat(spaces);
    this.sink.start(head + tag.slice(0, cut) + extra + tag.slice(cut));
    this.take(text, from, to, true);
    this.inFragment = !selfClosing;
    if (selfClosing) this.endFragment();
    else this.depth++;
  }

  private endFragment(): void {
    if (this.wrapped) this.sink.text('</rdf:RDF>');
    this.sink.end();
  }
}

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** The text of an OWS exception report: `code (locator): text`, one per exception. */
export function exceptionText(xml: string): string {
  const parts: string[] = [];
  for (const m of xml.matchAll(
    /<(?:[\w.-]+:)?Exception\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?Exception>)/g,
  )) {
    const attributes = attributesOf(m[1] ?? '');
    const texts = [
      ...(m[3] ?? '').matchAll(
        /<(?:[\w.-]+:)?ExceptionText\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?ExceptionText>/g,
      ),
    ]
      .map((t) =>
        (t[1] ?? '')
          .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter(Boolean);
    const code = attributes.get('exceptionCode') ?? 'exception';
    const locator = attributes.get('locator');
    parts.push(
      `${code}${locator ? ` (${locator})` : ''}${texts.length ? `: ${texts.join(' ')}` : ''}`,
    );
  }
  return parts.join('; ') || 'an exception report with no exception';
}
