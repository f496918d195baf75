// **record-hash** gives a record's graph a stable hash: SHA-256 over its RDFC-1.0 canonical N-Quads.
import { createHash } from 'node:crypto';
import canonize from 'rdf-canonize';
import type { RecordGraph } from './records.js';

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
