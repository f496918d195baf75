// **collect** gives a thread's heap back after a large page. V8 sets a heap's next full
// collection from what the last one found alive: a thread that has just held a 10 MB page's quads
// lets garbage grow well past that before it collects again, so at data.gouv.fr's size one
// thread stayed ≈ 200 MB above its usual heap for several pages after the 9,076-distribution
// dataset's page (bench/README.md, issue 15). A full collection right after such a page resets it;
// the same between the phases of a large run in the main thread.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Characters of page text from which a thread collects its garbage when the page is done (about
 * 29 of the 742 pages of the 74,200-dataset harvest). At 4 million, the 3.5 MB page 668, validated
 * near the end, was left to V8; at 1.5 million the runs' peaks were 968, 1,005 and 999 MB against
 * 992–1,009 MB: no clear change (bench/README.md, stop 20).
 */
export const LARGE_PAGE_CHARS = 1_500_000;

let collect: (() => void) | undefined;

/** V8's full garbage collection, exposed once for this process (undefined where V8 refuses). */
function collector(): (() => void) | undefined {
  if (collect) return collect;
  try {
    setFlagsFromString('--expose-gc');
    // Only contexts created after the flag get `gc`: a new one hands it over.
    collect = runInNewContext('gc') as () => void;
  } catch {
    collect = undefined;
  }
  return collect;
}

/**
 * Collects this thread's garbage when it has just read a page of `chars` characters or more;
 * whether it did.
 */
export function collectAfterPage(chars: number): boolean {
  const gc = chars >= LARGE_PAGE_CHARS ? collector() : undefined;
  gc?.();
  return gc !== undefined;
}

/** Pages from which a run's main thread collects its garbage between its phases. */
export const MANY_PAGES = 100;

/**
 * Collects the main thread's garbage between the phases of a run of `pages` pages or more (the
 * pages, the settling, the merged catalog, the report): each phase then starts from the heap the
 * run keeps, not from the one the phase before let grow (at data.gouv.fr's size ≈ 300 MB
 * committed, 1.5 times what is alive). Smaller runs, a server's among them, are left to V8.
 */
export function collectBetweenPhases(pages: number): void {
  if (pages >= MANY_PAGES) collector()?.();
}

/** Pages between two collections of the main thread while a long run's pages come in. */
export const COLLECT_EVERY = 50;

/**
 * Collects the main thread's garbage after every {@link COLLECT_EVERY}th page once a run has read
 * {@link MANY_PAGES}; whether it did. The buffers of the findings each page moves in are freed
 * only by a full collection once their holders are old, and V8 lets the heap reach 1.5 times what
 * is alive before one: the run's memory then follows what it keeps.
 */
export function collectDuringPages(pages: number): boolean {
  if (pages < MANY_PAGES || pages % COLLECT_EVERY !== 0) return false;
  const gc = collector();
  gc?.();
  return gc !== undefined;
}
