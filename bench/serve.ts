// Benchmark: POST /api/validate of a 100-dataset sample-portal page at 1, 8 and 32 connections
// (autocannon), with the server in a child process so its peak RSS is its own.
//   npx tsx bench/serve.ts [--duration 10] [--connections 1,8,32] [--datasets 100]
//                          [--accept application/json] [--entry src|dist]
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
  const child = spawn(process.execPath, [...main, 'serve', '--port', '0', '--rate-limit', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
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

const portal = await startSamplePortal({ datasets });
const page = Buffer.from(
  await (
    await fetch(`${portal.url}/api/1/site/catalog.ttl?page=1&page_size=${datasets}`)
  ).arrayBuffer(),
);
await portal.close();
const { child, base } = await startServe();
const headers = { 'content-type': 'text/turtle', accept };
try {
  const cold = performance.now();
  const first = await fetch(`${base}/api/validate`, { method: 'POST', headers, body: page });
  const firstBody = (await first.json()) as { summary: { records: number; counts: object } };
  const coldMs = Math.round(performance.now() - cold);
  const rows: string[] = [];
  for (const c of connections) {
    const result = await autocannon({
      url: `${base}/api/validate`,
      method: 'POST',
      headers,
      body: page,
      connections: c,
      duration,
    });
    rows.push(
      `| ${c} | ${result.requests.average} | ${result.latency.p50} | ${result.latency.p99} | ${result.requests.total} | ${result.non2xx} | ${result.errors + result.timeouts} |`,
    );
  }
  const rss = rssOf(child.pid!);
  console.log(
    `POST /api/validate, ${datasets}-dataset page (${page.length} bytes, ${firstBody.summary.records} records), Accept ${accept}, ${duration} s per row, entry ${entry}`,
  );
  console.log(`first request (builds the validator): ${coldMs} ms`);
  console.log(
    '| connections | requests/s (mean) | p50 ms | p99 ms | requests | non-2xx | errors |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(`server RSS: peak ${rss.peak} MB, at the end ${rss.now} MB`);
} finally {
  child.kill('SIGTERM');
}
