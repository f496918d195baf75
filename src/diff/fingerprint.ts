// **fingerprint** gives each record a stable hash: SHA-256 over its RDFC-1.0 canonical N-Quads.
import { createHash } from 'node:crypto';
import canonize from 'rdf-canonize';
import { QuadIndex } from '../rdf/quad-index.js';
import { extractRecords, type RecordGraph } from '../rdf/records.js';
import { readDocuments, type DocumentOptions } from '../shacl/documents.js';

/** A record as the diff sees it. */
export interface RecordPrint {
  id: string;
  kind: string;
  title?: string;
  /** Hex SHA-256 of the canonical graph (stable across blank-node labels and triple order). */
  hash: string;
}

/**
 * Hashes one record's graph after RDFC-1.0 canonicalization (duplicate triples removed).
 *
 * @example
 * ```ts
 * import { fingerprintRecord } from 'dcat-harvest/diff';
 * import { extractRecords, parseText } from 'dcat-harvest/rdf';
 * import { Store } from 'n3';
 *
 * const turtle = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
 * PREFIX dct: <http://purl.org/dc/terms/>
 * <https://example.org/d1> a dcat:Dataset ; dct:title "Schools" .`;
 * const { quads } = await parseText(turtle, { format: 'turtle' });
 * const [record] = extractRecords(new Store(quads));
 * console.log(fingerprintRecord(record!)); // the same for the same statements, whatever their order or blank node labels
 * ```
 */
export function fingerprintRecord(record: Pick<RecordGraph, 'quads'>): string {
  const nquads = canonize._canonizeSync(record.quads, { algorithm: 'RDFC-1.0', timeout: 10_000 });
  const lines = [...new Set(nquads.split('\n').filter((l) => l.length > 0))].sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/**
 * A blank-node record's label changes with every parse, so it is keyed by its kind and title
 * (`_:service «Couche WMS …»`), or by its hash when it has no title.
 */
function stableId(record: RecordGraph, hash: string): string {
  if (!record.id.startsWith('_:')) return record.id;
  return record.title === undefined
    ? `_:${record.kind}-${hash.slice(0, 16)}`
    : `_:${record.kind} «${record.title}»`;
}

/**
 * Reads inputs (files, folders, URLs) page by page and fingerprints every record except
 * unattached `other` nodes. A record spread over several pages (a catalog node) gets the hash of
 * its per-page hashes, sorted, so the result does not depend on page order.
 *
 * @example
 * ```ts
 * import { readFingerprints } from 'dcat-harvest/diff';
 *
 * const prints = await readFingerprints(['harvest-gouv']);
 * console.log(prints.size, 'records');
 * ```
 */
export async function readFingerprints(
  inputs: readonly string[],
  options: DocumentOptions = {},
): Promise<Map<string, RecordPrint>> {
  const parts = new Map<string, { kind: string; title?: string; hashes: string[] }>();
  for await (const document of readDocuments(inputs, options)) {
    // A `QuadIndex`, not an N3 store: a fraction of the memory on a large page (see dataset-index).
    for (const record of extractRecords(new QuadIndex(document.quads))) {
      if (record.kind === 'other') continue;
      const hash = fingerprintRecord(record);
      const key = stableId(record, hash);
      const entry = parts.get(key);
      if (entry) entry.hashes.push(hash);
      else
        parts.set(key, {
          kind: record.kind,
          ...(record.title === undefined ? {} : { title: record.title }),
          hashes: [hash],
        });
    }
  }
  const prints = new Map<string, RecordPrint>();
  for (const [id, { kind, title, hashes }] of parts) {
    const hash =
      hashes.length === 1
        ? (hashes[0] as string)
        : createHash('sha256').update(hashes.sort().join('\n')).digest('hex');
    prints.set(id, { id, kind, ...(title === undefined ? {} : { title }), hash });
  }
  return prints;
}
