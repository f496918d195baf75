// Benchmark: `run` end to end (issue 15), and `audit` alone, with the built CLI.
//   npm run build && npx tsx bench/run.ts [--datasets 74200] [--workers 2] [--by-publisher]
//     [--out bench/output/run-74200] [--limit-mb 6000] [--limit-min 30] [--audit]
// 1. `node dist/cli/main.js sample-portal --datasets N --seed 1` in a child process;
// 2. `/usr/bin/time -v node dist/cli/main.js run <url> -o <out> --workers W [--by-publisher]`:
//    wall time and peak RSS of the whole process (all threads; /usr/bin/time), and per stage (the
//    run's `[stage]` lines; RSS sampled every 0.2 s); then the size of each file written;
// 3. with --audit, `audit <out>/harvest --report json:/dev/null` the same way (the portal is
//    stopped first).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { log, startPortal, step } from './measure.js';

const args = process.argv.slice(2);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const datasets = Number(value('datasets', '74200'));
const workers = value('workers', '2');
const out = path.resolve(value('out', `bench/output/run-${datasets}`));
const limits = {
  limitMB: Number(value('limit-mb', '6000')),
  limitMs: Number(value('limit-min', '30')) * 60_000,
  everyMs: 200,
};
// `--dist DIR`: a copy of dist/ to run (so a rebuild during a long benchmark changes nothing).
const cli = path.resolve(value('dist', 'dist'), 'cli/main.js');
if (!existsSync(cli)) throw new Error('build first: npm run build');

/** Bytes of a file, or of everything under a folder. */
function size(file: string): number {
  const info = statSync(file);
  if (!info.isDirectory()) return info.size;
  return readdirSync(file).reduce((sum, name) => sum + size(path.join(file, name)), 0);
}
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Per stage (the run's `[harvest]`, `[validate]`… lines): first and last time seen, peak RSS. */
const stages = new Map<string, { from: number; to: number; peak: number }>();
let current = 'start';
const tracked = {
  ...limits,
  onLine: (line: string) => {
    // `[report] writing X` lines split the report stage per file written.
    const m = /^\[(\w+)\]( writing (\S+))?/.exec(line.trim());
    if (m) current = m[3] ? `${m[1]} ${m[3]}` : (m[1] as string);
  },
  onSample: (rss: number, at: number) => {
    const s = stages.get(current) ?? { from: at, to: at, peak: 0 };
    s.to = at;
    s.peak = Math.max(s.peak, rss);
    stages.set(current, s);
  },
};

await rm(out, { recursive: true, force: true });
const { portal, url } = await startPortal(cli, datasets);
let run;
try {
  run = await step(
    'run',
    [
      process.execPath,
      cli,
      'run',
      url,
      '-o',
      out,
      '--workers',
      workers,
      ...(args.includes('--by-publisher') ? ['--by-publisher'] : []),
    ],
    tracked,
  );
} finally {
  portal.kill('SIGTERM');
}
process.stdout.write(
  run.tail
    .split(/[\r\n]/)
    .filter((l) => l.trim().startsWith('['))
    .slice(-12)
    .join('\n') + '\n',
);
log('stages (from the first to the last sample in each; RSS sampled every 0.2 s, all threads):');
for (const [name, s] of stages) {
  log(`  ${name}: ${((s.to - s.from) / 1000).toFixed(1)} s, peak ${s.peak} MB`);
}
log(
  `run: ${run.wallS.toFixed(1)} s wall, peak RSS ${run.maxRssMB} MB (/usr/bin/time), exit ${run.exit}`,
);
if (existsSync(out)) {
  log('files (MB):');
  for (const name of readdirSync(out).sort()) log(`  ${name}: ${mb(size(path.join(out, name)))}`);
}
if (args.includes('--audit')) {
  const audit = await step(
    'audit',
    [process.execPath, cli, 'audit', path.join(out, 'harvest'), '--report', 'json:/dev/null'],
    limits,
  );
  log(
    `audit: ${audit.wallS.toFixed(1)} s wall, peak RSS ${audit.maxRssMB} MB (/usr/bin/time), exit ${audit.exit}`,
  );
}
