// **emit-jsonld** writes a page as rdflib's JSON-LD serializer does with udata's context, losses included.
import { PREFIXES as P } from '../vocab.js';
import { UDATA_CONTEXT } from './context.js';
import type { GNode } from './graph.js';

interface Term {
  term: string;
  type?: string;
}

const VOCAB = P.dcat;
const namespaces: [string, string][] = [];
const terms = new Map<string, Term>();
for (const [key, value] of Object.entries(UDATA_CONTEXT)) {
  if (typeof value === 'string' && /^https?:/.test(value)) namespaces.push([key, value]);
}
const expand = (value: string): string => {
  const colon = value.indexOf(':');
  const ns = namespaces.find(([prefix]) => prefix === value.slice(0, colon));
  return ns ? ns[1] + value.slice(colon + 1) : value;
};
for (const [key, value] of Object.entries(UDATA_CONTEXT)) {
  if (key.startsWith('@') || (typeof value === 'string' && /^https?:/.test(value))) continue;
  if (typeof value === 'string') terms.set(expand(value), { term: key });
  else {
    const def = value as { '@id': string; '@type'?: string };
    terms.set(expand(def['@id']), { term: key, ...(def['@type'] ? { type: def['@type'] } : {}) });
  }
}

/** Compacts an IRI with a context prefix, else leaves it whole. */
function compactIri(iri: string): string {
  for (const [prefix, ns] of namespaces) {
    if (prefix !== 'dcat' && iri.startsWith(ns) && iri.length > ns.length)
      return `${prefix}:${iri.slice(ns.length)}`;
  }
  return iri;
}

function compactType(iri: string): string {
  return iri.startsWith(VOCAB) ? iri.slice(VOCAB.length) : compactIri(iri);
}

/** The key for a predicate: its term, the @vocab local name (even when a term shadows it), a prefix or the IRI. */
function keyOf(predicate: string): Term {
  const term = terms.get(predicate);
  if (term) return term;
  if (predicate.startsWith(VOCAB)) return { term: predicate.slice(VOCAB.length) };
  return { term: compactIri(predicate) };
}

type JsonValue = string | number | { '@id': string } | { '@type': string; '@value': string };

const CONTEXT_TEXT = JSON.stringify(UDATA_CONTEXT, null, 2).replaceAll('\n', '\n  ');

/** JSON-LD with the context inlined and a flat @graph, as udata serves it (rdflib's layout). */
export class JsonLdWriter {
  private readonly items: Buffer[] = [];

  write(node: GNode): void {
    const out: Record<string, unknown> = { '@id': node.blank ? `_:${node.id}` : node.id };
    const types: string[] = [];
    const values = new Map<string, JsonValue[]>();
    const nested: GNode[] = [];
    for (const [p, o] of node.props) {
      if (p === P.rdf + 'type' && 'iri' in o) {
        types.push(compactType(o.iri));
        continue;
      }
      const key = keyOf(p);
      let value: JsonValue;
      if ('node' in o) {
        // rdflib drops blank nodes behind "@type": "@id" terms (udata's JSON-LD loss).
        if (key.type === '@id') value = `_:${o.node.id}`;
        else {
          value = { '@id': `_:${o.node.id}` };
          nested.push(o.node);
        }
      } else if ('iri' in o) {
        value = key.type === '@id' ? compactIri(o.iri) : { '@id': compactIri(o.iri) };
      } else if (!o.dt || (key.type !== undefined && key.type === o.dt)) {
        value = o.lit;
      } else if (o.dt === P.xsd + 'integer' && /^-?\d+$/.test(o.lit)) {
        value = Number(o.lit);
      } else {
        value = { '@type': o.dt, '@value': o.lit };
      }
      const list = values.get(key.term);
      if (list) list.push(value);
      else values.set(key.term, [value]);
    }
    if (types.length > 0) out['@type'] = types.length === 1 ? types[0] : types;
    for (const key of [...values.keys()].sort()) {
      const list = values.get(key) as JsonValue[];
      out[key] = list.length === 1 ? list[0] : list;
    }
    const text = '    ' + JSON.stringify(out, null, 2).replaceAll('\n', '\n    ');
    this.items.push(Buffer.from(this.items.length === 0 ? text : ',\n' + text));
    for (const child of nested) this.write(child);
  }

  finish(): Buffer {
    const head = `{\n  "@context": ${CONTEXT_TEXT},\n  "@graph": `;
    if (this.items.length === 0) return Buffer.from(`${head}[]\n}`);
    return Buffer.concat([Buffer.from(`${head}[\n`), ...this.items, Buffer.from('\n  ]\n}')]);
  }
}
