// **harvest** benchmark: a sample portal with simulated page latency, sequential vs concurrent walks.
// Usage: npx tsx bench/harvest.ts [--entry dist|src] [--datasets 74200] [--latency 100] [--concurrency 1,4,8]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { HarvestManifest } from '../src/fetch/manifest.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const datasets = Number(arg('datasets', '74200'));
const latency = Number(arg('latency', '100'));
const levels = arg('concurrency', '1,4,8').split(',').map(Number);
// dist (default): the built CLI as users run it (`npm run build` first); src: the sources via tsx.
const entry = arg('entry', 'dist');
const cli = entry === 'dist' ? ['dist/cli/main.js'] : ['--import', 'tsx', 'src/cli/main.ts'];
if (entry === 'dist' && !existsSync('dist/cli/main.js'))
  throw new Error('dist/cli/main.js is missing: run `npm run build` first, or pass --entry src');

/** Peak resident set size of a live process, from /proc (Linux); undefined once it has exited. */
function peakRssMb(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`entry ${entry}, ${os.cpus().length} CPUs, load average before: ${load()}`);

// The portal runs in its own process so that generating pages does not share our event loop.
const portal = spawn(
  process.execPath,
  [...cli, 'sample-portal', '--datasets', String(datasets), '--page-latency', String(latency)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const url = await new Promise<string>((resolve, reject) => {
  createInterface({ input: portal.stdout }).once('line', resolve);
  portal.once('exit', (code) => reject(new Error(`portal exited with ${code}`)));
});

interface Run {
  concurrency: number;
  exitCode: number;
  pages: number;
  datasets: number;
  seconds: number;
  bytes: number;
  triples: number;
  peakRssMb: number;
}
const runs: Run[] = [];
try {
  for (const concurrency of levels) {
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'bench-harvest-')), 'out');
    // `dcat-harvest harvest` itself, in its own process: time from spawn to exit, peak RSS from /proc.
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [...cli, 'harvest', url, '-o', out, '--concurrency', String(concurrency), '--no-progress'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    let peak = 0;
    const probe = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid!) ?? 0)), 20);
    const exitCode = await new Promise<number>((resolve) =>
      child.once('exit', (code) => resolve(code ?? -1)),
    );
    clearInterval(probe);
    const seconds = (performance.now() - started) / 1000;
    const manifest = JSON.parse(
      await readFile(path.join(out, 'manifest.json'), 'utf8'),
    ) as HarvestManifest;
    const pages = manifest.pages.filter((p) => p.file);
    const run: Run = {
      concurrency,
      exitCode,
      pages: pages.length,
      datasets: manifest.completeness?.uniqueDatasets ?? 0,
      seconds,
      bytes: pages.reduce((sum, p) => sum + (p.bytes ?? 0), 0),
      triples: pages.reduce((sum, p) => sum + (p.triples ?? 0), 0),
      peakRssMb: peak,
    };
    runs.push(run);
    console.log(
      `concurrency ${concurrency}: ${run.pages} pages, ${run.datasets} datasets in ${run.seconds.toFixed(1)} s = ` +
        `${(run.pages / run.seconds).toFixed(2)} pages/s, ${(run.bytes / 1e6 / run.seconds).toFixed(2)} MB/s ` +
        `(${(run.bytes / 1e6).toFixed(0)} MB, ${(run.triples / 1e6).toFixed(2)} M triples), peak RSS ${run.peakRssMb.toFixed(0)} MB, exit ${run.exitCode}; load average ${load()}`,
    );
    await rm(path.dirname(out), { recursive: true, force: true });
  }
  const base = runs.find((r) => r.concurrency === 1);
  if (base) {
    for (const run of runs.filter((r) => r !== base)) {
      console.log(
        `speed-up at concurrency ${run.concurrency}: ${(base.seconds / run.seconds).toFixed(2)}×`,
      );
    }
  }
} finally {
  portal.kill('SIGTERM');
}
console.log(`load average after: ${load()}`);
