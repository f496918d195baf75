// Benchmark: POST /api/validate of a 100-dataset sample-portal page at 1, 8 and 32 connections
// (autocannon), with the server in a child process so its peak RSS is its own; meanwhile a probe
// times GET /api/profiles every 250 ms (is the event loop free?).
//   npx tsx bench/serve.ts [--duration 10] [--connections 1,8,32] [--datasets 100]
//                          [--accept application/json] [--entry src|dist]
//                          [--workers N] [--max-pending N] [--timeout 10]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startSamplePortal } from '../src/sample-portal/server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const duration = Number(value('--duration', '10'));
const connections = value('--connections', '1,8,32').split(',').map(Number);
const datasets = Number(value('--datasets', '100'));
const accept = value('--accept', 'application/json');
const entry = value('--entry', 'src');
const workers = value('--workers', '');
const maxPending = value('--max-pending', '');
const timeout = Number(value('--timeout', '10'));
const flags = [
  ...(workers ? ['--workers', workers] : []),
  ...(maxPending ? ['--max-pending', maxPending] : []),
];

/** The child's peak and current RSS, MB, from /proc. */
function rssOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peak: Math.round(kb('VmHWM') / 1024), now: Math.round(kb('VmRSS') / 1024) };
}

/** Starts `dcat-harvest serve` on a free port; resolves with its address once it listens. */
function startServe(): Promise<{ child: ChildProcess; base: string }> {
  const main =
    entry === 'dist'
      ? [path.join(here, '../dist/cli/main.js')]
      : ['--import', 'tsx', path.join(here, '../src/cli/main.ts')];
  const child = spawn(
    process.execPath,
    [...main, 'serve', '--port', '0', '--rate-limit', '0', ...flags],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /the validator at (http:\/\/[^/\s]+)\//.exec(log);
      if (m) resolve({ child, base: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
}

/** Times a cheap GET every 250 ms until stopped: its latencies, ms. */
function probe(url: string): { stop: () => Promise<{ times: number[]; failed: number }> } {
  const times: number[] = [];
  let failed = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      try {
        await (await fetch(url)).arrayBuffer();
        times.push(performance.now() - start);
      } catch {
        failed++; // a kept-alive connection reset: the next probe opens another
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { times: times.sort((a, b) => a - b), failed };
    },
  };
}

const at = (sorted: number[], q: number) =>
  sorted.length === 0
    ? 0
    : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);

const portal = await startSamplePortal({ datasets });
const page = Buffer.from(
  await (
    await fetch(`${portal.url}/api/1/site/catalog.ttl?page=1&page_size=${datasets}`)
  ).arrayBuffer(),
);
await portal.close();
const { child, base } = await startServe();
process.on('exit', () => child.kill('SIGTERM')); // even when the bench itself fails
const headers = { 'content-type': 'text/turtle', accept };
try {
  const cold = performance.now();
  const first = await fetch(`${base}/api/validate`, { method: 'POST', headers, body: page });
  const firstBody = (await first.json()) as { summary: { records: number; counts: object } };
  const coldMs = Math.round(performance.now() - cold);
  const rows: string[] = [];
  for (const c of connections) {
    const probing = probe(`${base}/api/profiles`);
    const result = await autocannon({
      url: `${base}/api/validate`,
      method: 'POST',
      headers,
      body: page,
      connections: c,
      duration,
      timeout,
    });
    const probed = await probing.stop();
    const ok = result['2xx'];
    const busy = result.statusCodeStats?.['503']?.count ?? 0;
    rows.push(
      `| ${c} | ${(ok / duration).toFixed(2)} | ${result.latency.p50} | ${result.latency.p99} | ${ok} | ${busy} | ${result.non2xx - busy} | ${result.timeouts} | ${result.errors - result.timeouts} | ${at(probed.times, 0.5)} / ${at(probed.times, 1)}${probed.failed ? ` (${probed.failed} failed)` : ''} |`,
    );
  }
  const rss = rssOf(child.pid!);
  console.log(
    `POST /api/validate, ${datasets}-dataset page (${page.length} bytes, ${firstBody.summary.records} records), Accept ${accept}, ${duration} s per row, timeout ${timeout} s, entry ${entry}, serve ${flags.join(' ') || '(defaults)'}`,
  );
  console.log(`first request (builds the validator): ${coldMs} ms`);
  console.log(
    '| connections | 2xx/s | p50 ms | p99 ms | 2xx | 503 | other non-2xx | timeouts | other errors | GET /api/profiles meanwhile, p50 / max ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(`server RSS: peak ${rss.peak} MB, at the end ${rss.now} MB (threads included)`);
  console.log('latencies are of every answer, 503s included (they come at once)');
} finally {
  child.kill('SIGTERM');
}
