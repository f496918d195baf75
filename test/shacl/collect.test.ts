import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  COLLECT_EVERY,
  collectAfterPage,
  collectDuringPages,
  LARGE_PAGE_CHARS,
  MANY_PAGES,
} from '../../src/shacl/collect.js';

/** Leaves about `mb` MB of unreachable objects on the heap and returns the heap's used size. */
function garbage(mb: number): number {
  let kept: { i: number; s: string }[] | undefined = [];
  for (let i = 0; i < mb * 12_000; i++) kept.push({ i, s: `x${i}` });
  kept = undefined;
  void kept;
  return getHeapStatistics().used_heap_size;
}

describe('collectAfterPage', () => {
  it('collects the garbage a large page left', () => {
    const before = garbage(60);
    expect(collectAfterPage(LARGE_PAGE_CHARS)).toBe(true);
    const after = getHeapStatistics().used_heap_size;
    expect(before - after).toBeGreaterThan(30 * 1024 * 1024);
  });

  it('leaves the heap to V8 after an ordinary page', () => {
    expect(collectAfterPage(LARGE_PAGE_CHARS - 1)).toBe(false);
    expect(collectAfterPage(0)).toBe(false);
  });
});

describe('collectDuringPages', () => {
  it('collects every COLLECT_EVERY pages once a run is long, never before', () => {
    const collected = [...Array(MANY_PAGES + 2 * COLLECT_EVERY + 1).keys()].filter((pages) =>
      collectDuringPages(pages),
    );
    expect(collected).toEqual([
      MANY_PAGES,
      MANY_PAGES + COLLECT_EVERY,
      MANY_PAGES + 2 * COLLECT_EVERY,
    ]);
  });

  it('frees the garbage of the pages before', () => {
    const before = garbage(60);
    expect(collectDuringPages(MANY_PAGES)).toBe(true);
    expect(before - getHeapStatistics().used_heap_size).toBeGreaterThan(30 * 1024 * 1024);
  });
});
