// Every format of a page parses and says the same thing, apart from udata's own format quirks.
import canonize from 'rdf-canonize';
import { DataFactory, type Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import type { FormatId } from '../../src/rdf/formats.js';
import { get, parse } from './helpers.js';

const { quad, namedNode, literal, defaultGraph } = DataFactory;
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const SCHEMA = 'http://schema.org/';

/** Canonical N-Quads in the default graph; IRIs with spaces as %20 (udata's Turtle) and page links without extension. */
async function canonical(quads: readonly Quad[]): Promise<string> {
  const term = <T extends Quad['subject'] | Quad['object']>(t: T): T =>
    (t.termType === 'NamedNode'
      ? namedNode(t.value.replaceAll(' ', '%20').replace(/catalog\.[a-z0-9-]+\?/, 'catalog.EXT?'))
      : t) as T;
  const fixed = quads.map((q) =>
    quad(term(q.subject), q.predicate, term(q.object), defaultGraph()),
  );
  return canonize.canonize(fixed as never, { algorithm: 'RDFC-1.0' });
}

/** What rdflib's JSON-LD loses: blank nodes behind @id terms, and dcat:start/endDate read as schema:. */
function asUdataJsonLd(quads: readonly Quad[]): Quad[] {
  const dropped = new Set(
    quads
      .filter(
        (q) =>
          q.object.termType === 'BlankNode' &&
          [DCT + 'publisher', DCAT + 'distribution'].includes(q.predicate.value),
      )
      .map((q) => q.object.value),
  );
  return quads
    .filter((q) => !(q.subject.termType === 'BlankNode' && dropped.has(q.subject.value)))
    .map((q) =>
      q.predicate.value === DCAT + 'startDate' || q.predicate.value === DCAT + 'endDate'
        ? quad(
            q.subject,
            namedNode(SCHEMA + q.predicate.value.slice(DCAT.length)),
            q.object,
            q.graph,
          )
        : q,
    )
    .map((q) =>
      q.object.termType === 'Literal' && q.object.datatype.value.endsWith('#string')
        ? quad(q.subject, q.predicate, literal(q.object.value), q.graph)
        : q,
    );
}

let portal: SamplePortal;
beforeAll(async () => {
  portal = await startSamplePortal({
    datasets: 400,
    seed: 21,
    defects: { 'iri-space': 0.3, 'invalid-date': 0.2 },
  });
});
afterAll(() => portal.close());

const FORMATS: [string, FormatId][] = [
  ['ttl', 'turtle'],
  ['n3', 'n3'],
  ['nt', 'ntriples'],
  ['trig', 'trig'],
  ['xml', 'rdfxml'],
  ['jsonld', 'jsonld'],
];

describe('a catalog page in every format', () => {
  it('is isomorphic across Turtle, N3, N-Triples, TriG and RDF/XML, and JSON-LD loses only what udata loses', async () => {
    const pageOf = (ext: string) => `${portal.url}/api/1/site/catalog.${ext}?page=2&page_size=40`;
    const parsed = new Map<string, Quad[]>();
    const texts = new Map<string, string>();
    for (const [ext, format] of FORMATS) {
      texts.set(ext, (await get(pageOf(ext))).text);
      const quads = await parse(texts.get(ext) as string, format);
      expect(quads.length).toBeGreaterThan(1000);
      parsed.set(ext, quads);
    }
    const reference = parsed.get('ttl') as Quad[];
    expect(reference.some((q) => q.object.value.includes('%20'))).toBe(true);
    expect(texts.get('xml')).toMatch(/rdf:resource="[^"]* [^"]*"/);
    expect(texts.get('jsonld')).toMatch(/"https?:[^"]* [^"]*"/);
    const expected = await canonical(reference);
    for (const ext of ['n3', 'nt', 'trig'])
      expect(await canonical(parsed.get(ext) as Quad[]), ext).toBe(expected);
    // Lenient parsing of RDF/XML and JSON-LD skips the triples whose IRI has a space (raw on the wire).
    const spaced = (quads: readonly Quad[]) => quads.filter((q) => !q.object.value.includes('%20'));
    expect(await canonical(parsed.get('xml') as Quad[])).toBe(await canonical(spaced(reference)));
    const jsonld = parsed.get('jsonld') as Quad[];
    expect(jsonld.length).toBeLessThan(reference.length);
    expect(await canonical(spaced(asUdataJsonLd(jsonld)))).toBe(
      await canonical(spaced(asUdataJsonLd(reference))),
    );
  });
});
