// Benchmark: `run --catalogs` over N sample portals (issue 18), then the same run with --since.
//   npm run build && npx tsx bench/catalogs.ts [--catalogs 10] [--datasets 2000] [--workers 2]
//     [--catalog-concurrency 2] [--out bench/output/catalogs] [--limit-mb 6000] [--limit-min 60]
// 1. N `dcat-harvest sample-portal --datasets D --seed i` child processes (seeds 1..N);
// 2. a catalogs file with one entry per portal; `/usr/bin/time -v node dist/cli/main.js run
//    --catalogs FILE -o OUT/full`: wall time, peak RSS of the run process (all threads), each
//    catalog's own duration from the overview;
// 3. the same with `--since OUT/full` into OUT/since (nothing changed: every catalog is reused).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Overview } from '../src/catalogs/overview-model.js';
import { log, step } from './measure.js';

const args = process.argv.slice(2);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const catalogs = Number(value('catalogs', '10'));
const datasets = Number(value('datasets', '2000'));
const workers = value('workers', '2');
const concurrency = value('catalog-concurrency', '2');
const out = path.resolve(value('out', `bench/output/catalogs-${catalogs}x${datasets}`));
const limits = {
  limitMB: Number(value('limit-mb', '6000')),
  limitMs: Number(value('limit-min', '60')) * 60_000,
  everyMs: 500,
};
const cli = path.resolve('dist/cli/main.js');
if (!existsSync(cli)) throw new Error('build first: npm run build');

/** Starts one sample portal with its own seed; resolves with its URL. */
async function portal(seed: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [cli, 'sample-portal', '--datasets', String(datasets), '--seed', String(seed)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`portal exited with ${code}`)));
  });
  return { child, url };
}

async function summary(folder: string): Promise<void> {
  const overview = JSON.parse(await readFile(path.join(folder, 'report.json'), 'utf8')) as Overview;
  for (const row of overview.catalogs) {
    log(
      `  ${row.id}: ${row.status}, ${row.datasets ?? 0} datasets, ${(row.durationMs / 1000).toFixed(1)} s${row.incremental ? `, reused ${row.incremental.reused}` : ''}`,
    );
  }
  const c = overview.counts;
  log(
    `  overview: ${c.catalogs} catalogs, ${c.datasets} datasets, ${overview.duplicates.groups} duplicate groups, exit ${overview.exitCode}, ${(overview.run.durationMs / 1000).toFixed(1)} s`,
  );
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const portals = await Promise.all(Array.from({ length: catalogs }, (_, i) => portal(i + 1)));
log(`${catalogs} portals × ${datasets} datasets: ${portals.map((p) => p.url).join(' ')}`);
const file = path.join(out, 'catalogs.json');
await writeFile(
  file,
  JSON.stringify({
    catalogs: portals.map((p, i) => ({ id: `portal-${i + 1}`, source: p.url })),
  }),
);
const common = ['--workers', workers, '--catalog-concurrency', concurrency];
try {
  for (const [name, extra] of [
    ['full', []],
    ['since', ['--since', path.join(out, 'full')]],
  ] as const) {
    const folder = path.join(out, name);
    const run = await step(
      `run ${name}`,
      [process.execPath, cli, 'run', '--catalogs', file, '-o', folder, ...common, ...extra],
      limits,
    );
    log(
      `run ${name}: ${run.wallS.toFixed(1)} s wall, peak RSS ${run.maxRssMB} MB (/usr/bin/time), exit ${run.exit}`,
    );
    if (existsSync(path.join(folder, 'report.json'))) await summary(folder);
  }
} finally {
  for (const p of portals) p.child.kill('SIGTERM');
}
