// **iri-repair** percent-encodes the characters that make an IRI invalid but can be encoded (spaces, `<>"{}|\^\``, controls).

/** One IRI a parser repaired: where it was read, as written and as kept. */
export interface IriRepair {
  /** File path, URL or `<stdin>`. */
  source: string;
  line?: number;
  column?: number;
  /** The IRI as the document wrote it (after the format's own escapes). */
  original: string;
  /** The IRI as kept: `original` trimmed of outer spaces and controls, the rest percent-encoded. */
  repaired: string;
}

/** Called once per repaired IRI occurrence. */
export type OnRepair = (repair: IriRepair) => void;

// eslint-disable-next-line no-control-regex -- controls are what we look for
const ENCODABLE = /[\u0000-\u0020\u007f<>"{}|\\^`]/;
// eslint-disable-next-line no-control-regex -- controls are what we look for
const ENCODABLE_ALL = /[\u0000-\u0020\u007f<>"{}|\\^`]/g;
// eslint-disable-next-line no-control-regex -- leading and trailing C0 controls and spaces
const OUTER = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Whether an IRI holds a character that IRIs may not hold but percent-encoding can carry. */
export function needsRepair(iri: string): boolean {
  return ENCODABLE.test(iri);
}

/**
 * Encodes what makes `iri` invalid: outer spaces and controls are trimmed (as URL parsers do),
 * every other space, control and `<>"{}|\^\`` becomes `%XX`. Works on relative references too.
 */
export function encodeIri(iri: string): string {
  return iri
    .replace(OUTER, '')
    .replace(
      ENCODABLE_ALL,
      (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'),
    );
}

/**
 * The repaired form of an absolute IRI that needs repair, or undefined when it needs none or
 * cannot be repaired (no scheme once trimmed: the statement is then skipped as before).
 *
 * @example
 * ```ts
 * import { repairIri } from 'dcat-harvest/rdf';
 *
 * repairIri('https://example.org/a file.csv'); // 'https://example.org/a%20file.csv'
 * repairIri('https://example.org/ok'); // undefined: nothing to repair
 * ```
 */
export function repairIri(iri: string): string | undefined {
  if (!needsRepair(iri)) return undefined;
  const repaired = encodeIri(iri);
  return SCHEME.test(repaired) ? repaired : undefined;
}

// eslint-disable-next-line no-control-regex -- controls are what we look for
const WRITABLE = /^[A-Za-z][A-Za-z0-9+.-]*:[^\u0000-\u0020\u007f<>"{}|\\^`]*$/;

/** Whether `iri` is an absolute IRI free of the characters above (what the writers can write). */
export function isWritableIri(iri: string): boolean {
  return WRITABLE.test(iri);
}

/** `file:12:5: <a b> repaired as <a%20b>`. */
export function describeRepair(repair: IriRepair): string {
  const where = [repair.source, repair.line, repair.column].filter((x) => x !== undefined);
  return `${where.join(':')}: <${repair.original}> repaired as <${repair.repaired}>`;
}
