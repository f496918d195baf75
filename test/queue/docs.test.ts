// docs/queue.md's example, run: two worker commands, run --queue, queue status and clean, on a real redis-server.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../src/catalogs/overview-model.js';
import { runCli } from '../../src/cli/run.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { cli } from '../helpers/cli.js';
import { pageJobsByCatalog } from '../helpers/page-jobs.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

const DOC = path.resolve('docs/queue.md');

describe('docs/queue.md', () => {
  let redis: TestRedis;
  let cwd: string;
  let portal: Awaited<ReturnType<typeof startSamplePortal>>;

  beforeAll(async () => {
    redis = await startRedis();
    cwd = await mkdtemp(path.join(tmpdir(), 'dh-docs-queue-'));
    portal = await startSamplePortal({ datasets: 30, seed: 41 });
    await writeFile(
      path.join(cwd, 'catalogs.yaml'),
      `defaults:\n  page-size: 10\ncatalogs:\n  - id: all\n    source: ${portal.url}\n  - id: hvd\n    source: ${portal.url}\n    badge: hvd\n`,
    );
  });

  afterAll(async () => {
    await portal.close();
    await redis.dispose();
    await rm(cwd, { recursive: true, force: true });
  });

  it('runs the example: workers, run --queue, status and clean', async () => {
    const text = await readFile(DOC, 'utf8');
    const block = /```console\n([\s\S]*?)```/.exec(text)?.[1] as string;
    const lines = block
      .split('\n')
      .filter((l) => l.startsWith('$ dcat-harvest '))
      .map((l) =>
        l
          .slice('$ dcat-harvest '.length)
          .replace(/ &$/, '')
          .replaceAll('redis://127.0.0.1:6379/0', redis.url)
          .replaceAll('/shared/runs/monday', path.join(cwd, 'runs', 'monday'))
          .split(' '),
      );
    expect(lines.map((argv) => argv.slice(0, 2).join(' '))).toEqual([
      'worker --queue',
      'worker --queue',
      'run --catalogs',
      'queue status',
      'queue clean',
    ]);
    const stop = new AbortController();
    const workers = lines
      .filter((argv) => argv[0] === 'worker')
      .map((argv) => {
        const sink = new PassThrough().resume();
        return runCli(
          [...argv, '--workers', '1'],
          {
            stdout: sink,
            stderr: sink,
            stdin: Readable.from([]),
            env: {},
            cwd,
          },
          stop.signal,
        );
      });
    try {
      const [run, status, clean] = lines.slice(2) as [string[], string[], string[]];
      const result = await cli(run, { cwd });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/\[all\] 30 datasets: score \d+\/405/);
      const overview = JSON.parse(
        await readFile(path.join(cwd, 'runs', 'monday', 'report.json'), 'utf8'),
      ) as Overview;
      expect(overview.catalogs.map((c) => c.status)).toEqual(['ok', 'ok']);
      // Two catalog jobs, the overview, and one page job per catalog (3 pages and fewer: one batch).
      const pageJobs = await pageJobsByCatalog(redis.url);
      expect([...pageJobs.values()].map((j) => j.jobs)).toEqual([1, 1]);
      const shown = await cli(status, { cwd });
      expect(shown.stdout).toMatch(/^completed\s+5$/m);
      expect((await cli(clean, { cwd })).stderr).toContain('5 jobs removed');
    } finally {
      stop.abort();
    }
    expect(await Promise.all(workers)).toEqual([0, 0]);
  }, 300_000);
});
