// Benchmark of the sample portal: pages/s and MB/s served to a concurrent undici client, and peak RSS.
// Usage: npx tsx bench/sample-portal.ts [--entry src|dist] [--node-flags "..."] [--datasets 74200] [--page-size 100] [--concurrency 8] [--ext ttl] [--pages N]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Agent, request } from 'undici';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const datasets = Number(arg('datasets', '74200'));
const pageSize = Number(arg('page-size', '100'));
const concurrency = Number(arg('concurrency', '8'));
const ext = arg('ext', 'ttl');
const last = Math.ceil(datasets / pageSize);
const pages = Math.min(last, Number(arg('pages', String(last))));

/** Peak resident set size of a process, from /proc (Linux). */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

// --entry dist runs the built CLI (node dist/cli/main.js: run `npm run build` first); default: src through tsx.
const entry = arg('entry', 'src');
const nodeFlags = arg('node-flags', '').split(' ').filter(Boolean);
const main = entry === 'dist' ? ['dist/cli/main.js'] : ['--import', 'tsx', 'src/cli/main.ts'];
const child = spawn(
  process.execPath,
  [...nodeFlags, ...main, 'sample-portal', '--datasets', String(datasets)],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise<string>((resolve, reject) => {
  child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
  child.once('exit', (code) => reject(new Error(`portal exited with ${code}`)));
});
const startedRss = peakRssMb(child.pid as number);
const dispatcher = new Agent({
  connections: concurrency,
  headersTimeout: 300_000,
  bodyTimeout: 300_000,
});
let next = 1;
let bytes = 0;
let largest = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next <= pages) {
      const page = next++;
      const res = await request(
        `${url}/api/1/site/catalog.${ext}?page=${page}&page_size=${pageSize}`,
        { dispatcher },
      );
      if (res.statusCode !== 200) throw new Error(`page ${page}: HTTP ${res.statusCode}`);
      let size = 0;
      for await (const chunk of res.body) size += (chunk as Buffer).length;
      bytes += size;
      largest = Math.max(largest, size);
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
const peak = peakRssMb(child.pid as number);
child.kill('SIGTERM');
await dispatcher.close();
console.log(
  JSON.stringify({
    entry,
    nodeFlags: nodeFlags.join(' '),
    datasets,
    pageSize,
    ext,
    concurrency,
    pages,
    seconds: +seconds.toFixed(1),
    pagesPerSecond: +(pages / seconds).toFixed(1),
    mbPerSecond: +(bytes / 1e6 / seconds).toFixed(1),
    totalMb: +(bytes / 1e6).toFixed(0),
    largestPageMb: +(largest / 1e6).toFixed(1),
    rssAtStartMb: +startedRss.toFixed(0),
    peakRssMb: +peak.toFixed(0),
    cpus: cpus().length,
    loadAverage: loadavg().map((l) => +l.toFixed(1)),
  }),
);
