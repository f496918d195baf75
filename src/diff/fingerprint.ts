// **fingerprint** gives each record a stable hash: SHA-256 over its RDFC-1.0 canonical N-Quads.
import { createHash } from 'node:crypto';
import { QuadIndex } from '../rdf/quad-index.js';
import { fingerprintRecord } from '../rdf/record-hash.js';
import { extractRecords, type RecordGraph } from '../rdf/records.js';
import { readDocuments, type DocumentOptions } from '../shacl/documents.js';

export { fingerprintRecord };

/** A record as the diff sees it. */
export interface RecordPrint {
  id: string;
  kind: string;
  title?: string;
  /** Hex SHA-256 of the canonical graph (stable across blank-node labels and triple order). */
  hash: string;
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
