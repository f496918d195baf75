// **dataset-keys** names a page's datasets the way a catalog's dataset index keeps them: IRI, identifier, landing page and graph hash.
import { DCAT, DCT } from '../vocab.js';
import type { QuadLookup } from './quad-index.js';
import { fingerprintRecord } from './record-hash.js';
import { extractRecords, type ClosureRule, type RecordGraph } from './records.js';

/** One dataset (or series): `[iri, dct:identifier, dcat:landingPage, hash]`, null where absent. */
export type DatasetKey = [
  iri: string,
  identifier: string | null,
  landingPage: string | null,
  hash: string,
];

const isIndexed = (record: RecordGraph) =>
  (record.kind === 'dataset' || record.kind === 'series') && !record.id.startsWith('_:');

/**
 * The keys of a page's IRI datasets and series, in record order. `records` are the page's
 * records as a validation splits them (with its closure `rule`): the hash is always taken over
 * the plain closure (no inverse or linked triples), so it does not depend on the shapes, and
 * equals `fingerprintRecord` of the record `extractRecords(store)` gives.
 *
 * @example
 * ```ts
 * import { datasetKeysOf, extractRecords, parseText } from 'dcat-harvest/rdf';
 * import { Store } from 'n3';
 *
 * const turtle = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
 * PREFIX dct: <http://purl.org/dc/terms/>
 * <https://example.org/d1> a dcat:Dataset ; dct:identifier "d1" .`;
 * const store = new Store((await parseText(turtle, { format: 'turtle' })).quads);
 * for (const [iri, identifier, landingPage] of datasetKeysOf(store, extractRecords(store)))
 *   console.log(iri, identifier, landingPage); // https://example.org/d1 d1 null
 * ```
 */
export function datasetKeysOf(
  store: QuadLookup,
  records: readonly RecordGraph[],
  rule: ClosureRule = {},
): DatasetKey[] {
  const indexed = records.filter(isIndexed);
  if (indexed.length === 0) return [];
  const plain =
    (rule.inverse?.length ?? 0) === 0 && (rule.linked?.length ?? 0) === 0
      ? indexed
      : extractRecords(store, {}, new Set(indexed.map((r) => r.id)));
  return plain.map((record) => {
    let identifier: string | null = null;
    let landingPage: string | null = null;
    for (const q of record.quads) {
      if (q.subject.value !== record.id || q.subject.termType !== 'NamedNode') continue;
      if (identifier === null && q.predicate.value === DCT.identifier) identifier = q.object.value;
      if (landingPage === null && q.predicate.value === DCAT.landingPage)
        landingPage = q.object.value;
    }
    return [record.id, identifier, landingPage, fingerprintRecord(record)];
  });
}
