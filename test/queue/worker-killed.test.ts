// A worker process killed with SIGKILL mid-job: its job goes to another worker, and the report is the in-process one.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/catalogs/catalog-options.js';
import type { Overview } from '../../src/catalogs/overview-model.js';
import { runCatalogs } from '../../src/catalogs/run-catalogs.js';
import { parseQueueUrl } from '../../src/queue/connection.js';
import { queueStatus } from '../../src/queue/status.js';
import { runQueued } from '../../src/queue/submit.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { pageJobsByCatalog, pageResultFiles } from '../helpers/page-jobs.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

const MAIN = path.resolve('src/cli/main.ts');

/** `dcat-harvest worker` in a child process; resolves once it has taken its first job. */
function workerProcess(url: string): {
  child: ChildProcess;
  firstJob: Promise<string>;
  log: () => string;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, 'worker', '--queue', url, '--workers', '1', '--lock', '4'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let text = '';
  const firstJob = new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const m = /\[worker\] catalog (\S+) active/.exec(text);
      if (m) resolve(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${text}`)));
  });
  return { child, firstJob, log: () => text };
}

const rows = (o: Overview) => o.catalogs.map(({ durationMs: _d, ...row }) => row);

describe('a worker killed with SIGKILL', () => {
  let redis: TestRedis;
  let dir: string;
  let portal: Awaited<ReturnType<typeof startSamplePortal>>;

  beforeAll(async () => {
    redis = await startRedis();
    dir = await mkdtemp(path.join(tmpdir(), 'dh-queue-kill-'));
    // Slow pages: the first worker is still harvesting when it is killed.
    portal = await startSamplePortal({ datasets: 40, seed: 51, faults: 'latency=400' });
  });

  afterAll(async () => {
    await portal.close();
    await redis.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('hands its job to another worker: the report equals the in-process one, each catalog once', async () => {
    const entries: CatalogEntry[] = [
      { id: 'all', source: portal.url, options: { 'page-size': 10 } },
      { id: 'hvd', source: portal.url, options: { 'page-size': 10, badge: 'hvd' } },
    ];
    const local = await runCatalogs(entries, { out: path.join(dir, 'local'), workers: 1 });
    const doomed = workerProcess(redis.url);
    const queued = runQueued(entries, {
      queue: parseQueueUrl(redis.url),
      out: path.join(dir, 'queued'),
      pageBatch: 1,
    });
    let survivor: ReturnType<typeof workerProcess> | undefined;
    try {
      const taken = await doomed.firstJob;
      expect(taken).toMatch(/-(all|hvd)$/);
      doomed.child.kill('SIGKILL');
      survivor = workerProcess(redis.url);
      const { overview } = await queued;
      expect(rows(overview)).toEqual(rows(local.overview));
      expect(overview.catalogs.map((c) => c.id)).toEqual(['all', 'hvd']);
      // The killed worker's job was done again, by the survivor, once.
      const done = survivor.log().match(new RegExp(`catalog ${taken} completed`, 'g'));
      expect(done).toHaveLength(1);
      for (const id of ['all', 'hvd']) {
        const read = async (run: string) =>
          JSON.parse(
            (await readFile(path.join(dir, run, id, 'report.json'), 'utf8')).replaceAll(
              path.join(dir, run),
              'RUN',
            ),
          ) as {
            run: Record<string, unknown>;
            datasets: unknown[];
            validation: unknown;
          };
        const [a, b] = [await read('local'), await read('queued')];
        expect(b.datasets).toEqual(a.datasets);
        expect(b.validation).toEqual(a.validation);
      }
      // Every page went through a page job of its own and was validated once.
      const pageJobs = await pageJobsByCatalog(redis.url);
      let batches = 0;
      for (const id of ['all', 'hvd']) {
        const { files, pages } = await pageResultFiles(path.join(dir, 'queued', id));
        expect(pages).toBeGreaterThan(0);
        expect(files).toHaveLength(pages ?? -1);
        const jobs = pageJobs.get(id);
        expect(jobs?.pages).toEqual([...Array(pages).keys()]);
        expect(jobs).toMatchObject({ jobs: pages, validated: pages, reused: 0, kept: 0 });
        batches += jobs?.jobs ?? 0;
      }
      expect(await queueStatus(parseQueueUrl(redis.url))).toMatchObject({
        completed: 3 + batches,
        failed: 0,
        active: 0,
      });
    } finally {
      doomed.child.kill('SIGKILL');
      survivor?.child.kill('SIGTERM');
    }
  }, 300_000);
});
