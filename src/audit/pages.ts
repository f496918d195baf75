// **pages** reads dataset nodes from the pages an audit is given: records, stores or plain quads.
import type { Literal, Quad, Term } from '@rdfjs/types';
import { Store } from 'n3';
import type { RecordGraph } from '../rdf/records.js';
import { DCAT, DCT, RDF } from '../vocab.js';
import type { NodeView } from './types.js';

/**
 * A page: its records, its graph as a store, or its quads (fastest: dataset nodes are read in
 * place from one index of the page, no record copies).
 */
export type AuditPage = readonly RecordGraph[] | Store | { quads: readonly Quad[] };

/** Classes that make a dcat:Dataset node another kind of record. */
export const NOT_DATASET = [DCAT.Catalog, DCAT.DatasetSeries, DCAT.DataService];

/** True for a page given as plain quads. */
export function isQuadPage(page: AuditPage): page is { quads: readonly Quad[] } {
  return !(page instanceof Store) && !Array.isArray(page);
}

/** A title as `titleOf` picks it: English or untagged `dct:title`, else the first. */
export function titleFrom(node: NodeView): string | undefined {
  const titles = node.values(DCT.title).filter((t) => t.termType === 'Literal') as Literal[];
  const best =
    titles.find((t) => t.language === 'en') ?? titles.find((t) => t.language === '') ?? titles[0];
  return best?.value;
}

/** The dataset nodes of a store, as `extractRecords` classifies them (catalogs, series, services excluded). */
export function datasetNodes(store: Store): Term[] {
  return store
    .getSubjects(RDF.type, DCAT.Dataset, null)
    .filter((node) => !NOT_DATASET.some((cls) => store.countQuads(node, RDF.type, cls, null) > 0));
}
