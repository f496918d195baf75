// Benchmark: `run --catalogs` over N sample portals (issue 18), then the same run with --since.
//   npm run build && npx tsx bench/catalogs.ts [--catalogs 10] [--datasets 2000] [--workers 2]
//     [--catalog-concurrency 2] [--queue-workers 2] [--out bench/output/catalogs] [--limit-mb 6000]
//     [--limit-min 60] [--steps full,since] [--queue-workers 1,2] [--page-batch 10]
// The lead's two runs (helpers run it at 5,000 datasets in all at most):
//   ten 2,000-dataset catalogs, in-process vs 2 workers:
//     npx tsx bench/catalogs.ts --catalogs 10 --datasets 2000 --steps full,queued --queue-workers 2
//   74,200 datasets in-process vs run --queue with 1 and 2 workers:
//     npx tsx bench/catalogs.ts --catalogs 1 --datasets 74200 --catalog-concurrency 1 \
//       --steps full,queued --queue-workers 1,2 --limit-min 120
// 1. N `dcat-harvest sample-portal --datasets D --seed i` child processes (seeds 1..N);
// 2. a catalogs file with one entry per portal; `/usr/bin/time -v node dist/cli/main.js run
//    --catalogs FILE -o OUT/full`: wall time, peak RSS of the run process (all threads), each
//    catalog's own duration from the overview;
// 3. the same with `--since OUT/full` into OUT/since (nothing changed: every catalog is reused);
// 4. for each K of --queue-workers K[,K…]: a fresh /usr/bin/redis-server on a free port (no
//    persistence), K `dcat-harvest worker --concurrency 1 --workers W` processes (each under
//    /usr/bin/time -v: its peak RSS), and `run --catalogs FILE --queue` into OUT/queued-K: wall
//    time and its overhead against step 2, Redis's peak memory and the commands it processed
//    (INFO stats and commandstats: all, and the host limiter's EVALSHA) per page harvested;
//    `--page-batch N` is passed to `run --queue` (pages per page job; default the CLI's, 10).
// --steps picks among full, since, queued (default: full,since, and queued with --queue-workers).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
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
const queueWorkers = value('queue-workers', '').split(',').filter(Boolean).map(Number);
const pageBatch = value('page-batch', '');
const steps = new Set(
  value('steps', queueWorkers.length > 0 ? 'full,since,queued' : 'full,since').split(','),
);
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

/** Pages harvested by a run: the sum of its catalogs' `harvest.pages`. */
async function pagesOf(folder: string): Promise<number> {
  const overview = JSON.parse(await readFile(path.join(folder, 'report.json'), 'utf8')) as Overview;
  let pages = 0;
  for (const row of overview.catalogs) {
    const report = await readFile(path.join(folder, row.id, 'report.json'), 'utf8').catch(() => '');
    pages += report
      ? ((JSON.parse(report) as { harvest?: { pages?: number } }).harvest?.pages ?? 0)
      : 0;
  }
  return pages;
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
let fullWallS: number | undefined;
try {
  for (const [name, extra] of [
    ['full', []],
    ['since', ['--since', path.join(out, 'full')]],
  ] as const) {
    if (!steps.has(name)) continue;
    const folder = path.join(out, name);
    const run = await step(
      `run ${name}`,
      [process.execPath, cli, 'run', '--catalogs', file, '-o', folder, ...common, ...extra],
      limits,
    );
    log(
      `run ${name}: ${run.wallS.toFixed(1)} s wall, peak RSS ${run.maxRssMB} MB (/usr/bin/time), exit ${run.exit}`,
    );
    if (name === 'full') fullWallS = run.wallS;
    if (existsSync(path.join(folder, 'report.json'))) await summary(folder);
  }
  if (steps.has('queued')) for (const k of queueWorkers) await queued(k);
} finally {
  for (const p of portals) p.child.kill('SIGTERM');
}

/** A loopback port free right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A command under /usr/bin/time -v that runs until stopped; `stop()` gives its peak RSS (MB). */
function timed(command: string[]): { stop: () => Promise<number | undefined> } {
  const child = spawn('/usr/bin/time', ['-v', ...command], { stdio: ['ignore', 'ignore', 'pipe'] });
  let tail = '';
  child.stderr?.on('data', (c: Buffer) => (tail = (tail + c.toString()).slice(-4000)));
  return {
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const kids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
      for (const pid of kids.split(/\s+/).filter(Boolean)) process.kill(Number(pid), 'SIGTERM');
      await exited;
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(tail)?.[1];
      return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
    },
  };
}

/** Total commands, and EVALSHA calls (the host limiter's scripts), from INFO. */
async function commandCounts(client: Redis): Promise<{ all: number; evalsha: number }> {
  const stats = await client.info('stats');
  const commandstats = await client.info('commandstats');
  return {
    all: Number(/total_commands_processed:(\d+)/.exec(stats)?.[1]),
    evalsha: Number(/cmdstat_evalsha:calls=(\d+)/.exec(commandstats)?.[1] ?? 0),
  };
}

/** The same catalogs through a fresh Redis and `queueWorkers` worker processes. */
async function queued(queueWorkers: number): Promise<void> {
  const port = await freePort();
  const redisDir = path.join(out, `redis-${queueWorkers}`);
  await mkdir(redisDir, { recursive: true });
  const redisServer = spawn(
    '/usr/bin/redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      redisDir,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // Connect once it says it is ready (a busy machine can take seconds to start it).
  await new Promise<void>((resolve, reject) => {
    let text = '';
    redisServer.stdout?.on('data', (c: Buffer) => {
      text += c.toString();
      if (text.includes('Ready to accept connections')) resolve();
    });
    redisServer.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  redisServer.stdout?.resume();
  const url = `redis://127.0.0.1:${port}/0`;
  const client = new Redis({ port, host: '127.0.0.1' });
  const before = await commandCounts(client);
  const procs = Array.from({ length: queueWorkers }, () =>
    timed([
      process.execPath,
      cli,
      'worker',
      '--queue',
      url,
      '--workers',
      workers,
      '--concurrency',
      '1',
    ]),
  );
  try {
    const folder = path.join(out, `queued-${queueWorkers}`);
    const run = await step(
      `run queued (${queueWorkers} workers)`,
      [
        process.execPath,
        cli,
        'run',
        '--catalogs',
        file,
        '-o',
        folder,
        '--queue',
        url,
        ...(pageBatch ? ['--page-batch', pageBatch] : []),
      ],
      limits,
    );
    const overhead =
      fullWallS === undefined
        ? ''
        : `, ${(((run.wallS - fullWallS) / fullWallS) * 100).toFixed(1)} % against in-process`;
    log(
      `run queued (${queueWorkers} workers): ${run.wallS.toFixed(1)} s wall${overhead}, peak RSS of run ${run.maxRssMB} MB, exit ${run.exit}`,
    );
    const memory = await client.info('memory');
    const after = await commandCounts(client);
    const commands = after.all - before.all;
    const limiter = after.evalsha - before.evalsha;
    const pages = existsSync(path.join(folder, 'report.json')) ? await pagesOf(folder) : 0;
    const per = (n: number, d: number) => (d > 0 ? (n / d).toFixed(1) : '?');
    const batch = Number(pageBatch || 10);
    log(
      `jobs: ${pages} pages in page jobs of ${batch} (per catalog, the last one smaller), ${catalogs} catalog jobs (run in steps: page 1 and the plan, or the whole harvest; the harvest finished; aggregate) and the overview`,
    );
    log(
      `redis: peak memory ${/used_memory_peak_human:(\S+)/.exec(memory)?.[1]}, ${commands} commands for ${pages} pages (${per(commands, pages)} per page, ${per(commands, catalogs)} per catalog; the host limiter's EVALSHA ${limiter}, ${per(limiter, pages)} per page; the run's and the workers' polling included)`,
    );
    if (existsSync(path.join(folder, 'report.json'))) await summary(folder);
  } finally {
    const peaks = await Promise.all(procs.map((w) => w.stop()));
    log(
      `workers: peak RSS ${peaks.map((p) => `${p ?? '?'} MB`).join(', ')} (/usr/bin/time, all threads)`,
    );
    client.disconnect();
    redisServer.kill('SIGTERM');
  }
}
