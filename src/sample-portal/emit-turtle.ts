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

/** Prefixed names already computed (vocabulary IRIs only, so the cache stays small). */
const NAMES = new Map<string, [string, string]>();

class Namer {
  readonly used = new Set<string>();

  name(value: string): string {
    const known = NAMES.get(value);
    if (known) {
      this.used.add(known[0]);
      return known[1];
    }
    const match = NAMESPACE.exec(value);
    if (match) {
      const ns = match[0];
      const prefix = PREFIX_OF.get(ns) as string;
      const local = value.slice(ns.length);
      if (LOCAL.test(local)) {
        this.used.add(prefix);
        const name = `${prefix}:${local}`;
        if (NAMES.size < 10000) NAMES.set(value, [prefix, name]);
        return name;
      }
    }
    return `<${escapeIri(value)}>`;
  }

  header(): string {
    let out = '';
    for (const [prefix, ns] of TURTLE_PREFIXES)
      if (this.used.has(prefix)) out += `@prefix ${prefix}: <${ns}> .\n`;
    return out + '\n';
  }
}

function compareProps(a: [string, GObject], b: [string, GObject]): number {
  if (a[0] !== b[0]) return a[0] === RDF_TYPE ? -1 : b[0] === RDF_TYPE ? 1 : a[0] < b[0] ? -1 : 1;
  return 0;
}

function objectText(o: GObject, namer: Namer, indent: string): string {
  if ('iri' in o) return namer.name(o.iri);
  if ('node' in o) return '[ ' + propsText(o.node, namer, indent + '        ', true) + ' ]';
  if (o.dt === P.xsd + 'integer' && /^[+-]?\d+$/.test(o.lit)) return o.lit;
  return o.dt ? `${quote(o.lit)}^^${namer.name(o.dt)}` : quote(o.lit);
}

function propsText(node: GNode, namer: Namer, indent: string, nested: boolean): string {
  const props = node.props.length > 1 ? [...node.props].sort(compareProps) : node.props;
  const parts: string[] = [];
  for (let i = 0; i < props.length;) {
    const predicate = (props[i] as [string, GObject])[0];
    const objects: string[] = [];
    for (; i < props.length && (props[i] as [string, GObject])[0] === predicate; i += 1) {
      objects.push(objectText((props[i] as [string, GObject])[1], namer, indent));
    }
    if (objects.length > 1) objects.sort();
    const p = predicate === RDF_TYPE ? 'a' : namer.name(predicate);
    parts.push(`${p} ${objects.join(`,\n${indent}    `)}`);
  }
  void nested;
  return parts.join(` ;\n${indent}`);
}

/** A serializer that writes nodes as they come and returns the document at the end. */
export interface PageWriter {
  write(node: GNode): void;
  /** The whole document, UTF-8 (chunks are encoded as they come, so no page-wide string is held). */
  finish(): Buffer;
}

const NEWLINE = Buffer.from('\n');

/** Turtle (also served as N3), or TriG inside one graph named by a blank node, as udata serves it. */
export class TurtleWriter implements PageWriter {
  private readonly namer = new Namer();
  private readonly chunks: Buffer[] = [];

  /** `graphLabel` makes it TriG. */
  constructor(private readonly graphLabel?: string) {}

  write(node: GNode): void {
    const subject = node.blank ? `_:${node.id}` : this.namer.name(node.id);
    const block = `${subject} ${propsText(node, this.namer, '    ', false)} .\n`;
    const text =
      this.graphLabel === undefined
        ? block
        : '    ' + block.replaceAll('\n', '\n    ').trimEnd() + '\n';
    if (this.chunks.length > 0) this.chunks.push(NEWLINE);
    this.chunks.push(Buffer.from(text));
  }

  finish(): Buffer {
    const header = Buffer.from(this.namer.header());
    if (this.graphLabel === undefined) return Buffer.concat([header, ...this.chunks, NEWLINE]);
    const open = Buffer.from(`_:${this.graphLabel} {\n`);
    return Buffer.concat([header, open, ...this.chunks, Buffer.from('}\n\n')]);
  }
}

function ntObject(o: GObject): string {
  if ('iri' in o) return `<${escapeIri(o.iri)}>`;
  if ('node' in o) return `_:${o.node.id}`;
  return o.dt ? `${quote(o.lit)}^^<${o.dt}>` : quote(o.lit);
}

/** N-Triples, one line per triple, blank nodes labelled. */
export class NTriplesWriter implements PageWriter {
  private readonly chunks: Buffer[] = [];

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
    this.chunks.push(Buffer.from(lines.join('')));
  }

  finish(): Buffer {
    return Buffer.concat([...this.chunks, NEWLINE]);
  }
}
