// PagePools: a worker process's validation threads kept between page jobs, and released before an aggregate step.
import { describe, expect, it } from 'vitest';
import { PagePools } from '../../src/queue/page-pools.js';
import type { PagePool } from '../../src/shacl/pool.js';
import type { WorkerSetup } from '../../src/shacl/worker.js';

const SETUP: WorkerSetup = { shapes: { profile: 'dcat-ap-3' }, background: 'none' };

/** The threads a pool runs now (Piscina's own list). */
const threadsOf = (pool: PagePool) =>
  (pool as unknown as { own: { threads: unknown[] } }).own.threads.length;

describe('PagePools', () => {
  it('keeps a pool between uses and releases it only when no job is using it', async () => {
    const pools = new PagePools();
    try {
      let first: PagePool | undefined;
      await pools.with(SETUP, { workers: 1 }, async (pool) => {
        first = pool;
        expect(threadsOf(pool)).toBe(1);
        // In use: not released.
        expect(await pools.releaseIdle()).toBe(0);
        expect(threadsOf(pool)).toBe(1);
      });
      await pools.with(SETUP, { workers: 1 }, async (pool) => expect(pool).toBe(first));
      expect(await pools.releaseIdle()).toBe(1);
      expect(threadsOf(first!)).toBe(0);
      expect(await pools.releaseIdle()).toBe(0);
      // The next job gets a fresh pool.
      await pools.with(SETUP, { workers: 1 }, async (pool) => {
        expect(pool).not.toBe(first);
        expect(threadsOf(pool)).toBe(1);
      });
    } finally {
      await pools.close();
    }
  });
});
