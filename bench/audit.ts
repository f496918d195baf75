// **bench/audit** measures the audit: a large sample-portal catalog without link checks, and URL checks per second.
//
//   npx tsx bench/audit.ts [--datasets 74200] [--compliance] [--links 400]
//
// Step 1 downloads the sample portal's site catalog (Turtle, pages of 100) into a temp folder
// (not timed; kept for reruns). Step 2 audits those pages in a child process (parse → records →
// measure → score, page by page) and reports wall time and peak RSS. Step 3 checks URLs against a
// loopback server answering after 20 ms, with the checker's defaults.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { auditRecords } from '../src/audit/audit.js';
import { createLinkChecker } from '../src/audit/links.js';
import { parseText } from '../src/rdf/parse.js';
import type { RecordGraph } from '../src/rdf/records.js';
import { startSamplePortal } from '../src/sample-portal/server.js';
import { validatorFor } from '../src/shacl/run.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function download(datasets: number, seed: number): Promise<string> {
  const dir = path.join(os.tmpdir(), `dcat-harvest-bench-audit-${datasets}-${seed}`);
  const pages = Math.ceil(datasets / 100);
  if (existsSync(path.join(dir, 'done'))) return dir;
  await mkdir(dir, { recursive: true });
  const portal = await startSamplePortal({ datasets, seed });
  try {
    for (let page = 1; page <= pages; page++) {
      const url = `${portal.url}/api/1/site/catalog.ttl?page=${page}&page_size=100`;
      const text = await (await fetch(url)).text();
      await writeFile(path.join(dir, `${String(page).padStart(6, '0')}.ttl`), text);
      if (page % 50 === 0) process.stderr.write(`downloaded ${page}/${pages} pages\n`);
    }
  } finally {
    await portal.close();
  }
  await writeFile(path.join(dir, 'done'), '');
  return dir;
}

/** The child: audits the folder's pages and prints one JSON line. */
async function auditFolder(dir: string, compliance: boolean): Promise<void> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ttl')).sort();
  const validator = compliance
    ? await validatorFor({ profile: 'dcat-ap-2', level: 'base' })
    : undefined;
  const started = performance.now();
  let quads = 0;
  async function* pages(): AsyncGenerator<{ quads: Quad[] }> {
    for (const file of files) {
      const parsed = await parseText(await readFile(path.join(dir, file), 'utf8'), {
        format: 'turtle',
        lenient: true,
      });
      quads += parsed.quads.length;
      yield { quads: parsed.quads };
    }
  }
  const report = await auditRecords(pages(), {
    ...(validator
      ? {
          compliance: (r: RecordGraph) =>
            !validator.validateRecord(r).some((f) => f.severity === 'violation'),
        }
      : {}),
  });
  const ms = performance.now() - started;
  const rssAfterAudit = Math.round(process.resourceUsage().maxRSS / 1024);
  (globalThis as { gc?: () => void }).gc?.();
  const liveHeapMB = Math.round(process.memoryUsage().heapUsed / 1e6);
  const jsonStarted = performance.now();
  const json = JSON.stringify(report);
  const jsonMs = Math.round(performance.now() - jsonStarted);
  console.log(
    JSON.stringify({
      pages: files.length,
      quads,
      datasets: report.catalog.datasets,
      distributions: report.catalog.distributions,
      score: report.catalog.score,
      ms: Math.round(ms),
      datasetsPerSecond: Math.round(report.catalog.datasets / (ms / 1000)),
      maxRssAfterAuditMB: rssAfterAudit,
      liveHeapMB,
      jsonMs,
      jsonBytes: json.length,
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

async function linkBench(
  count: number,
  hosts: number,
  hostRate?: number,
): Promise<Record<string, number>> {
  const server = createServer((_req, res) => setTimeout(() => res.writeHead(200).end(), 20));
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;
  const urls = Array.from(
    { length: count },
    (_, i) => `http://127.0.0.${(i % hosts) + 1}:${port}/f/${i}`,
  );
  const checker = createLinkChecker(hostRate === undefined ? {} : { hostRate });
  const started = performance.now();
  const results = await checker.check(urls);
  const ms = performance.now() - started;
  await checker.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  const ok = [...results.values()].filter((r) => r.outcome === 'ok').length;
  return { urls: count, hosts, ok, ms: Math.round(ms), perSecond: Math.round((count / ms) * 1000) };
}

async function main(): Promise<void> {
  const child = arg('run', '');
  if (child) return auditFolder(child, process.argv.includes('--compliance'));
  const datasets = Number(arg('datasets', '74200'));
  const dir = await download(datasets, 1);
  const self = fileURLToPath(import.meta.url);
  const run = (compliance: boolean) => {
    const out = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        self,
        '--run',
        dir,
        ...(compliance ? ['--compliance'] : []),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (out.status !== 0) throw new Error(out.stderr);
    return JSON.parse(out.stdout.trim().split('\n').at(-1) as string) as Record<string, number>;
  };
  console.log('audit, no link checks, no compliance:', run(false));
  if (process.argv.includes('--compliance'))
    console.log('audit with compliance (dcat-ap-2 base):', run(true));
  const links = Number(arg('links', '400'));
  console.log('links, defaults, 1 host:', await linkBench(Math.min(links, 100), 1));
  console.log('links, defaults, 8 hosts:', await linkBench(links, 8));
  console.log('links, no host rate, 8 hosts:', await linkBench(links, 8, 0));
}

await main();
