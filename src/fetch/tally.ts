// **tally** counts datasets across pages, de-duplicated by IRI and by dct:identifier.
import { KeySet } from '../key-set.js';
import type { DatasetKey } from './page-analysis.js';

/** Running count of datasets seen, unique ones and duplicates (skip/limit drift). */
export class DatasetTally {
  seen = 0;
  duplicates = 0;
  readonly sample: string[] = [];
  // Hashed: memory per dataset stays small whatever the catalog size.
  private readonly iris = new KeySet();
  private readonly identifiers = new KeySet();

  /** Adds one page's datasets. */
  add(keys: readonly DatasetKey[]): void {
    for (const key of keys) {
      this.seen++;
      const newIri = this.iris.add(key.iri);
      const newIdentifier = key.identifier === undefined || this.identifiers.add(key.identifier);
      if (!newIri || !newIdentifier) {
        this.duplicates++;
        if (this.sample.length < 50) this.sample.push(key.iri);
      }
    }
  }

  get unique(): number {
    return this.seen - this.duplicates;
  }
}
