// docs/dashboard.md's examples, run: its catalogs file and serve command (in-process), then its curl commands against that server.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import { startServeCli } from '../helpers/serve-cli.js';

const run = promisify(execFile);
const DOC = path.resolve('docs/dashboard.md');

async function blocks(file: string, lang: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** Starts a `$ [ENV=value] dcat-harvest serve …` line in-process on port 0; resolves its address. */
async function serve(line: string, cwd: string, signal: AbortSignal) {
  const words = line.replace(/^\$ /, '').split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0]!)) {
    const [name, value] = words.shift()!.split('=') as [string, string];
    env[name] = value;
  }
  expect(words.slice(0, 2)).toEqual(['dcat-harvest', 'serve']);
  return startServeCli([...words.slice(1), '--port', '0'], { signal, env, cwd });
}

describe('docs/dashboard.md', () => {
  let dir: string;
  let portal: SamplePortal;
  let base: string;
  let exit: Promise<number>;
  const stop = new AbortController();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dh-docs-dashboard-'));
    const [start] = await blocks(DOC, 'console');
    const [portalLine, serveLine] = start!.trim().split('\n') as [string, string];
    const datasets = Number(/--datasets (\d+)/.exec(portalLine)?.[1]);
    expect(datasets).toBe(100);
    portal = await startSamplePortal({ datasets, seed: 1 });
    const [yaml] = await blocks(DOC, 'yaml');
    await writeFile(
      path.join(dir, 'catalogs.yaml'),
      yaml!.replaceAll('http://127.0.0.1:8081', portal.url),
    );
    ({ base, exit } = await serve(serveLine, dir, stop.signal));
  });
  afterAll(async () => {
    stop.abort(new Error('test over'));
    expect(await exit).toBe(0);
    await portal?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs its curl commands against the server its command started', async () => {
    // The catalog on `every: 24h` runs as the server starts: wait for it, as a reader would.
    for (;;) {
      const r = await fetch(`${base}/api/runs/1`);
      if (r.status === 200 && /"status":"(done|failed)"/.test(await r.text())) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [, curls] = await blocks(DOC, 'console');
    const commands = curls!
      .trim()
      .split('\n')
      .map((line) =>
        line
          .slice(2)
          .replaceAll('http://127.0.0.1:8080', base)
          .replaceAll('http://127.0.0.1:8081', portal.url),
      );
    expect(commands).toHaveLength(6);
    const out: unknown[] = [];
    for (const command of commands)
      out.push(JSON.parse((await run('sh', ['-c', command], { cwd: dir })).stdout));
    const [catalogs, queued, status, history, publishers, added] = out as [
      { id: string; latest?: { status: string } }[],
      { id: number; status: string; catalog: string },
      { id: number; status: string },
      { runs: { id: number; status: string; datasets: number }[] },
      { run: number; publishers: unknown[] },
      { id: string; origin: string; schedule: object; options: object },
    ];
    expect(catalogs.map((c) => c.id)).toEqual(['portal', 'portal-hvd']);
    expect(catalogs[0]?.latest?.status).toBe('done');
    expect(queued).toMatchObject({ id: 2, catalog: 'portal-hvd' });
    expect(['queued', 'running']).toContain(queued.status);
    expect(status.id).toBe(2);
    expect(history.runs).toMatchObject([{ id: 1, status: 'done', datasets: 100 }]);
    expect(publishers.run).toBe(1);
    expect(publishers.publishers.length).toBeGreaterThan(0);
    expect(added).toMatchObject({
      id: 'weekly',
      origin: 'api',
      schedule: { cron: '0 2 * * 0' },
      options: { profile: 'dcat-ap-2' },
    });
    // Run 2 ends before the server stops (so its folder is whole).
    for (;;) {
      const r = (await (await fetch(`${base}/api/runs/2`)).json()) as { status: string };
      if (r.status === 'done' || r.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  it("starts the command page's dashboard example", async () => {
    const page = await readFile(path.resolve('docs/commands/serve.md'), 'utf8');
    const line = page
      .split('\n')
      .find((l) => /^\$ DCAT_HARVEST_ADMIN_KEY=\S+ dcat-harvest serve/.test(l));
    expect(line).toBeDefined();
    const controller = new AbortController();
    const started = await serve(line!, dir, controller.signal);
    const catalogs = (await (await fetch(`${started.base}/api/catalogs`)).json()) as {
      id: string;
    }[];
    expect(catalogs.map((c) => c.id)).toContain('portal');
    controller.abort(new Error('test over'));
    expect(await started.exit).toBe(0);
  });
});
