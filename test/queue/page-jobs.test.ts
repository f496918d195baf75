// A queued run's page-batch jobs: a job run twice writes the same files, a resumed run keeps the stored page results, `--since` carries unchanged pages' results over; every report equals the in-process one.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/catalogs/catalog-options.js';
import { CATALOG_ROW_FILE } from '../../src/catalogs/run-catalog.js';
import { runCatalogs } from '../../src/catalogs/run-catalogs.js';
import { harvest } from '../../src/fetch/harvest.js';
import { sha256 } from '../../src/fetch/harvest-folder.js';
import { MANIFEST_FILE } from '../../src/fetch/manifest.js';
import { parseQueueUrl } from '../../src/queue/connection.js';
import { runPageJob } from '../../src/queue/page-job.js';
import { readPagesRecord } from '../../src/queue/page-results.js';
import { cleanQueue } from '../../src/queue/status.js';
import { runQueued } from '../../src/queue/submit.js';
import { startWorker, type RunningWorker } from '../../src/queue/worker.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { pageJobsByCatalog, pageResultFiles } from '../helpers/page-jobs.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

/** A report.json without what differs between two runs of the same data: times and the run folder. */
async function canonical(run: string, id: string): Promise<unknown> {
  const text = await readFile(path.join(run, id, 'report.json'), 'utf8');
  const report = JSON.parse(text.replaceAll(run, 'RUN')) as { run: Record<string, unknown> };
  const { startedAt: _s, finishedAt: _f, durations: _d, ...rest } = report.run;
  return { ...report, run: rest };
}

/** Every page result file of a catalog folder, by name. */
async function bytesOf(dir: string): Promise<Map<string, Buffer>> {
  const { files } = await pageResultFiles(dir);
  const out = new Map<string, Buffer>();
  for (const name of files) out.set(name, await readFile(path.join(dir, 'page-results', name)));
  return out;
}

describe('page-batch jobs', () => {
  let redis: TestRedis;
  let dir: string;
  let worker: RunningWorker;
  let entries: CatalogEntry[];
  const url = () => parseQueueUrl(redis.url);

  beforeAll(async () => {
    redis = await startRedis();
    dir = await mkdtemp(path.join(tmpdir(), 'dh-queue-pages-'));
    // A harvest folder as the catalog's source: its pages can be changed one at a time.
    const portal = await startSamplePortal({ datasets: 30, seed: 41 });
    try {
      await harvest(portal.url, { out: path.join(dir, 'source'), pageSize: 5 });
    } finally {
      await portal.close();
    }
    entries = [{ id: 'f', source: path.join(dir, 'source'), options: {} }];
    worker = await startWorker({ queue: url(), workers: 1 });
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await redis?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('validates each page once, in page jobs, to the in-process report; a job run again writes the same files', async () => {
    await runCatalogs(entries, { out: path.join(dir, 'local'), workers: 1 });
    const out = path.join(dir, 'q1');
    await runQueued(entries, { queue: url(), out, pageBatch: 2 });
    expect(await canonical(out, 'f')).toEqual(await canonical(path.join(dir, 'local'), 'f'));
    const jobs = (await pageJobsByCatalog(redis.url)).get('f');
    expect(jobs).toEqual({
      jobs: 3,
      pages: [0, 1, 2, 3, 4, 5],
      validated: 6,
      reused: 0,
      kept: 0,
      fetched: 0,
      fetchJobs: 0,
    });
    const before = await bytesOf(path.join(out, 'f'));
    expect([...before.keys()]).toHaveLength(6);
    // The job of pages 2–3 again, page 3's result lost meanwhile: same bytes, page 2 kept.
    await rm(path.join(out, 'f', 'page-results', '000003.v8'));
    const again = await runPageJob({ entry: entries[0]!, out, from: 2, to: 4, workers: 1 }, {});
    expect(again).toEqual({ validated: 1, reused: 0, kept: 1 });
    // The same content (V8's serializer may still write a number or string another way).
    const after = await bytesOf(path.join(out, 'f'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of after)
      expect(deserialize(bytes)).toEqual(deserialize(before.get(name)!));
  }, 300_000);

  it('resumed, keeps the stored page results and validates nothing again', async () => {
    const out = path.join(dir, 'q1');
    await rm(path.join(out, 'f', CATALOG_ROW_FILE));
    await rm(path.join(out, 'f', 'report.json'));
    // Redis lost the run (as after a restart without persistence): resume it from the folder.
    await cleanQueue(url(), { all: true });
    await runQueued(entries, { queue: url(), out, pageBatch: 2, resume: true });
    const jobs = (await pageJobsByCatalog(redis.url)).get('f');
    expect(jobs).toMatchObject({ jobs: 3, validated: 0, reused: 0, kept: 6 });
    expect(await canonical(out, 'f')).toEqual(await canonical(path.join(dir, 'local'), 'f'));
  }, 300_000);

  it('with --since, carries unchanged pages over and validates the changed one: the report of a full run', async () => {
    const record = await readPagesRecord(path.join(dir, 'q1', 'f'));
    expect(record?.pages).toBe(6);
    // One page changes: a dataset gains a title in another language.
    const page = await readFile(record!.inputs[3]!, 'utf8');
    const dataset = /<(https?:[^>]+\/datasets\/[^>]+)>/.exec(page)?.[1];
    expect(dataset).toBeDefined();
    const changed = record!.inputs[3]!;
    await appendFile(
      changed,
      `\n<${dataset}> <http://www.w3.org/ns/dcat#landingPage> "not a page" .\n`,
    );
    // The harvest folder's manifest vouches for its pages' bytes: as a new harvest would, it says so.
    const manifestFile = path.join(dir, 'source', MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
      pages: { file?: string; sha256?: string; bytes?: number }[];
    };
    const bytes = await readFile(changed);
    const entry = manifest.pages.find((p) => p.file && changed.endsWith(p.file));
    expect(entry).toBeDefined();
    Object.assign(entry!, { sha256: sha256(bytes), bytes: bytes.length });
    await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
    await cleanQueue(url(), { all: true });
    const out = path.join(dir, 'q2');
    const { overview } = await runQueued(entries, {
      queue: url(),
      out,
      since: path.join(dir, 'q1'),
      pageBatch: 4,
    });
    const jobs = (await pageJobsByCatalog(redis.url)).get('f');
    expect(jobs).toMatchObject({ jobs: 2, validated: 1, reused: 5, kept: 0 });
    expect(overview.catalogs[0]?.incremental).toMatchObject({ pages: 6, reused: false });
    await runCatalogs(entries, { out: path.join(dir, 'local2'), workers: 1 });
    expect(await canonical(out, 'f')).toEqual(await canonical(path.join(dir, 'local2'), 'f'));
    expect(await canonical(out, 'f')).not.toEqual(await canonical(path.join(dir, 'local'), 'f'));
  }, 300_000);
});
