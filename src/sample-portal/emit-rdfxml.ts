// **emit-rdfxml** writes a page as rdflib's "xml" serializer does with udata's namespace bindings.
import { PREFIXES as P } from '../vocab.js';
import type { GNode, GObject } from './graph.js';

/** udata binds these; rdflib numbers the others (`ns1`, `ns2`). */
const XML_PREFIXES: readonly [string, string][] = [
  ['adms', P.adms],
  ['dcat', P.dcat],
  ['dcatap', P.dcatap],
  ['dct', P.dct],
  ['foaf', P.foaf],
  ['hydra', P.hydra],
  ['ns1', P.geodcat],
  ['ns2', P.spdx],
  ['rdf', P.rdf],
  ['rdfs', P.rdfs],
  ['skos', P.skos],
  ['vcard', P.vcard],
];

/** Escapes text content. */
export function xmlText(value: string): string {
  if (!/[&<>]/.test(value)) return value;
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value (IRIs stay raw otherwise: spaces included, as udata sends them). */
export function xmlAttr(value: string): string {
  if (!/[&<"]/.test(value)) return value;
  return value.replace(/[&<"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&quot;'));
}

const QNAMES = new Map<string, [string, string]>();

function qname(iri: string, used: Set<string>): string {
  const known = QNAMES.get(iri);
  if (known) {
    used.add(known[0]);
    return known[1];
  }
  for (const [prefix, ns] of XML_PREFIXES) {
    if (iri.startsWith(ns)) {
      used.add(prefix);
      const name = `${prefix}:${iri.slice(ns.length)}`;
      QNAMES.set(iri, [prefix, name]);
      return name;
    }
  }
  throw new Error(`no XML namespace for predicate ${iri}`);
}

function property(predicate: string, o: GObject, used: Set<string>): string {
  const q = qname(predicate, used);
  if ('iri' in o) return `    <${q} rdf:resource="${xmlAttr(o.iri)}"/>\n`;
  if ('node' in o) return `    <${q} rdf:nodeID="${o.node.id}"/>\n`;
  const dt = o.dt ? ` rdf:datatype="${xmlAttr(o.dt)}"` : '';
  return `    <${q}${dt}>${xmlText(o.lit)}</${q}>\n`;
}

/** RDF/XML: one rdf:Description per subject, blank nodes as rdf:nodeID, namespaces used only. */
export class RdfXmlWriter {
  private readonly used = new Set<string>(['rdf']);
  private readonly parts: Buffer[] = [];

  write(node: GNode): void {
    const about = node.blank ? `rdf:nodeID="${node.id}"` : `rdf:about="${xmlAttr(node.id)}"`;
    let out = `  <rdf:Description ${about}>\n`;
    const nested: GNode[] = [];
    for (const [p, o] of node.props) {
      out += property(p, o, this.used);
      if ('node' in o) nested.push(o.node);
    }
    this.parts.push(Buffer.from(out + '  </rdf:Description>\n'));
    for (const child of nested) this.write(child);
  }

  finish(): Buffer {
    let head = '<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF\n';
    for (const [prefix, ns] of XML_PREFIXES)
      if (this.used.has(prefix)) head += `   xmlns:${prefix}="${ns}"\n`;
    return Buffer.concat([Buffer.from(head + '>\n'), ...this.parts, Buffer.from('</rdf:RDF>\n')]);
  }
}
