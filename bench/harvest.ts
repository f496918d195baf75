// **harvest** benchmark: a sample portal with simulated page latency, sequential vs concurrent walks.
// Usage: npx tsx bench/harvest.ts [--datasets 74200] [--latency 100] [--concurrency 1,4,8]
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const datasets = Number(arg('datasets', '74200'));
const latency = Number(arg('latency', '100'));
const levels = arg('concurrency', '1,4,8').split(',').map(Number);

// The portal runs in its own process so that generating pages does not share our event loop.
const portal = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'src/cli/main.ts',
    'sample-portal',
    '--datasets',
    String(datasets),
    '--page-latency',
    String(latency),
  ],
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
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/harvest-run.ts', url, String(concurrency), out],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    const run = JSON.parse(text) as Run;
    runs.push(run);
    console.log(
      `concurrency ${concurrency}: ${run.pages} pages, ${run.datasets} datasets in ${run.seconds.toFixed(1)} s = ` +
        `${(run.pages / run.seconds).toFixed(2)} pages/s, ${(run.bytes / 1e6 / run.seconds).toFixed(2)} MB/s ` +
        `(${(run.bytes / 1e6).toFixed(0)} MB, ${(run.triples / 1e6).toFixed(2)} M triples), peak RSS ${run.peakRssMb.toFixed(0)} MB, exit ${run.exitCode}`,
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
