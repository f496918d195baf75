// A queued run's page jobs fetch their pages: each page once, by a page job; the report and the harvest folder of an in-process run; failed pages, 429s, next links and resume.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/catalogs/catalog-options.js';
import { CATALOG_ROW_FILE } from '../../src/catalogs/run-catalog.js';
import { runCatalogs } from '../../src/catalogs/run-catalogs.js';
import type { HarvestManifest } from '../../src/fetch/manifest.js';
import { parseQueueUrl } from '../../src/queue/connection.js';
import { runPageJob } from '../../src/queue/page-job.js';
import { cleanQueue } from '../../src/queue/status.js';
import { runQueued } from '../../src/queue/submit.js';
import { startWorker, type RunningWorker } from '../../src/queue/worker.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { startTinyPortal } from '../fetch/tiny-portal.js';
import { startCountingProxy, type CountingProxy } from '../helpers/counting-proxy.js';
import { pageJobsByCatalog } from '../helpers/page-jobs.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

/** A report.json without what differs between two runs of the same data: times and the run folder. */
async function canonical(run: string, id: string): Promise<unknown> {
  const text = await readFile(path.join(run, id, 'report.json'), 'utf8');
  const report = JSON.parse(text.replaceAll(run, 'RUN')) as { run: Record<string, unknown> };
  const { startedAt: _s, finishedAt: _f, durations: _d, ...rest } = report.run;
  return { ...report, run: rest };
}

/** A catalog's harvest manifest without its times. */
async function manifestOf(run: string, id: string): Promise<unknown> {
  const file = path.join(run, id, 'harvest', 'manifest.json');
  const m = JSON.parse(await readFile(file, 'utf8')) as HarvestManifest;
  const { startedAt: _s, endedAt: _e, ...rest } = m;
  return { ...rest, pages: m.pages.map(({ timeMs: _t, fetchedAt: _f, ...page }) => page) };
}

/** How many times each catalog page was asked for, by page number. */
function pagesAsked(urls: string[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const url of urls) {
    if (!url.startsWith('/api/1/site/catalog')) continue;
    const n = Number(new URL(url, 'http://x').searchParams.get('page'));
    out[n] = (out[n] ?? 0) + 1;
  }
  return out;
}

type Tiny = Awaited<ReturnType<typeof startTinyPortal>>;

describe('page jobs that fetch', () => {
  let redis: TestRedis;
  let dir: string;
  let worker: RunningWorker;
  let sample: Awaited<ReturnType<typeof startSamplePortal>>;
  let proxy: CountingProxy;
  let faulty: Tiny;
  let next: Tiny;
  let split: Tiny;
  /** Requests of the faulty portal: page and time. */
  const faultyLog: { page: number; at: number }[] = [];
  let entries: CatalogEntry[];
  const url = () => parseQueueUrl(redis.url);

  beforeAll(async () => {
    redis = await startRedis();
    dir = await mkdtemp(path.join(tmpdir(), 'dh-queue-fetch-'));
    sample = await startSamplePortal({ datasets: 45, seed: 51 });
    proxy = await startCountingProxy(sample.url);
    // Page 3 answers 503 for good; page 2 answers 429 (Retry-After: 1) the first time of each run.
    faulty = await startTinyPortal({
      datasets: 30,
      fault: (u, res) => {
        if (!u.pathname.startsWith('/api/1/site/catalog')) return false;
        const page = Number(u.searchParams.get('page'));
        faultyLog.push({ page, at: performance.now() });
        if (page === 3) {
          res.writeHead(503).end('down');
          return true;
        }
        if (page === 2 && faultyLog.filter((r) => r.page === 2).length === 1) {
          res.writeHead(429, { 'retry-after': '1' }).end('slow down');
          return true;
        }
        return false;
      },
    });
    next = await startTinyPortal({ datasets: 17, last: false });
    // Page 3 of 6 datasets answers 502 (too big, as data.gouv.fr says): fetched as two pages of 3.
    split = await startTinyPortal({
      datasets: 24,
      fault: (u, res) => {
        if (u.searchParams.get('page') !== '3' || u.searchParams.get('page_size') !== '6')
          return false;
        res.writeHead(502).end('bad gateway');
        return true;
      },
    });
    entries = [
      { id: 'clean', source: proxy.url, options: { 'page-size': 10 } },
      { id: 'faulty', source: faulty.url, options: { 'page-size': 5, retries: 1 } },
      { id: 'next', source: next.url, options: { 'page-size': 5 } },
      { id: 'split', source: split.url, options: { 'page-size': 6, retries: 0 } },
    ];
    worker = await startWorker({ queue: url(), workers: 1 });
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await Promise.all([proxy, sample, faulty, next, split].map((s) => s?.close()));
    await redis?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('fetches each page once, in page jobs, to the report and harvest folder of an in-process run', async () => {
    await runCatalogs(entries, { out: path.join(dir, 'local'), workers: 1 });
    proxy.reset();
    faultyLog.length = 0;
    next.requests.length = 0;
    const out = path.join(dir, 'q');
    await runQueued(entries, { queue: url(), out, pageBatch: 2 });
    for (const id of ['clean', 'faulty', 'next', 'split']) {
      expect(await canonical(out, id), id).toEqual(await canonical(path.join(dir, 'local'), id));
      expect(await manifestOf(out, id), id).toEqual(await manifestOf(path.join(dir, 'local'), id));
    }
    // 45 datasets by 10: five pages, each asked once; the catalog job asked page 1 only, the
    // page jobs (three of two pages) fetched the four others.
    expect(pagesAsked(proxy.paths)).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 });
    const jobs = await pageJobsByCatalog(redis.url);
    expect(jobs.get('clean')).toEqual({
      jobs: 3,
      pages: [0, 1, 2, 3, 4],
      validated: 5,
      reused: 0,
      kept: 0,
      fetched: 4,
      fetchJobs: 3,
    });
    // Page 3 failed after its retry (twice 503), as in one process: the report says so.
    const report = JSON.parse(await readFile(path.join(out, 'faulty', 'report.json'), 'utf8')) as {
      harvest: { complete: boolean; missingPages: { url: string; error: string }[] };
    };
    expect(report.harvest.complete).toBe(false);
    expect(report.harvest.missingPages).toEqual([
      {
        url: `${faulty.url}/api/1/site/catalog.ttl?page=3&page_size=5`,
        error: 'HTTP 503 after 2 attempt(s)',
      },
    ]);
    expect(pagesAsked(faultyLog.map((r) => `/api/1/site/catalog?page=${r.page}`))).toEqual({
      1: 1,
      2: 2,
      3: 2,
      4: 1,
      5: 1,
      6: 1,
    });
    // The 429's Retry-After was waited for before page 2 was asked again.
    const [first429, retried] = faultyLog.filter((r) => r.page === 2);
    expect(retried!.at - first429!.at).toBeGreaterThanOrEqual(950);
    // Pages 4–6 moved one place up when page 3 failed: validated again by page jobs of their own.
    expect(jobs.get('faulty')).toMatchObject({ fetched: 5, fetchJobs: 3, jobs: 5 });
    // Paged by next links: harvested by the catalog job, validated by page jobs.
    expect(pagesAsked(next.requests.map((r) => r.url))).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1 });
    expect(jobs.get('next')).toMatchObject({ jobs: 2, fetchJobs: 0, pages: [0, 1, 2, 3] });
    // Page 3 split in halves (pages 5 and 6 of 3 datasets): the page job fetched them, and as
    // they move page 4 one place down, both and page 4 were validated again.
    const manifest = JSON.parse(
      await readFile(path.join(out, 'split', 'harvest', 'manifest.json'), 'utf8'),
    ) as HarvestManifest;
    expect(manifest.pages.map((p) => p.id)).toEqual([
      '000001',
      '000002',
      '000003',
      '000003-1',
      '000003-2',
      '000004',
    ]);
    expect(manifest.state).toBe('complete');
    expect(jobs.get('split')).toMatchObject({ fetchJobs: 2, fetched: 3, jobs: 4 });
    const files = await readdir(path.join(out, 'next', 'page-results'));
    expect(files).not.toContain('plan.json');
    expect((await readdir(path.join(out, 'clean', 'page-results'))).sort()).toEqual([
      '000000.v8',
      '000001.v8',
      '000002.v8',
      '000003.v8',
      '000004.v8',
      'pages.json',
      'plan.json',
    ]);
  }, 300_000);

  it('a fetching page job run again fetches nothing and keeps its pages', async () => {
    const out = path.join(dir, 'q');
    const page = path.join(out, 'clean', 'harvest', 'pages', '000003.ttl');
    const before = await readFile(page);
    proxy.reset();
    const again = await runPageJob(
      { entry: entries[0]!, out, from: 2, to: 4, fetch: true, workers: 1 },
      {},
    );
    expect(again).toEqual({ validated: 0, reused: 0, kept: 2, fetched: 0 });
    expect(proxy.paths).toEqual([]);
    expect(await readFile(page)).toEqual(before);
  }, 120_000);

  it('resumed, fetches only the pages that are not in the folder', async () => {
    const out = path.join(dir, 'q');
    const catalog = path.join(out, 'clean');
    // As if the run had stopped before the harvest was finished, page 4's body lost.
    for (const file of [CATALOG_ROW_FILE, 'report.json', 'page-results/pages.json'])
      await rm(path.join(catalog, file));
    await rm(path.join(catalog, 'harvest', 'pages', '000004.ttl'));
    await rm(path.join(catalog, 'page-results', '000003.v8'));
    await cleanQueue(url(), { all: true });
    proxy.reset();
    await runQueued(entries, { queue: url(), out, pageBatch: 2, resume: true });
    expect(pagesAsked(proxy.paths)).toEqual({ 4: 1 });
    expect(await canonical(out, 'clean')).toEqual(
      await canonical(path.join(dir, 'local'), 'clean'),
    );
    expect(await manifestOf(out, 'clean')).toEqual(
      await manifestOf(path.join(dir, 'local'), 'clean'),
    );
    expect((await pageJobsByCatalog(redis.url)).get('clean')).toMatchObject({
      fetched: 1,
      kept: 4,
      validated: 1,
    });
  }, 300_000);
});
