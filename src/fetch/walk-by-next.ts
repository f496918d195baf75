// **walk-by-next** follows `hydra:next` links one page after the other, guarded against loops.
import { obtainPage, type PageContext } from './harvest-page.js';
import { pageId, type HarvestWalk } from './harvest-walk.js';

/** How to walk by next link. */
export interface ByNext {
  /** The URL asked for, and the one that answered (after redirects). */
  firstPage: string;
  firstUrl: string;
  /** The first page's next link, if any. */
  next: string | undefined;
  /** Whether a link may be followed (false: refused, and said so). */
  allowed(link: string): boolean;
  maxPages: number;
  signal?: AbortSignal;
}

/**
 * Follows next links until there is none, a page links back to one already seen, a page repeats
 * an earlier one's content, the page cap is reached or a link is refused.
 */
export async function walkByNext(
  walk: HarvestWalk,
  ctx: PageContext,
  { firstPage, firstUrl, next: firstNext, allowed, maxPages, signal }: ByNext,
): Promise<void> {
  walk.manifest.mode = firstNext ? 'next' : 'single';
  walk.emit({ type: 'plan', mode: walk.manifest.mode, totalItems: walk.totalItems });
  const visited = new Set([firstPage, firstUrl]);
  let next = firstNext;
  for (let n = 2; next !== undefined && !signal?.aborted; n++) {
    if (visited.has(next)) {
      walk.stopped.push(`paging loop: page ${n - 1} links back to ${next}`);
      break;
    }
    if (!allowed(next)) break;
    if (n > maxPages) {
      walk.stopped.push(`--max-pages ${maxPages} reached; next page not fetched: ${next}`);
      break;
    }
    visited.add(next);
    const outcome = await obtainPage(ctx, pageId(n), n, next);
    walk.record(outcome);
    const entry = outcome.entries[0];
    if (entry?.sha256 && walk.hashes.get(entry.sha256) !== entry.id) break;
    if (outcome.end) break;
    next = outcome.analyses[outcome.analyses.length - 1]?.paging.next;
    const lastEntry = outcome.entries[outcome.entries.length - 1];
    if (lastEntry?.finalUrl) visited.add(lastEntry.finalUrl);
  }
}
