// **ntriples-terms** turns validated N-Triples term texts into RDF/JS terms, and converts text between UTF-16 and UTF-8 bytes held one per character.
import { DataFactory, type Term } from 'n3';

const { blankNode, literal, namedNode } = DataFactory;

const ECHAR: Record<string, string> = {
  t: '\t',
  b: '\b',
  n: '\n',
  r: '\r',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};
const ESCAPE = /\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g;

/** Decodes the ECHAR and UCHAR escapes of an already validated string or IRI. */
export function unescapeText(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(ESCAPE, (_m, u4?: string, u8?: string, c?: string) =>
    u4 !== undefined
      ? String.fromCharCode(parseInt(u4, 16))
      : u8 !== undefined
        ? String.fromCodePoint(parseInt(u8, 16))
        : (ECHAR[c as string] as string),
  );
}

/** The RDF/JS term of a validated IRI, blank node (label prefixed with `blank`) or literal. */
export function termOf(text: string, blank: string): Term {
  const c = text.charCodeAt(0);
  if (c === 60) return namedNode(unescapeText(text.slice(1, -1)));
  if (c === 95) return blankNode(blank + text.slice(2));
  const close = text.lastIndexOf('"');
  const value = unescapeText(text.slice(1, close));
  if (close === text.length - 1) return literal(value);
  if (text.charCodeAt(close + 1) === 64) return literal(value, text.slice(close + 2));
  return literal(value, namedNode(unescapeText(text.slice(close + 4, -1))));
}

// eslint-disable-next-line no-control-regex -- anything outside ASCII
const NON_ASCII = /[^\x00-\x7f]/;

/** Text as its UTF-8 bytes, one character each (what reading bytes as latin1 gives). */
export function toBytes(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/** The text whose UTF-8 bytes `bytes` holds, one per character. */
export function fromBytes(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}
