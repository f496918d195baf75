// **walk-by-number** fetches pages 2…last concurrently when the paging is regular (udata's `page=N`).
import { obtainPage, type PageContext, type PageOutcome } from './harvest-page.js';
import { pageId, type HarvestWalk } from './harvest-walk.js';
import { regularLastPage, withPage } from './paging.js';

/** How to walk by number. */
export interface ByNumber {
  /** The URL whose `page` parameter is set to each number. */
  base: string;
  /** The last page the first one announced. */
  last: number;
  maxPages: number;
  /** Pages in flight. */
  concurrency: number;
  signal?: AbortSignal;
}

/**
 * Fetches pages 2 to `last` with `concurrency` workers. A later page may announce more pages
 * (datasets published meanwhile push the last ones further): the walk goes up to the largest
 * `hydra:last` seen, or the final ones would be lost.
 */
export async function walkByNumber(
  walk: HarvestWalk,
  ctx: PageContext,
  { base, last, maxPages, concurrency, signal }: ByNumber,
): Promise<void> {
  walk.manifest.mode = 'pattern';
  let announced = last;
  walk.pagesExpected = last;
  walk.emit({ type: 'plan', mode: 'pattern', pagesExpected: last, totalItems: walk.totalItems });
  let final = Math.min(last, maxPages);
  const grow = (outcome: PageOutcome): void => {
    for (const analysis of outcome.analyses) {
      const link = analysis.paging.last;
      const more = link === undefined ? undefined : regularLastPage(base, { last: link });
      if (more === undefined || more <= announced) continue;
      announced = more;
      walk.pagesExpected = more;
      final = Math.min(more, maxPages);
      walk.emit({
        type: 'plan',
        mode: 'pattern',
        pagesExpected: more,
        totalItems: walk.totalItems,
      });
    }
  };
  let nextPage = 2;
  let ended = false;
  const worker = async () => {
    while (!ended && !signal?.aborted && nextPage <= final) {
      const n = nextPage++;
      const outcome = await obtainPage(ctx, pageId(n), n, withPage(base, n));
      if (outcome.end) ended = true;
      walk.record(outcome);
      grow(outcome);
    }
  };
  const workers = Array.from({ length: Math.max(1, concurrency) }, worker);
  const results = await Promise.allSettled(workers);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  if (final < announced)
    walk.stopped.push(`--max-pages ${maxPages}: pages ${final + 1}–${announced} not fetched`);
}
