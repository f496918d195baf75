// **tally** counts datasets across pages, de-duplicated by IRI and by dct:identifier.
import type { DatasetKey } from './page-analysis.js';

/**
 * A copy of `s` that does not share memory with the page text it was sliced from: V8 keeps a
 * whole parsed page alive for as long as one substring of it is (3 MB per page otherwise).
 */
function detach(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/** Running count of datasets seen, unique ones and duplicates (skip/limit drift). */
export class DatasetTally {
  seen = 0;
  duplicates = 0;
  readonly sample: string[] = [];
  private readonly iris = new Set<string>();
  private readonly identifiers = new Set<string>();

  /** Adds one page's datasets. */
  add(keys: readonly DatasetKey[]): void {
    for (const parsed of keys) {
      const key = {
        iri: detach(parsed.iri),
        identifier: parsed.identifier && detach(parsed.identifier),
      };
      this.seen++;
      const dup =
        this.iris.has(key.iri) ||
        (key.identifier !== undefined && this.identifiers.has(key.identifier));
      if (dup) {
        this.duplicates++;
        if (this.sample.length < 50) this.sample.push(key.iri);
      }
      this.iris.add(key.iri);
      if (key.identifier !== undefined) this.identifiers.add(key.identifier);
    }
  }

  get unique(): number {
    return this.seen - this.duplicates;
  }
}
