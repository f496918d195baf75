// `audit <folder>` judges and measures pages on worker threads (`--workers auto`): its report
// equals the one of the main thread (`--workers 0`), malformed statements skipped alike.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { cli } from '../helpers/cli.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'audit-pooled-'));
  await mkdir(path.join(dir, 'pages'));
  const portal = await startSamplePortal({ datasets: 250, seed: 3 });
  try {
    await Promise.all(
      [1, 2, 3].map(async (page) => {
        const url = `${portal.url}/api/1/site/catalog.ttl?page=${page}&page_size=100`;
        let text = await (await fetch(url)).text();
        // One broken statement on page 2: skipped with a warning, its page kept.
        if (page === 2) text += '\n<http://ex.org/broken> <http://ex.org/p> "unterminated .\n';
        await writeFile(path.join(dir, 'pages', `page-${page}.ttl`), text);
      }),
    );
  } finally {
    await portal.close();
  }
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('audit on worker threads', () => {
  it('gives the report of the main thread, and names the page with a skipped statement', async () => {
    const report = async (workers: string) => {
      const file = path.join(dir, `audit-${workers}.json`);
      const run = await cli([
        'audit',
        path.join(dir, 'pages'),
        '--workers',
        workers,
        '--report',
        `json:${file}`,
      ]);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/page-2\.ttl: 1 malformed statements? skipped/);
      return JSON.parse(await readFile(file, 'utf8')) as {
        datasets: { id: string; score: number }[];
        catalog: { score: number; datasets: number };
      };
    };
    const pooled = await report('2');
    const here = await report('0');
    expect(pooled.catalog.datasets).toBe(250);
    expect(pooled.datasets.map((d) => d.id).sort()).toEqual(here.datasets.map((d) => d.id).sort());
    expect(pooled).toEqual(here);
  }, 120_000);
});
