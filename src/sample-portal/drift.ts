// **drift** models skip/limit drift: datasets published at the head of the list while a harvester pages through it.
import { hits, type FaultRule } from './faults.js';
import { lastPage } from './page.js';

/** What one page of a list serves under drift. */
export interface DriftedPage {
  page: number;
  /** Datasets published at the head before this page was served (0 without drift). */
  inserted: number;
  /** hydra:totalItems the page announces: the list as it is when the page is served. */
  announced: number;
  /** hydra:last the page announces. */
  last: number;
  /** Positions in the original list served, [start, end). */
  start: number;
  end: number;
}

/**
 * Datasets inserted before page `page` is served: one per drift page among 2..page. Page 1 is
 * never shifted, so at most page − 1 ≤ (page − 1) × pageSize: a page ≥ 2 never reaches the
 * inserted datasets (they sit on page 1, already fetched) and the harvest never sees them.
 * Decided by page number, not by arrival time, so that concurrent walks see the same thing.
 */
export function insertedBefore(seed: number, rule: FaultRule | undefined, page: number): number {
  let n = 0;
  if (!rule) return 0;
  for (let p = 2; p <= page; p += 1) if (hits(seed, 'drift', rule, p, 1)) n += 1;
  return n;
}

/** Page `page` of a `total`-dataset list (before any insertion) at `pageSize`, under drift. */
export function driftedPage(
  seed: number,
  rule: FaultRule | undefined,
  total: number,
  pageSize: number,
  page: number,
): DriftedPage {
  const inserted = insertedBefore(seed, rule, page);
  const announced = total + inserted;
  // Everything moved down by `inserted`: the page starts that many items earlier.
  const start = Math.max(0, (page - 1) * pageSize - inserted);
  return {
    page,
    inserted,
    announced,
    last: lastPage(announced, pageSize),
    start,
    end: Math.max(start, Math.min(total, start + pageSize)),
  };
}

/**
 * The pages a harvester fetches: page 1, then every page up to the largest hydra:last announced
 * so far (drift only ever grows it, so the last page still serves the final dataset).
 */
export function driftWalk(
  seed: number,
  rule: FaultRule | undefined,
  total: number,
  pageSize: number,
): DriftedPage[] {
  const pages = [driftedPage(seed, rule, total, pageSize, 1)];
  let last = pages[0]!.last;
  for (let page = 2; page <= last; page += 1) {
    const served = driftedPage(seed, rule, total, pageSize, page);
    pages.push(served);
    last = Math.max(last, served.last);
  }
  return pages;
}
