// Redis restarted without persistence mid-run: `run --queue` says the jobs are lost, and `run --resume --queue` finishes the run to the in-process report.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/catalogs/catalog-options.js';
import type { Overview } from '../../src/catalogs/overview-model.js';
import { CATALOG_ROW_FILE } from '../../src/catalogs/run-catalog.js';
import { runCatalogs } from '../../src/catalogs/run-catalogs.js';
import { parseQueueUrl } from '../../src/queue/connection.js';
import { runQueued } from '../../src/queue/submit.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { cli } from '../helpers/cli.js';
import { pageResultFiles } from '../helpers/page-jobs.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { workerProcess, type WorkerProcess } from '../helpers/worker-process.js';

/** A report.json without what differs between two runs of the same data: times and the run folder. */
async function canonical(dir: string, id: string): Promise<unknown> {
  const text = await readFile(path.join(dir, id, 'report.json'), 'utf8');
  const report = JSON.parse(text.replaceAll(dir, 'RUN')) as { run: Record<string, unknown> };
  const { startedAt: _s, finishedAt: _f, durations: _d, ...run } = report.run;
  return { ...report, run };
}

const rows = (o: Overview) => o.catalogs.map(({ durationMs: _d, ...row }) => row);

const until = async (test: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('a queued run whose Redis restarted without persistence', () => {
  let redis: TestRedis;
  let dir: string;
  let portal: Awaited<ReturnType<typeof startSamplePortal>>;
  let entries: CatalogEntry[];

  beforeAll(async () => {
    redis = await startRedis();
    dir = await mkdtemp(path.join(tmpdir(), 'dh-queue-resume-'));
    // Slow pages: catalogs are still running when Redis goes down.
    portal = await startSamplePortal({ datasets: 30, seed: 71, faults: 'latency=150' });
    const options = { 'page-size': 5 };
    entries = [
      { id: 'hvd', source: portal.url, options: { ...options, badge: 'hvd' } },
      { id: 'all', source: portal.url, options },
      { id: 'tagged', source: portal.url, options: { ...options, q: 'data' } },
    ];
    const yaml = entries
      .map(
        (e) =>
          `  - id: ${e.id}\n    source: ${e.source}\n${e.options.badge ? `    badge: hvd\n` : ''}${e.options.q ? `    q: data\n` : ''}`,
      )
      .join('');
    await writeFile(
      path.join(dir, 'catalogs.yaml'),
      `defaults:\n  page-size: 5\ncatalogs:\n${yaml}`,
    );
  });

  afterAll(async () => {
    await portal.close();
    await redis.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('resumes from the folder to the report of an uninterrupted run', async () => {
    const local = await runCatalogs(entries, { out: path.join(dir, 'local'), workers: 1 });
    const out = path.join(dir, 'queued');
    const workers: WorkerProcess[] = [];
    try {
      workers.push(workerProcess(redis.url, ['--lock', '4']));
      const queued = runQueued(entries, {
        queue: parseQueueUrl(redis.url),
        out,
        checkMs: 300,
      });
      queued.catch(() => {});
      // One catalog done, the others still running: Redis goes down and comes back empty.
      await until(() => existsSync(path.join(out, 'hvd', CATALOG_ROW_FILE)), 120_000);
      expect(existsSync(path.join(out, 'all', CATALOG_ROW_FILE))).toBe(false);
      await redis.stop();
      await redis.start();
      await expect(queued).rejects.toMatchObject({ code: 'DH_QUEUE_LOST' });
      // The worker stops the job the queue lost as soon as Redis is back (a step of a catalog job,
      // or one of its page jobs).
      await until(() => / cancelled: the queue lost it/.test(workers[0]!.log()), 10_000);
      workers.push(workerProcess(redis.url, ['--lock', '4']));
      const resumed = await cli(
        ['run', '--catalogs', 'catalogs.yaml', '-o', out, '--queue', redis.url, '--resume'],
        { cwd: dir },
      );
      expect(resumed.code, resumed.stderr).toBe(local.overview.exitCode);
      expect(resumed.stderr).toMatch(/sent [12] catalogs to .* \([12] already done\)/);
      const overview = JSON.parse(
        await readFile(path.join(out, 'report.json'), 'utf8'),
      ) as Overview;
      expect(rows(overview)).toEqual(rows(local.overview));
      expect(overview.counts).toEqual(local.overview.counts);
      expect(overview.duplicates).toEqual(local.overview.duplicates);
      for (const { id } of entries) {
        expect(await canonical(out, id)).toEqual(await canonical(path.join(dir, 'local'), id));
        // Its pages were validated in page jobs: one result file per page.
        const { files, pages } = await pageResultFiles(path.join(out, id));
        expect(pages).toBeGreaterThan(0);
        expect(files).toHaveLength(pages ?? -1);
      }
      // A second resume finds the run finished in the queue and just waits for (reads) it.
      const again = await cli(
        ['run', '--catalogs', 'catalogs.yaml', '-o', out, '--queue', redis.url, '--resume'],
        { cwd: dir },
      );
      expect(again.code, again.stderr).toBe(local.overview.exitCode);
      expect(again.stderr).toContain("still has this run's jobs");
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  }, 300_000);

  it('refuses --resume on a folder no queued run wrote, and without --queue', async () => {
    const none = await cli(
      ['run', '--catalogs', 'catalogs.yaml', '-o', 'elsewhere', '--queue', redis.url, '--resume'],
      { cwd: dir },
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('holds no queued run');
    const local = await cli(['run', '--catalogs', 'catalogs.yaml', '-o', 'x', '--resume'], {
      cwd: dir,
    });
    expect(local.code).toBe(2);
    expect(local.stderr).toContain('--resume with several catalogs works with --queue');
  });
});
