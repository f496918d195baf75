// Per-host politeness across worker processes: two workers harvesting two catalogs of one host keep to the catalogs' concurrency and rate together.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/catalogs/catalog-options.js';
import { runCatalogs } from '../../src/catalogs/run-catalogs.js';
import { parseQueueUrl } from '../../src/queue/connection.js';
import { runQueued } from '../../src/queue/submit.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { startCountingProxy, type CountingProxy } from '../helpers/counting-proxy.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { workerProcess, type WorkerProcess } from '../helpers/worker-process.js';

/** The most request starts in any window of `ms`. */
const busiest = (starts: number[], ms: number) =>
  Math.max(...starts.map((t) => starts.filter((u) => u >= t && u < t + ms).length));

describe('per-host limits across worker processes', () => {
  let redis: TestRedis;
  let dir: string;
  let portal: Awaited<ReturnType<typeof startSamplePortal>>;
  let proxy: CountingProxy;
  let entries: CatalogEntry[];

  beforeAll(async () => {
    redis = await startRedis();
    dir = await mkdtemp(path.join(tmpdir(), 'dh-host-limits-'));
    portal = await startSamplePortal({ datasets: 40, seed: 61 });
    // Each page held 150 ms: requests of the two catalogs overlap unless something stops them.
    proxy = await startCountingProxy(portal.url, 150);
    const options = { 'page-size': 5, concurrency: 2, rate: 8 };
    entries = [
      { id: 'all', source: proxy.url, options },
      { id: 'hvd', source: proxy.url, options: { ...options, badge: 'hvd' } },
      { id: 'more', source: proxy.url, options: { ...options, q: 'data' } },
    ];
  });

  afterAll(async () => {
    await proxy.close();
    await portal.close();
    await redis.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('each catalog keeps to its own budget in one process (the limits are per catalog there)', async () => {
    proxy.reset();
    await runCatalogs(entries, { out: path.join(dir, 'local'), workers: 1, catalogConcurrency: 3 });
    expect(proxy.maxInFlight()).toBeGreaterThan(2);
    expect(busiest(proxy.starts, 500)).toBeGreaterThan(5);
  }, 120_000);

  it('two workers share concurrency 2 and 8 requests per second on the host', async () => {
    const workers: WorkerProcess[] = [workerProcess(redis.url), workerProcess(redis.url)];
    proxy.reset();
    try {
      const { overview } = await runQueued(entries, {
        queue: parseQueueUrl(redis.url),
        out: path.join(dir, 'queued'),
      });
      expect(overview.counts).toMatchObject({ catalogs: 3, ok: 3, failed: 0 });
      // Both workers took a catalog: the limits held across processes, not within one.
      expect(await Promise.all(workers.map((w) => w.firstJob))).toHaveLength(2);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(proxy.starts.length).toBeGreaterThan(10);
    expect(proxy.maxInFlight()).toBeLessThanOrEqual(2);
    // 8 per second across both workers: a start every 125 ms, so 4 in half a second (plus one: a
    // timer that ran late on a busy machine may bring two starts closer).
    expect(busiest(proxy.starts, 500)).toBeLessThanOrEqual(5);
    const span = (proxy.starts.at(-1) as number) - (proxy.starts[0] as number);
    expect(span).toBeGreaterThanOrEqual((proxy.starts.length - 1) * 110);
  }, 180_000);
});
