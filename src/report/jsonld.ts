// **jsonld** renders a run as a standard sh:ValidationReport in JSON-LD (flattened, with a context).
import type { Quad, Term } from '@rdfjs/types';
import { PREFIXES, RDF } from '../vocab.js';
import type { Renderer } from './renderer.js';
import { reportQuads } from './shacl-report.js';

function id(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function short(iri: string): string {
  return iri.startsWith(PREFIXES.sh) ? `sh:${iri.slice(PREFIXES.sh.length)}` : iri;
}

function value(term: Term): unknown {
  if (term.termType !== 'Literal') return { '@id': short(id(term)) };
  if (term.datatype.value === PREFIXES.xsd + 'boolean') return term.value === 'true';
  return term.value;
}

/** Groups quads by subject into JSON-LD node objects, keeping quad order. */
function nodes(quads: Quad[]): Record<string, unknown>[] {
  const out = new Map<string, Record<string, unknown>>();
  for (const q of quads) {
    const key = id(q.subject);
    const obj = out.get(key) ?? { '@id': key };
    out.set(key, obj);
    if (q.predicate.value === RDF.type) {
      obj['@type'] = short(q.object.value);
      continue;
    }
    const p = short(q.predicate.value);
    const v = value(q.object);
    const previous = obj[p];
    obj[p] =
      previous === undefined ? v : Array.isArray(previous) ? [...previous, v] : [previous, v];
  }
  return [...out.values()];
}

export const jsonldRenderer: Renderer = {
  id: 'jsonld',
  description: 'a SHACL sh:ValidationReport in JSON-LD',
  extension: 'jsonld',
  render(run) {
    const doc = {
      '@context': { sh: PREFIXES.sh, xsd: PREFIXES.xsd },
      '@graph': nodes(reportQuads(run)),
    };
    return JSON.stringify(doc, null, 2) + '\n';
  },
};
