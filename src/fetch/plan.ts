// **plan** is a numbered catalog's harvest cut in pages: page 1 fetched, the URL of every other page known, and what each page gave.
import type { FormatId } from '../rdf/formats.js';
import type { PageOutcome } from './harvest-page.js';
import { pageId, type RecordedOutcome } from './harvest-walk.js';
import { withPage } from './paging.js';

/** What a page's fetch leaves for the end of the harvest (no page body, no quads). */
export type PlannedOutcome = RecordedOutcome;

/**
 * The harvest of a catalog whose pages are numbered (`page=N`, as udata's and hydra's
 * `hydra:last` announce them): page 1 is in the folder, pages 2 to `final` are to fetch, each on
 * its own (by any process that sees the folder), and {@link finishPlannedHarvest} settles the rest.
 */
export interface HarvestPlan {
  schema: 'dcat-harvest/plan/1';
  /** The URL whose `page` parameter is set to each number. */
  base: string;
  /** The last page page 1 announced. */
  last: number;
  /** The last page to fetch (`last`, or `--max-pages`). */
  final: number;
  /** `--max-pages` (absent: no cap). */
  maxPages?: number;
  /** The format asked of the server (udata), else detected per page. */
  format?: FormatId;
  /** A 502 is retried as two half-size pages. */
  adaptive: boolean;
  /** What the walk refused or ignored before paging (other-origin links). */
  stopped: string[];
  /** Page 1, as fetched. */
  first: PlannedOutcome;
}

/** Page `n` of a plan: its id, its position and its URL. */
export function plannedPage(
  plan: HarvestPlan,
  n: number,
): { id: string; index: number; url: string } {
  return { id: pageId(n), index: n, url: withPage(plan.base, n) };
}

/** A page's outcome without what only the walk in progress needs (repairs, CSW, page bodies). */
export function plannedOutcome(outcome: PageOutcome): PlannedOutcome {
  return {
    entries: outcome.entries,
    analyses: outcome.analyses.map((a) => ({
      datasets: a.datasets,
      paging: {
        ...(a.paging.totalItems === undefined ? {} : { totalItems: a.paging.totalItems }),
        ...(a.paging.last === undefined ? {} : { last: a.paging.last }),
      },
    })),
    missing: outcome.missing,
    ...(outcome.end ? { end: true } : {}),
    fromDisk: outcome.fromDisk,
  };
}
