// **wire** is the table of catalog extensions udata answers: serializer, exact Content-Type, or its 500.
import type { FormatId } from '../rdf/formats.js';
import { JsonLdWriter } from './emit-jsonld.js';
import { RdfXmlWriter } from './emit-rdfxml.js';
import { NTriplesWriter, TurtleWriter, type PageWriter } from './emit-turtle.js';

export interface WireFormat {
  format: FormatId;
  /** Exactly what udata sends (no charset). */
  contentType: string;
  /** A writer for one document (`graphLabel` names TriG's blank graph). */
  writer(graphLabel: string): PageWriter;
}

const XML: WireFormat = {
  format: 'rdfxml',
  contentType: 'application/rdf+xml',
  writer: () => new RdfXmlWriter(),
};
const JSONLD: WireFormat = {
  format: 'jsonld',
  contentType: 'application/ld+json',
  writer: () => new JsonLdWriter(),
};

/** Extensions with a serializer. */
export const WIRE_FORMATS: Readonly<Record<string, WireFormat>> = {
  xml: XML,
  rdf: XML,
  owl: XML,
  ttl: { format: 'turtle', contentType: 'application/x-turtle', writer: () => new TurtleWriter() },
  n3: { format: 'n3', contentType: 'text/n3', writer: () => new TurtleWriter() },
  nt: {
    format: 'ntriples',
    contentType: 'application/n-triples',
    writer: () => new NTriplesWriter(),
  },
  json: JSONLD,
  jsonld: JSONLD,
  'json-ld': JSONLD,
  trig: {
    format: 'trig',
    contentType: 'application/trig',
    writer: (label) => new TurtleWriter(label),
  },
};

/** Extensions udata knows but fails on with a 500 (rdflib serializers it cannot use for a graph). */
export const BROKEN_EXTENSIONS: ReadonlySet<string> = new Set(['nq', 'nquads', 'trix', 'html']);

/** Accept media types → extension, in udata's preference order (`*\/*` picks the first: RDF/XML). */
export const NEGOTIABLE: readonly [string, string][] = [
  ['application/rdf+xml', 'xml'],
  ['application/xml', 'xml'],
  ['text/xml', 'xml'],
  ['application/ld+json', 'jsonld'],
  ['application/json', 'jsonld'],
  ['text/turtle', 'ttl'],
  ['application/x-turtle', 'ttl'],
  ['text/n3', 'n3'],
  ['application/n-triples', 'nt'],
  ['application/trig', 'trig'],
];

/** The extension for an Accept header: no header → JSON-LD, `*\/*` → RDF/XML, unknown → JSON-LD. */
export function negotiate(accept: string | undefined): string {
  if (!accept || accept.trim() === '') return 'jsonld';
  let best: { ext: string; q: number; rank: number } | undefined;
  for (const part of accept.split(',')) {
    const [rawType, ...params] = part.trim().split(';');
    const type = (rawType ?? '').trim().toLowerCase();
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    NEGOTIABLE.forEach(([mediaType, ext], rank) => {
      const [major] = mediaType.split('/');
      const matches = type === mediaType || type === '*/*' || type === `${major}/*`;
      if (matches && (!best || q > best.q || (q === best.q && rank < best.rank)))
        best = { ext, q, rank };
    });
  }
  return best?.ext ?? 'jsonld';
}
