import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { cli } from '../helpers/cli.js';
import type { TestServer } from './server.js';
import { pageTurtle, startTinyPortal } from './tiny-portal.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('harvest command', () => {
  it('harvests a portal, prints a summary and exits 0', async () => {
    server = await startTinyPortal({ datasets: 25 });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'harvest-cli-'));
    const result = await cli(
      ['harvest', server.url, '-o', 'out', '--page-size', '10', '--concurrency', '2'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/harvest complete: 3 pages stored in out \(3 announced\)/);
    expect(result.stderr).toMatch(
      /datasets: 25 unique of 25 seen, 0 duplicates across pages; the portal announces 25/,
    );
    const manifest = JSON.parse(await readFile(path.join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.options).toMatchObject({ concurrency: 2, pageSize: 10, format: 'turtle' });
  });

  it('warns, and still exits 0, when every page came but fewer datasets than announced', async () => {
    server = await startTinyPortal({
      datasets: 25,
      fault: (url, res) => {
        if (url.searchParams.get('page') !== '3') return false;
        // Page 3 repeats dataset 0 where dataset 20 should be: 24 unique of 25 announced.
        const body = pageTurtle(server!.url, 3, 10, 25, { datasets: 25 })
          .replace('/datasets/20>', '/datasets/0>')
          .replace('"id-20"', '"id-0"');
        res.writeHead(200, { 'content-type': 'text/turtle' }).end(body);
        return true;
      },
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'harvest-cli-'));
    const result = await cli(['harvest', server.url, '-o', 'out', '--page-size', '10'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/datasets: 24 unique of 25 seen, 1 duplicates across pages/);
    expect(result.stderr).toMatch(
      /every page was stored but 1 of the 25 datasets the portal announces did not come back \(1 seen twice\)/,
    );
  });

  it('exits 3 and lists the missing page, then --resume completes it', async () => {
    let broken = true;
    server = await startTinyPortal({
      datasets: 25,
      fault: (url, res) => {
        if (broken && url.searchParams.get('page') === '2') {
          res.writeHead(503).end();
          return true;
        }
        return false;
      },
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'harvest-cli-'));
    const args = ['harvest', server.url, '-o', 'out', '--page-size', '10', '--retries', '0'];
    const first = await cli(args, { cwd: dir });
    expect(first.code).toBe(3);
    expect(first.stderr).toMatch(/missing page: .*page=2&page_size=10/);
    expect(first.stderr).toMatch(/--resume/);
    broken = false;
    const again = await cli([...args, '--resume'], { cwd: dir });
    expect(again.code).toBe(0);
  });

  it('warns when the catalog changed during the walk (sample portal drift)', async () => {
    const portal = await startSamplePortal({ datasets: 250, seed: 3, faults: 'drift=p3' });
    try {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'harvest-cli-'));
      const result = await cli(['harvest', portal.url, '-o', 'out'], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/datasets: 250 unique of 251 seen, 1 duplicates across pages/);
      expect(result.stderr).toMatch(
        /the catalog changed during the walk \(hydra:totalItems 250 from page 000001, 251 from page 000003\)/,
      );
    } finally {
      await portal.close();
    }
  });

  it('refuses a format udata cannot serve', async () => {
    const result = await cli(['harvest', 'https://portal.invalid', '--format', 'nquads']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/udata cannot serve/);
  });
});
