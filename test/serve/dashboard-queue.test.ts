// serve --queue: schedules as BullMQ job schedulers in a real redis-server, runs done by a worker, recorded by the server.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/history/model.js';
import { parseQueueUrl } from '../../src/queue/connection.js';
import { startWorker, type RunningWorker } from '../../src/queue/worker.js';
import { SCHEDULE_QUEUE } from '../../src/schedule/queue-schedules.js';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { startServer, type Started } from './serve-helper.js';

describe('serve --queue', () => {
  let redis: TestRedis;
  let worker: RunningWorker;
  let portal: SamplePortal;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    redis = await startRedis();
    dir = await mkdtemp(path.join(tmpdir(), 'dh-dashboard-queue-'));
    portal = await startSamplePortal({ datasets: 30, seed: 4 });
    file = path.join(dir, 'catalogs.yaml');
    await writeFile(
      file,
      `catalogs:
  - id: hourly
    source: ${portal.url}
    page-size: 10
    every: 1h
  - id: nightly
    source: ${portal.url}
    cron: "30 2 * * *"
`,
    );
    worker = await startWorker({ queue: parseQueueUrl(redis.url), workers: 1 });
  });
  afterAll(async () => {
    await worker?.close();
    await portal?.close();
    await redis?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const open = async (): Promise<{ s: Started; runs: RunSummary[] }> => {
    const runs: RunSummary[] = [];
    const s = await startServer({
      dataDir: path.join(dir, 'data'),
      catalogsFile: file,
      queue: parseQueueUrl(redis.url),
      onRun: (run) => runs.push(run),
    });
    return { s, runs };
  };

  it('keeps each schedule in Redis, and records the run a worker did on the first tick', async () => {
    const { s, runs } = await open();
    try {
      while (!runs.some((r) => r.status === 'done' || r.status === 'failed'))
        await new Promise((resolve) => setTimeout(resolve, 100));
      const run = runs.find((r) => r.status === 'done');
      expect(run).toMatchObject({ catalog: 'hourly', trigger: 'schedule', datasets: 30 });
      const connection = new Redis(redis.port, '127.0.0.1', { maxRetriesPerRequest: null });
      const queue = new Queue(SCHEDULE_QUEUE, { connection });
      const schedulers = await queue.getJobSchedulers();
      await queue.close();
      connection.disconnect();
      expect(schedulers.map((j) => [j.key, j.every ?? null, j.pattern ?? null]).sort()).toEqual([
        ['catalog:hourly', 3_600_000, null],
        ['catalog:nightly', null, '30 2 * * *'],
      ]);
      const view = await s.server.dashboard.view('nightly');
      expect(new Date(view?.nextRunAt as string).getMinutes()).toBe(30);
      const hourly = await s.server.dashboard.view('hourly');
      expect(Date.parse(hourly?.nextRunAt as string)).toBeGreaterThan(Date.now());
    } finally {
      await s.server.dashboard.runner.idle();
      await s.server.close();
    }
  });

  it('leaves unchanged schedules alone on a restart: no second run', async () => {
    const { s, runs } = await open();
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(runs).toEqual([]);
      expect(s.server.dashboard.store.latestRun('hourly')?.status).toBe('done');
    } finally {
      await s.server.close();
    }
  });
});
