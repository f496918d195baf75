// **changes** says what changed in a catalog since a previous run: datasets added, changed and removed, and identifier drift.
import type { IndexedDataset, IndexedPage } from './dataset-index.js';

/** Datasets listed per kind of change in `report.json` (the counts are exact; `changes.json` lists all). */
export const CHANGES_LISTED = 100;

/** A dataset that appeared, changed or disappeared. */
export interface DatasetChange {
  iri: string;
  identifier?: string;
}

/** The same IRI under a new identifier, or the same identifier under a new IRI. */
export interface Drift {
  kind: 'identifier' | 'iri';
  /** The IRI (identifier drift) or the identifier (IRI drift) that stayed. */
  key: string;
  before: string | null;
  after: string | null;
}

/** What changed in a catalog since a previous run (`changes.json`). */
export interface CatalogChanges {
  /** The previous run's catalog folder. */
  since: string;
  counts: {
    added: number;
    changed: number;
    removed: number;
    unchanged: number;
    identifierDrift: number;
    iriDrift: number;
  };
  added: DatasetChange[];
  changed: DatasetChange[];
  removed: DatasetChange[];
  drift: Drift[];
}

/** Datasets by IRI (the first page that holds one wins). */
function byIri(pages: readonly IndexedPage[]): Map<string, IndexedDataset> {
  const map = new Map<string, IndexedDataset>();
  for (const page of pages) for (const d of page.datasets) if (!map.has(d.iri)) map.set(d.iri, d);
  return map;
}

/** Identifier → IRI, for identifiers one IRI alone carries. */
function byIdentifier(datasets: Map<string, IndexedDataset>): Map<string, string> {
  const map = new Map<string, string | null>();
  for (const d of datasets.values()) {
    if (d.identifier === undefined) continue;
    map.set(d.identifier, map.has(d.identifier) ? null : d.iri);
  }
  return new Map([...map].filter((e): e is [string, string] => e[1] !== null));
}

const change = (d: IndexedDataset): DatasetChange =>
  d.identifier === undefined ? { iri: d.iri } : { iri: d.iri, identifier: d.identifier };
const order = (a: DatasetChange, b: DatasetChange) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0);

/**
 * Compares a catalog's dataset index with the previous run's.
 *
 * @example
 * ```ts
 * import { compareIndexes, readDatasetIndex } from 'dcat-harvest/catalogs';
 *
 * const before = await readDatasetIndex('runs/monday/gouv/dataset-index.jsonl');
 * const after = await readDatasetIndex('runs/tuesday/gouv/dataset-index.jsonl');
 * const changes = compareIndexes(before ?? [], after ?? [], 'runs/monday/gouv');
 * console.log(changes.counts.added, changes.counts.changed, changes.counts.removed);
 * ```
 */
export function compareIndexes(
  before: readonly IndexedPage[],
  after: readonly IndexedPage[],
  since: string,
): CatalogChanges {
  const a = byIri(before);
  const b = byIri(after);
  const added: DatasetChange[] = [];
  const changed: DatasetChange[] = [];
  const removed: DatasetChange[] = [];
  const drift: Drift[] = [];
  let unchanged = 0;
  for (const [iri, now] of b) {
    const old = a.get(iri);
    if (!old) added.push(change(now));
    else if (old.hash !== now.hash) changed.push(change(now));
    else unchanged++;
    if (old && old.identifier !== now.identifier)
      drift.push({
        kind: 'identifier',
        key: iri,
        before: old.identifier ?? null,
        after: now.identifier ?? null,
      });
  }
  for (const [iri, old] of a) if (!b.has(iri)) removed.push(change(old));
  const idsAfter = byIdentifier(b);
  for (const [identifier, iri] of byIdentifier(a)) {
    const now = idsAfter.get(identifier);
    if (now !== undefined && now !== iri)
      drift.push({ kind: 'iri', key: identifier, before: iri, after: now });
  }
  drift.sort((x, y) => x.kind.localeCompare(y.kind) || (x.key < y.key ? -1 : 1));
  return {
    since,
    counts: {
      added: added.length,
      changed: changed.length,
      removed: removed.length,
      unchanged,
      identifierDrift: drift.filter((d) => d.kind === 'identifier').length,
      iriDrift: drift.filter((d) => d.kind === 'iri').length,
    },
    added: added.sort(order),
    changed: changed.sort(order),
    removed: removed.sort(order),
    drift,
  };
}

/** The changes with each list cut to {@link CHANGES_LISTED} (the counts stay exact). */
export function listedChanges(changes: CatalogChanges): CatalogChanges {
  return {
    ...changes,
    added: changes.added.slice(0, CHANGES_LISTED),
    changed: changes.changed.slice(0, CHANGES_LISTED),
    removed: changes.removed.slice(0, CHANGES_LISTED),
    drift: changes.drift.slice(0, CHANGES_LISTED),
  };
}
