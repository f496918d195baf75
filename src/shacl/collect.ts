// **collect** gives a thread's heap back after a large page. V8 sets a heap's next full
// collection from what the last one found alive: a thread that has just held a 10 MB page's quads
// lets garbage grow to about twice that before it collects again, so at data.gouv.fr's size one
// thread stayed ≈ 200 MB above its usual heap for several pages after the 9,076-distribution
// dataset's page (bench/README.md, issue 15). A full collection right after such a page resets it.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Characters of page text from which a thread collects its garbage when the page is done. */
export const LARGE_PAGE_CHARS = 4_000_000;

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

/** Collects this thread's garbage when it has just read a page of `chars` characters or more. */
export function collectAfterPage(chars: number): void {
  if (chars >= LARGE_PAGE_CHARS) collector()?.();
}
