// **convert** benchmarks `dcat-harvest convert` (a child process per run: triples/s, peak RSS) against rapper.
// Usage: npx tsx bench/convert.ts [--datasets 10000,50000] [--out bench/output/convert]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCatalog } from './convert-catalog.js';

const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: '10000,50000' },
    out: { type: 'string', default: path.join('bench', 'output', 'convert') },
    'page-datasets': { type: 'string', default: '1000' },
    repeat: { type: 'string', default: '1' },
  },
});
const out = path.resolve(values.out);
const sizes = values.datasets.split(',').map(Number);
const pageDatasets = Number(values['page-datasets']);
/** Each command runs this many times; the fastest run is kept (the machine may be shared). */
const repeat = Math.max(1, Number(values.repeat));

interface Run {
  seconds: number;
  rssMB: number;
  ok: boolean;
}

/** The fastest of `repeat` runs (peak RSS: the highest seen). */
function timed(command: string, args: string[], stdoutFile?: string): Run {
  const runs = Array.from({ length: repeat }, () => timedOnce(command, args, stdoutFile));
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...best, rssMB: Math.max(...runs.map((r) => r.rssMB)) };
}

/** Runs a command under /usr/bin/time; returns wall seconds and peak RSS. */
function timedOnce(command: string, args: string[], stdoutFile?: string): Run {
  const shellArgs = stdoutFile
    ? ['-c', `exec /usr/bin/time -f "TIME %e %M" "$0" "$@" > '${stdoutFile}'`, command, ...args]
    : ['-c', `exec /usr/bin/time -f "TIME %e %M" "$0" "$@"`, command, ...args];
  const result = spawnSync('sh', shellArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const match = /TIME ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !match) {
    process.stderr.write(`failed: ${command} ${args.join(' ')}\n${result.stderr.slice(-2000)}\n`);
    return { seconds: NaN, rssMB: NaN, ok: false };
  }
  return { seconds: Number(match[1]), rssMB: Number(match[2]) / 1024, ok: true };
}

const hasRapper = spawnSync('sh', ['-c', 'command -v rapper']).status === 0;
// One level under the project (git-ignored): the bundle resolves node_modules and ../package.json.
// Code split (as tsc's output is), so what the source loads on first use stays lazy in the bundle.
const bundleDir = path.resolve('test-output');
const cliBundle = path.join(bundleDir, 'bench-convert-cli.js');

async function bundle(): Promise<void> {
  await mkdir(out, { recursive: true });
  await mkdir(bundleDir, { recursive: true });
  for (const file of await readdir(bundleDir))
    if (file.startsWith('bench-convert-')) await rm(path.join(bundleDir, file), { force: true });
  const esbuild = path.resolve('node_modules', '.bin', 'esbuild');
  const result = spawnSync(
    esbuild,
    [
      'src/cli/main.ts',
      '--bundle',
      '--splitting',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      `--outdir=${bundleDir}`,
      '--entry-names=bench-convert-cli',
      '--chunk-names=bench-convert-[name]-[hash]',
      '--log-level=warning',
    ],
    { encoding: 'utf8', stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('esbuild failed');
}

const ours = (input: string, to: string, output: string) =>
  timed(process.execPath, [cliBundle, 'convert', input, '--to', to, '-o', output, '--quiet']);

const RAPPER_IN: Record<string, string> = { nt: 'ntriples', ttl: 'turtle', rdf: 'rdfxml' };
const RAPPER_OUT: Record<string, string> = { ttl: 'turtle', nt: 'ntriples', nq: 'nquads' };
const rapper = (input: string, from: string, to: string, output: string) =>
  timed('rapper', ['-q', '-i', RAPPER_IN[from] ?? from, '-o', RAPPER_OUT[to] ?? to, input], output);

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

async function sizeRow(datasets: number): Promise<string[]> {
  const dir = path.join(out, `d${datasets}`);
  await mkdir(dir, { recursive: true });
  const nt = path.join(dir, 'catalog.nt');
  const triples = await writeCatalog(nt, datasets);
  const ttl = path.join(dir, 'catalog.ttl');
  const rdf = path.join(dir, 'catalog.rdf');
  const page = path.join(dir, 'page.nt');
  const pageTriples = await writeCatalog(page, pageDatasets);
  const pageJson = path.join(dir, 'page.jsonld');
  // Inputs for the other directions, written by our own converter (not timed).
  for (const [input, to, output] of [
    [nt, 'rdf', rdf],
    [page, 'jsonld', pageJson],
  ] as const)
    if (!ours(input, to, output).ok) throw new Error(`preparing ${output} failed`);
  const cases: [string, string, string, string, number][] = [
    ['N-Triples → Turtle', nt, 'nt', 'ttl', triples],
    ['N-Triples → N-Quads', nt, 'nt', 'nq', triples],
    ['Turtle → N-Triples', ttl, 'ttl', 'nt', triples],
    ['RDF/XML → N-Triples', rdf, 'rdf', 'nt', triples],
    [
      `JSON-LD (one ${pageDatasets}-dataset page) → N-Triples`,
      pageJson,
      'jsonld',
      'nt',
      pageTriples,
    ],
  ];
  const rows: string[] = [];
  for (const [label, input, from, to, count] of cases) {
    // Our Turtle output is the Turtle input of the next case.
    const keep = from === 'nt' && to === 'ttl';
    const target = keep ? ttl : path.join(dir, `ours.${from}.${to}`);
    const mine = ours(input, to, target);
    let theirs: Run | undefined;
    if (hasRapper && from !== 'jsonld') {
      theirs = rapper(input, from, to, path.join(dir, `rapper.${from}.${to}`));
      await rm(path.join(dir, `rapper.${from}.${to}`), { force: true });
    }
    if (!keep) await rm(target, { force: true });
    const rate = count / mine.seconds;
    const rapperRate = theirs ? count / theirs.seconds : NaN;
    const row = `| ${fmt(count / 1e6, 2)} M | ${label} | ${fmt(rate / 1000)}k | ${fmt(mine.rssMB)} | ${theirs ? `${fmt(rapperRate / 1000)}k` : '—'} | ${theirs ? fmt(theirs.rssMB) : '—'} | ${theirs ? fmt(rate / rapperRate, 2) + '×' : '—'} |`;
    process.stdout.write(row + '\n');
    rows.push(row);
  }
  const inputMB = (await stat(nt)).size / 1e6;
  process.stdout.write(`(N-Triples input ${fmt(inputMB)} MB)\n`);
  await rm(dir, { recursive: true, force: true });
  return rows;
}

await bundle();
const load = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
process.stdout.write(
  `node ${process.version}, ${os.cpus().length} CPUs, load average ${load}; best of ${repeat}; rapper: ${hasRapper ? 'yes' : 'no'}\n`,
);
process.stdout.write(
  '| triples | conversion | ours t/s | ours peak RSS MB | rapper t/s | rapper RSS MB | ratio |\n|---|---|---|---|---|---|---|\n',
);
for (const datasets of sizes) await sizeRow(datasets);
process.stdout.write(
  `load average after: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
if (!existsSync(cliBundle)) process.exitCode = 1;
