// run --queue against a real redis-server and BullMQ workers: the same reports as in-process, queue commands, an unreachable Redis.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/catalogs/catalog-options.js';
import type { Overview } from '../../src/catalogs/overview-model.js';
import { runCatalogs } from '../../src/catalogs/run-catalogs.js';
import type { HarvestManifest } from '../../src/fetch/manifest.js';
import { parseQueueUrl } from '../../src/queue/connection.js';
import { queueStatus } from '../../src/queue/status.js';
import { runQueued } from '../../src/queue/submit.js';
import { startWorker, type RunningWorker } from '../../src/queue/worker.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { DATASET_INDEX_FILE, writeDatasetIndex } from '../../src/catalogs/dataset-index.js';
import { readPageResult } from '../../src/queue/page-results.js';
import { cli } from '../helpers/cli.js';
import { pageJobsByCatalog, pageResultFiles } from '../helpers/page-jobs.js';
import { freePort, startRedis, type TestRedis } from '../helpers/redis.js';

type Portal = Awaited<ReturnType<typeof startSamplePortal>>;

/** A report.json without what differs between two runs of the same data: times and the run folder. */
async function canonical(dir: string, id: string): Promise<unknown> {
  const text = await readFile(path.join(dir, id, 'report.json'), 'utf8');
  const report = JSON.parse(text.replaceAll(dir, 'RUN')) as { run: Record<string, unknown> };
  const { startedAt: _s, finishedAt: _f, durations: _d, ...run } = report.run;
  return { ...report, run };
}

/**
 * A catalog's harvest manifest without its times and attempts (a portal's recoverable faults hit
 * the first attempts it ever sees of a page: the run after another sees none).
 */
async function manifestOf(dir: string, id: string): Promise<unknown> {
  const file = path.join(dir, id, 'harvest', 'manifest.json');
  const m = JSON.parse(await readFile(file, 'utf8')) as HarvestManifest;
  const { startedAt: _s, endedAt: _e, ...rest } = m;
  return {
    ...rest,
    pages: m.pages.map(({ timeMs: _t, fetchedAt: _f, attempts: _a, ...page }) => page),
  };
}

const rows = (o: Overview) =>
  o.catalogs.map(({ durationMs: _d, ...row }) =>
    JSON.parse(JSON.stringify(row).replaceAll(o.run.since ?? '\0', 'SINCE')),
  );

describe('run --queue', () => {
  let redis: TestRedis;
  let dir: string;
  const portals: Portal[] = [];
  let entries: CatalogEntry[];
  let completed = 0;

  beforeAll(async () => {
    redis = await startRedis();
    dir = await mkdtemp(path.join(tmpdir(), 'dh-queue-'));
    portals.push(
      await startSamplePortal({ datasets: 30, seed: 31, faults: '5xx=p2,429=p1,retry-after=0' }),
    );
    portals.push(await startSamplePortal({ datasets: 25, seed: 32, faults: 'malformed=p2' }));
    portals.push(await startSamplePortal({ datasets: 20, seed: 33, faults: 'drift=p2' }));
    const nowhere = await freePort();
    entries = [
      ...portals.map((p, i) => ({
        id: `c${i + 1}`,
        source: p.url,
        options: { 'page-size': 10, retries: 1 },
      })),
      { id: 'nowhere', source: `http://127.0.0.1:${nowhere}`, options: { retries: 0 } },
    ];
  });

  afterAll(async () => {
    await Promise.all(portals.map((p) => p.close()));
    await redis.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the report an in-process run writes, through two workers', async () => {
    const local = await runCatalogs(entries, { out: path.join(dir, 'local'), workers: 1 });
    const workers: RunningWorker[] = [];
    const seen: string[] = [];
    try {
      for (let i = 0; i < 2; i++)
        workers.push(await startWorker({ queue: parseQueueUrl(redis.url), workers: 1 }));
      const queued = await runQueued(entries, {
        queue: parseQueueUrl(redis.url),
        out: path.join(dir, 'queued'),
        pageBatch: 2,
        onCatalog: (row) => seen.push(row.id),
      });
      expect(seen.sort()).toEqual(['c1', 'c2', 'c3', 'nowhere']);
      expect(queued.overview.run.queue).toBe(redis.url);
      expect(rows(queued.overview)).toEqual(rows(local.overview));
      expect(queued.overview.counts).toEqual(local.overview.counts);
      expect(queued.overview.exitCode).toBe(3);
      expect(queued.overview.duplicates).toEqual(local.overview.duplicates);
      for (const id of ['c1', 'c2', 'c3']) {
        expect(await canonical(path.join(dir, 'queued'), id)).toEqual(
          await canonical(path.join(dir, 'local'), id),
        );
        expect(await manifestOf(path.join(dir, 'queued'), id)).toEqual(
          await manifestOf(path.join(dir, 'local'), id),
        );
        // The dataset index, named by the page jobs' threads, is the one read again from the pages.
        const index = await readFile(path.join(dir, 'queued', id, DATASET_INDEX_FILE), 'utf8');
        expect(index).toBe(await readFile(path.join(dir, 'local', id, DATASET_INDEX_FILE), 'utf8'));
        const parsed = path.join(dir, `${id}-parsed.jsonl`);
        await writeDatasetIndex({ harvest: path.join(dir, 'queued', id, 'harvest') }, parsed);
        expect(index).toBe(await readFile(parsed, 'utf8'));
        expect(index.split('\n').length).toBeGreaterThan(3);
      }
      // Each catalog's pages went through page jobs of 2 pages that fetched them (the catalog job
      // fetched page 1) and validated them, each page once when no page before it was missing.
      const pageJobs = await pageJobsByCatalog(redis.url);
      const expected: Record<string, object> = {
        c1: { jobs: 2, fetchJobs: 2, fetched: 2, pages: [0, 1, 2], validated: 3, kept: 0 },
        // Page 2 does not parse: page 3, validated as the third page, is the second one read,
        // validated again by a page job of its own (with page 1, kept).
        c2: { jobs: 3, fetchJobs: 2, fetched: 2, pages: [0, 0, 1, 1, 2], validated: 3, kept: 1 },
        // A dataset published while paging: page 2 announces a third page, fetched by the
        // catalog job as it finishes the harvest, validated by a page job.
        c3: { jobs: 2, fetchJobs: 1, fetched: 1, pages: [0, 1, 2], validated: 3, kept: 0 },
      };
      let batches = 0;
      for (const id of ['c1', 'c2', 'c3']) {
        const { files, pages } = await pageResultFiles(path.join(dir, 'queued', id));
        const local = JSON.parse(
          await readFile(path.join(dir, 'local', id, 'report.json'), 'utf8'),
        ) as { harvest: { pages: number } };
        expect(pages).toBe(local.harvest.pages);
        expect(files).toHaveLength(local.harvest.pages);
        // Each stored result names its page's datasets (the aggregate step parses no page again).
        for (const name of files) {
          const stored = await readPageResult(path.join(dir, 'queued', id, 'page-results', name));
          expect(stored?.result.datasets?.length, `${id} ${name}`).toBeGreaterThan(0);
        }
        const jobs = pageJobs.get(id);
        expect(jobs, id).toEqual({ ...expected[id], reused: 0 });
        batches += jobs?.jobs ?? 0;
      }
      expect(batches).toBeGreaterThan(3);
      expect(pageJobs.has('nowhere')).toBe(false);
      const counts = await queueStatus(parseQueueUrl(redis.url));
      expect(counts).toMatchObject({ waiting: 0, active: 0, completed: 5 + batches, failed: 0 });
      completed = 5 + batches;
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  }, 300_000);

  it('shows and cleans the queue from the command line', async () => {
    const status = await cli(['queue', 'status', '--json'], {
      env: { DCAT_HARVEST_QUEUE: redis.url },
    });
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ completed });
    const clean = await cli(['queue', 'clean', '--queue', redis.url]);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toContain(`${completed} jobs removed`);
    expect(await queueStatus(parseQueueUrl(redis.url))).toMatchObject({ completed: 0 });
  });

  it('exits 3 within seconds, naming the URL, when Redis does not answer', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}/0`;
    for (const argv of [
      ['run', portals[0]!.url, '-o', path.join(dir, 'never'), '--queue', url],
      ['worker', '--queue', url],
      ['queue', 'status', '--queue', url],
    ]) {
      const started = performance.now();
      const result = await cli(argv);
      expect(performance.now() - started, argv[0]).toBeLessThan(6_000);
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toContain(`cannot reach the queue's Redis at ${url}`);
    }
    const bad = await cli(['worker', '--queue', 'localhost:6379']);
    expect(bad.code).toBe(2);
    const none = await cli(['queue', 'status']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('DCAT_HARVEST_QUEUE');
  });
});
