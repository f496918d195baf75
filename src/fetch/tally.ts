// **tally** counts datasets across pages, de-duplicated by IRI and by dct:identifier.
import type { DatasetKey } from './page-analysis.js';

/** Running count of datasets seen, unique ones and duplicates (skip/limit drift). */
export class DatasetTally {
  seen = 0;
  duplicates = 0;
  readonly sample: string[] = [];
  private readonly iris = new Set<string>();
  private readonly identifiers = new Set<string>();

  /** Adds one page's datasets. */
  add(keys: readonly DatasetKey[]): void {
    // The keys are own copies (see page-analysis): keeping them keeps no page text alive.
    for (const key of keys) {
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
