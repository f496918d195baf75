// **emit-turtle** writes a page as rdflib does after udata's escape_uri_in_graph: Turtle, N3, TriG, N-Triples.
import { PREFIXES as P } from '../vocab.js';
import type { GNode, GObject } from './graph.js';

const RDF_TYPE = P.rdf + 'type';

/** rdflib's default bindings in a fresh Graph, then `nsN` for the rest (hydra first, as on the wire). */
const TURTLE_PREFIXES: readonly [string, string][] = [
  ['dcat', P.dcat],
  ['dcterms', P.dct],
  ['foaf', P.foaf],
  ['ns1', P.hydra],
  ['ns2', P.vcard],
  ['ns3', P.dcatap],
  ['ns4', P.spdx],
  ['ns5', P.adms],
  ['ns6', P.geodcat],
  ['rdfs', P.rdfs],
  ['skos', P.skos],
  ['xsd', P.xsd],
];
const LOCAL = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PREFIX_OF = new Map(TURTLE_PREFIXES.map(([prefix, ns]) => [ns, prefix]));
/** One regular expression for all namespaces: one pass per IRI instead of a startsWith per prefix. */
const NAMESPACE = new RegExp(
  '^(?:' +
    TURTLE_PREFIXES.map(([, ns]) => ns.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|') +
    ')',
);

/** Percent-encodes what an IRIREF cannot hold (udata escapes IRIs this way for these formats). */
// eslint-disable-next-line no-control-regex
const IRI_UNSAFE = /[\u0000-\u0020<>"{}|^`\\]/;
// eslint-disable-next-line no-control-regex
const IRI_UNSAFE_ALL = /[\u0000-\u0020<>"{}|^`\\]/g;

export function escapeIri(value: string): string {
  if (!IRI_UNSAFE.test(value)) return value;
  return value.replace(
    IRI_UNSAFE_ALL,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'),
  );
}

/** A quoted string literal body with Turtle/N-Triples escapes. */
const STRING_UNSAFE = /[\\"\n\r\t]/;

export function quote(value: string): string {
  if (!STRING_UNSAFE.test(value)) return '"' + value + '"';
  return (
    '"' +
    value.replace(/[\\"\n\r\t]/g, (c) =>
      c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : '\\' + c,
    ) +
    '"'
  );
}

/** A prefixed name and the bit of its prefix in `Namer.used`. */
interface Known {
  name: string;
  bit: number;
}

/** Prefixed names already computed (vocabulary IRIs only, so the cache stays small). */
const NAMES = new Map<string, Known>();
const BIT_OF = new Map(TURTLE_PREFIXES.map(([, ns], i) => [ns, 1 << i]));

/** Every namespace's first characters: an IRI that starts otherwise has no prefixed name. */
const HEAD = Math.min(...TURTLE_PREFIXES.map(([, ns]) => ns.length));
const HEADS = new Set(TURTLE_PREFIXES.map(([, ns]) => ns.slice(0, HEAD)));

class Namer {
  /** One bit per prefix of TURTLE_PREFIXES used so far. */
  private used = 0;

  name(value: string): string {
    // Most IRIs of a page are the portal's own: one short lookup tells them from vocabulary.
    if (!HEADS.has(value.slice(0, HEAD))) return `<${escapeIri(value)}>`;
    const known = NAMES.get(value);
    if (known !== undefined) {
      this.used |= known.bit;
      return known.name;
    }
    const match = NAMESPACE.exec(value);
    if (match) {
      const ns = match[0];
      const local = value.slice(ns.length);
      if (LOCAL.test(local)) {
        const entry = { name: `${PREFIX_OF.get(ns) as string}:${local}`, bit: BIT_OF.get(ns)! };
        this.used |= entry.bit;
        if (NAMES.size < 10000) NAMES.set(value, entry);
        return entry.name;
      }
    }
    return `<${escapeIri(value)}>`;
  }

  header(): string {
    let out = '';
    for (let i = 0; i < TURTLE_PREFIXES.length; i += 1) {
      const [prefix, ns] = TURTLE_PREFIXES[i]!;
      if (this.used & (1 << i)) out += `@prefix ${prefix}: <${ns}> .\n`;
    }
    return out + '\n';
  }
}

function compareProps(a: [string, GObject], b: [string, GObject]): number {
  if (a[0] !== b[0]) return a[0] === RDF_TYPE ? -1 : b[0] === RDF_TYPE ? 1 : a[0] < b[0] ? -1 : 1;
  return 0;
}

const XSD_INTEGER = P.xsd + 'integer';
const INTEGER = /^[+-]?\d+$/;

function objectText(o: GObject, namer: Namer, indent: string): string {
  if ('iri' in o) return namer.name(o.iri);
  if ('node' in o) return '[ ' + propsText(o.node, namer, indent + '        ') + ' ]';
  if (o.dt === XSD_INTEGER && INTEGER.test(o.lit)) return o.lit;
  return o.dt ? `${quote(o.lit)}^^${namer.name(o.dt)}` : quote(o.lit);
}

/** A node's predicate-object list: rdf:type first, then by predicate IRI; objects sorted. */
function propsText(node: GNode, namer: Namer, indent: string): string {
  const props = node.props.length > 1 ? [...node.props].sort(compareProps) : node.props;
  const between = ` ;\n${indent}`;
  let out = '';
  for (let i = 0; i < props.length;) {
    const predicate = props[i]![0];
    let end = i + 1;
    while (end < props.length && props[end]![0] === predicate) end += 1;
    let objects: string;
    if (end === i + 1) objects = objectText(props[i]![1], namer, indent);
    else {
      const list: string[] = [];
      for (let k = i; k < end; k += 1) list.push(objectText(props[k]![1], namer, indent));
      objects = list.sort().join(`,\n${indent}    `);
    }
    const p = predicate === RDF_TYPE ? 'a' : namer.name(predicate);
    out += (i === 0 ? '' : between) + p + ' ' + objects;
    i = end;
  }
  return out;
}

/** A serializer that writes nodes as they come and returns the document at the end. */
export interface PageWriter {
  write(node: GNode): void;
  /** The whole document, UTF-8 (chunks are encoded as they come, so no page-wide string is held). */
  finish(): Buffer;
}

const NEWLINE = Buffer.from('\n');
const CLOSE_GRAPH = Buffer.from('}\n\n');

/**
 * UTF-8 bytes appended in place: each node's text is encoded straight into a large chunk (a page
 * of small `Buffer.from`s, or one page-wide string, costs two to three times more).
 */
class ByteBuilder {
  private static readonly CHUNK = 256 * 1024;
  private readonly chunks: Buffer[] = [];
  private current = Buffer.allocUnsafe(0);
  private used = 0;

  append(text: string): void {
    // At most 3 bytes per UTF-16 code unit.
    if (this.current.length - this.used < text.length * 3) {
      if (this.used > 0) this.chunks.push(this.current.subarray(0, this.used));
      this.current = Buffer.allocUnsafe(Math.max(ByteBuilder.CHUNK, text.length * 3));
      this.used = 0;
    }
    this.used += this.current.write(text, this.used);
  }

  /** Everything appended, in one buffer. */
  finish(): Buffer {
    if (this.used > 0) this.chunks.push(this.current.subarray(0, this.used));
    return Buffer.concat(this.chunks);
  }
}

/** Turtle (also served as N3), or TriG inside one graph named by a blank node, as udata serves it. */
export class TurtleWriter implements PageWriter {
  private readonly namer = new Namer();
  private readonly bytes = new ByteBuilder();
  private empty = true;

  /** `graphLabel` makes it TriG. */
  constructor(private readonly graphLabel?: string) {}

  write(node: GNode): void {
    const subject = node.blank ? `_:${node.id}` : this.namer.name(node.id);
    const block = `${subject} ${propsText(node, this.namer, '    ')} .\n`;
    const text =
      this.graphLabel === undefined
        ? block
        : '    ' + block.replaceAll('\n', '\n    ').trimEnd() + '\n';
    this.bytes.append(this.empty ? text : '\n' + text);
    this.empty = false;
  }

  finish(): Buffer {
    // The prefixes used are known only now: the header goes in front.
    const header = this.namer.header();
    const body = this.bytes.finish();
    if (this.graphLabel === undefined) return Buffer.concat([Buffer.from(header), body, NEWLINE]);
    return Buffer.concat([Buffer.from(`${header}_:${this.graphLabel} {\n`), body, CLOSE_GRAPH]);
  }
}

function ntObject(o: GObject): string {
  if ('iri' in o) return `<${escapeIri(o.iri)}>`;
  if ('node' in o) return `_:${o.node.id}`;
  return o.dt ? `${quote(o.lit)}^^<${o.dt}>` : quote(o.lit);
}

/** N-Triples, one line per triple, blank nodes labelled. */
export class NTriplesWriter implements PageWriter {
  private readonly bytes = new ByteBuilder();

  write(node: GNode): void {
    const lines: string[] = [];
    const add = (n: GNode): void => {
      const subject = n.blank ? `_:${n.id}` : `<${escapeIri(n.id)}>`;
      for (const [p, o] of n.props) {
        lines.push(`${subject} <${p}> ${ntObject(o)} .\n`);
        if ('node' in o) add(o.node);
      }
    };
    add(node);
    this.bytes.append(lines.join(''));
  }

  finish(): Buffer {
    return Buffer.concat([this.bytes.finish(), NEWLINE]);
  }
}
