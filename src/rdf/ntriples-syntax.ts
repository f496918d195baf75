// **ntriples-syntax** is the N-Triples/N-Quads grammar as regular expressions: one per line, one per term, and the diagnosis of a bad line.

/* eslint-disable no-misleading-character-class -- PN_CHARS holds combining marks on purpose */

// Characters an IRI may not hold, raw or escaped (IRIREF in RDF 1.1 N-Triples).
const IRI_CHAR = '[^\\x00-\\x20<>"{}|^`\\\\]';
// A \u or \U escape of a code point that is neither forbidden in an IRI nor a surrogate nor above U+10FFFF.
const NOT_IRI_FORBIDDEN = '(?!00[01][0-9A-Fa-f]|0020|0022|003[CcEe]|005[CcEe]|0060|007[B-Db-d])';
const IRI_UCHAR = `\\\\u${NOT_IRI_FORBIDDEN}(?![Dd][89A-Fa-f])[0-9A-Fa-f]{4}|\\\\U(?:0000${NOT_IRI_FORBIDDEN}(?![Dd][89A-Fa-f])|000[1-9A-Fa-f]|0010)[0-9A-Fa-f]{4}`;
/** An absolute IRI in angle brackets (a scheme, then characters or escapes). */
const IRI = `<[A-Za-z][A-Za-z0-9+.\\-]*:${IRI_CHAR}*(?:(?:${IRI_UCHAR})${IRI_CHAR}*)*>`;

// Written for regular expressions without the `u` flag (three times faster here): code points
// above U+FFFF are matched as surrogate pairs.
const PN_CHARS_BASE =
  'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const ASTRAL = '[\\uD800-\\uDB7F][\\uDC00-\\uDFFF]'; // U+10000 to U+EFFFF
const PN_CHARS = `${PN_CHARS_BASE}_\\-0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
/** A blank node label as Turtle has it (N-Triples 1.1 also allows ':', which Turtle does not). */
const BNODE = `_:(?:[${PN_CHARS_BASE}_0-9]|${ASTRAL})(?:(?:[${PN_CHARS}.]|${ASTRAL})*(?:[${PN_CHARS}]|${ASTRAL}))?`;

const STRING_CHAR = '[^"\\\\\\n\\r]';
const UCHAR = '\\\\u[0-9A-Fa-f]{4}|\\\\U(?:000[0-9A-Fa-f]|0010)[0-9A-Fa-f]{4}';
const ESCAPE = `\\\\[tbnrf"'\\\\]|${UCHAR}`;
const STRING = `"${STRING_CHAR}*(?:(?:${ESCAPE})${STRING_CHAR}*)*"`;
const LANGTAG = '@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*';
const LITERAL = `${STRING}(?:\\^\\^${IRI}|${LANGTAG})?`;

const WS = '[ \\t]*';
const END = `${WS}(?:#[^\\r\\n]*)?(?:\\r\\n|\\n|\\r|$)`;

/** Blank node labels in ASCII: for text read as UTF-8 bytes (one character per byte). */
const ASCII_BNODE = '_:[A-Za-z0-9_](?:[A-Za-z0-9_.\\-]*[A-Za-z0-9_\\-])?';

/**
 * One line, sticky: blank, a comment, or a statement whose subject, predicate, object (and graph)
 * are groups 1–4 when `capture` is set. Consumes the line's terminator. With `bytes`, for text
 * holding UTF-8 bytes one per character: the same grammar, except that a blank node label must
 * be ASCII (check a line it refuses again, decoded, with the default expression).
 */
export function lineRegExp(quads: boolean, options: { capture?: boolean; bytes?: boolean } = {}) {
  const open = options.capture === false ? '(?:' : '(';
  const bnode = options.bytes ? ASCII_BNODE : BNODE;
  const graph = quads ? `(?:${open}${IRI}|${bnode})${WS})?` : '';
  return new RegExp(
    `${WS}(?:${open}${IRI}|${bnode})${WS}${open}${IRI})${WS}${open}${IRI}|${bnode}|${LITERAL})${WS}${graph}\\.)?${END}`,
    'y',
  );
}

const LABEL = new RegExp(`^(?:${BNODE.slice(2)})$`);

/** Whether a blank node label can be written as is in N-Triples and Turtle. */
export function isBlankLabel(label: string): boolean {
  return LABEL.test(label);
}

const TERM = {
  iri: new RegExp(IRI, 'y'),
  bnode: new RegExp(BNODE, 'y'),
  literal: new RegExp(LITERAL, 'y'),
  ws: new RegExp(WS, 'y'),
  end: new RegExp(END, 'y'),
};

/** Where a line that does not match `lineRegExp` goes wrong: 0-based offset and reason. */
export function diagnose(line: string, quads: boolean): { offset: number; reason: string } {
  let at = 0;
  const skip = () => {
    TERM.ws.lastIndex = at;
    TERM.ws.test(line);
    at = TERM.ws.lastIndex;
  };
  const take = (kinds: (keyof typeof TERM)[]): boolean => {
    for (const kind of kinds) {
      const re = TERM[kind];
      re.lastIndex = at;
      if (re.test(line)) {
        at = re.lastIndex;
        return true;
      }
    }
    return false;
  };
  const slots: [(keyof typeof TERM)[], string][] = [
    [['iri', 'bnode'], 'subject: an IRI or a blank node'],
    [['iri'], 'predicate: an IRI'],
    [['iri', 'bnode', 'literal'], 'object: an IRI, a blank node or a literal'],
  ];
  for (const [kinds, what] of slots) {
    skip();
    if (!take(kinds)) return { offset: at, reason: why(line, at, what) };
  }
  skip();
  if (quads && line[at] !== '.' && !take(['iri', 'bnode']))
    return { offset: at, reason: why(line, at, "graph: an IRI, a blank node or '.'") };
  skip();
  if (line[at] === '@' || line[at] === '^')
    return { offset: at, reason: 'invalid language tag or datatype' };
  if (line[at] !== '.') return { offset: at, reason: `expected '.' to end the statement` };
  at++;
  skip();
  TERM.end.lastIndex = at;
  if (!TERM.end.test(line)) return { offset: at, reason: 'unexpected text after the statement' };
  return { offset: 0, reason: 'malformed line' };
}

/** Why the term at `at` is not one of what was expected. */
function why(line: string, at: number, what: string): string {
  const c = line[at];
  if (c === undefined || c === '\r' || c === '\n' || c === '#')
    return `expected the ${what}, found the end of the line`;
  if (c === '<') {
    const end = line.indexOf('>', at);
    const text = end < 0 ? line.slice(at) : line.slice(at, end + 1);
    if (end < 0) return `unterminated IRI`;
    if (!/^<[A-Za-z][A-Za-z0-9+.-]*:/.test(text)) return `relative or invalid IRI ${text}`;
    return `invalid character or escape in IRI ${text}`;
  }
  if (c === ':') return `unexpected ':' (not allowed in a blank node label)`;
  if (c === '"' && what.includes('literal'))
    return 'invalid literal (unterminated string, bad escape, language tag or datatype)';
  if (c === '_' && what.includes('blank')) return 'invalid blank node label';
  return `expected the ${what}`;
}
