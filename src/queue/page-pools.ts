// **page-pools** keeps a worker process's validation threads between page jobs: one pool per worker setup, built once, not per job.
import { PagePool, type PoolOptions } from '../shacl/pool.js';
import type { WorkerSetup } from '../shacl/worker.js';

/** Pools kept at most while none of them is in use (each holds its threads and validators). */
const KEPT = 2;

/**
 * The validation thread pools of one worker process, by worker setup (shapes, compliance,
 * measure) and thread count: page jobs of the same catalogs reuse threads whose validators are
 * built. Past {@link KEPT} setups, the pools no job is using are destroyed.
 */
export class PagePools {
  private readonly pools = new Map<string, { pool: PagePool; users: number }>();

  /** Runs `use` with the pool of `setup`, made when none is kept. */
  async with<T>(
    setup: WorkerSetup,
    options: PoolOptions,
    use: (pool: PagePool) => Promise<T>,
  ): Promise<T> {
    const key = JSON.stringify([setup, options.workers ?? null, options.workerHeapMb ?? null]);
    let kept = this.pools.get(key);
    if (!kept) {
      await this.trim();
      kept = { pool: new PagePool(setup, options), users: 0 };
      this.pools.set(key, kept);
    }
    kept.users++;
    try {
      return await use(kept.pool);
    } finally {
      kept.users--;
    }
  }

  /** Destroys idle pools while more than {@link KEPT} minus one are kept. */
  private async trim(): Promise<void> {
    for (const [key, kept] of this.pools) {
      if (this.pools.size < KEPT) return;
      if (kept.users > 0) continue;
      this.pools.delete(key);
      await kept.pool.destroy();
    }
  }

  /**
   * Destroys every pool no job is using: a catalog's aggregate step does so before it starts
   * (its settling starts threads of its own), so the threads that validated pages do not keep
   * their heaps beside it (≈ 150–300 MB each after a large catalog's pages).
   */
  async releaseIdle(): Promise<number> {
    let released = 0;
    for (const [key, kept] of [...this.pools]) {
      if (kept.users > 0) continue;
      this.pools.delete(key);
      await kept.pool.destroy();
      released++;
    }
    return released;
  }

  /** Destroys every pool (the worker is closing: no job is running). */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((kept) => kept.pool.destroy()));
  }
}
