// **page-analysis** parses one page as it arrives: triples, records, dataset keys, paging links.
import { Readable } from 'node:stream';
import type { Quad } from 'n3';
import { ParseError } from '../errors.js';
import type { FormatId } from '../rdf/formats.js';
import { parseStream } from '../rdf/parse.js';
import { DCAT, DCT, PREFIXES, RDF } from '../vocab.js';
import { readPaging, type PagingLinks } from './paging.js';

/** A dataset's keys for de-duplication. */
export interface DatasetKey {
  iri: string;
  identifier?: string;
}

/** What a page holds. */
export interface PageAnalysis {
  triples: number;
  /** Datasets, series and services. */
  records: number;
  datasets: DatasetKey[];
  paging: PagingLinks;
  /** Set when the page is not valid RDF (the counts are then zero). */
  error?: { message: string; line?: number; column?: number };
}

const HYDRA_NS = PREFIXES.hydra;
const RECORD_TYPES = new Set<string>([DCAT.Dataset, DCAT.DatasetSeries, DCAT.DataService]);

/** Parses a page body (strictly) and counts what it holds; never throws on bad RDF. */
export async function analyzePage(
  body: Buffer,
  format: FormatId,
  url: string,
  contexts?: Record<string, unknown>,
): Promise<PageAnalysis> {
  try {
    // Streamed: only the counts, the dataset keys and the hydra statements are kept.
    const quads = parseStream(Readable.from([body.toString('utf8')]), {
      format,
      source: url,
      baseIRI: url,
      contexts,
    });
    const records = new Set<string>();
    const datasets = new Set<string>();
    const identifiers = new Map<string, string>();
    const hydra: Quad[] = [];
    let triples = 0;
    for await (const quad of quads) {
      const q = quad as Quad;
      triples++;
      const p = q.predicate.value;
      if (p === RDF.type && RECORD_TYPES.has(q.object.value)) {
        records.add(q.subject.value);
        if (q.object.value === DCAT.Dataset) datasets.add(q.subject.value);
      } else if (p === DCT.identifier && q.object.termType === 'Literal') {
        if (!identifiers.has(q.subject.value)) identifiers.set(q.subject.value, q.object.value);
      }
      if (p.startsWith(HYDRA_NS) || (p === RDF.type && q.object.value.startsWith(HYDRA_NS))) {
        hydra.push(q);
      }
    }
    return {
      triples,
      records: records.size,
      datasets: [...datasets].map((iri) => ({ iri, identifier: identifiers.get(iri) })),
      paging: readPaging(hydra, url),
    };
  } catch (error) {
    const position = error instanceof ParseError ? error.position : undefined;
    return {
      triples: 0,
      records: 0,
      datasets: [],
      paging: {},
      error: {
        message: error instanceof ParseError ? error.reason : (error as Error).message,
        line: position?.line,
        column: position?.column,
      },
    };
  }
}
