// Benchmark: harvest + validate end to end with the built CLI (issue 6, part b).
//   npm run build && npx tsx bench/end-to-end.ts [--datasets 74200] [--concurrency 4]
//     [--workers 2] [--limit-mb 12000] [--limit-min 40] [--out bench/output/e2e-74200]
//     [--skip-harvest] [--max-old-space MB] [--background vocabularies|classes|none]
//     [--report json:/dev/null]
// 1. `node dist/cli/main.js sample-portal --datasets N` in a child process (seed 1);
// 2. `/usr/bin/time -v node dist/cli/main.js harvest <url> -o <out> --concurrency C`;
// 3. the portal is stopped (validation gets both cores);
// 4. `/usr/bin/time -v node dist/cli/main.js validate <out> --workers W --report json:/dev/null`,
//    under `script` so the CLI sees a TTY and prints its progress line.
// Each step's wall time and peak RSS (all threads, from /usr/bin/time) are printed; a watchdog
// samples the RSS of the step's processes every second, logs a timeline every 15 s and kills the
// step past --limit-mb MB or --limit-min minutes.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const datasets = Number(value('datasets', '74200'));
const concurrency = Number(value('concurrency', '4'));
const workers = Number(value('workers', '2'));
const limitMB = Number(value('limit-mb', '12000'));
const limitMs = Number(value('limit-min', '40')) * 60_000;
const out = path.resolve(value('out', `bench/output/e2e-${datasets}`));
// The validate process's main-thread heap (--max-old-space-size); workers have their own bound.
const maxOldSpace = value('max-old-space', '');
const cli = path.resolve('dist/cli/main.js');
if (!existsSync(cli)) throw new Error('build first: npm run build');

const stamp = () => new Date().toISOString().slice(11, 19);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const log = (line: string) => process.stdout.write(`${stamp()} ${line}\n`);

function status(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}
const kB = (text: string, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0);

/** The process and its descendants (from /proc), as pid → name. */
function tree(root: number): Map<number, string> {
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      name.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
      parent.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = new Map<number, string>([[root, name.get(root) ?? '?']]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!out.has(pid) && out.has(ppid)) {
        out.set(pid, name.get(pid) ?? '?');
        grew = true;
      }
    }
  }
  return out;
}

/** RSS of the node processes under root, MB (each one's VmRSS covers all its threads). */
function nodeRss(root: number): { pid: number; mb: number }[] {
  return [...tree(root)]
    .filter(([, name]) => name.startsWith('node') || name === 'MainThread')
    .map(([pid]) => ({ pid, mb: Math.round(kB(status(pid), 'VmRSS') / 1024) }));
}

interface Step {
  wallS: number;
  maxRssMB: number | undefined;
  exit: number | null;
  stopped?: string;
  tail: string;
  progress: string;
}

/** Runs a command under /usr/bin/time -v with the RSS watchdog. */
async function step(name: string, command: string[]): Promise<Step> {
  log(`${name}: ${command.join(' ')} (load ${load()})`);
  const child = spawn('/usr/bin/time', ['-v', ...command], { stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  let progress = '';
  const take = (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-6000);
    const parts = text.split(/[\r\n]/).filter((p) => /documents, \d+ records/.test(p));
    if (parts.length > 0) progress = (parts[parts.length - 1] as string).trim();
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const started = performance.now();
  let peak = 0;
  let stopped: string | undefined;
  let last = 0;
  const timer = setInterval(() => {
    const procs = nodeRss(child.pid as number);
    const mb = procs.reduce((s, p) => s + p.mb, 0);
    peak = Math.max(peak, mb);
    const elapsed = performance.now() - started;
    if (elapsed - last >= 15_000) {
      last = elapsed;
      log(
        `  ${name} ${Math.round(elapsed / 1000)} s: RSS ${mb} MB (peak sampled ${peak} MB), load ${load()}${progress ? `, ${progress}` : ''}`,
      );
    }
    if (mb > limitMB) stopped = `killed at ${Math.round(elapsed / 1000)} s: RSS ${mb} MB`;
    else if (elapsed > limitMs) stopped = `killed at ${Math.round(elapsed / 1000)} s, RSS ${mb} MB`;
    if (stopped) {
      clearInterval(timer);
      for (const p of procs) process.kill(p.pid, 'SIGKILL');
    }
  }, 1000);
  const exit = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(timer);
  const wallS = (performance.now() - started) / 1000;
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(tail)?.[1];
  const result: Step = {
    wallS,
    maxRssMB: maxRss === undefined ? undefined : Math.round(Number(maxRss) / 1024),
    exit,
    tail,
    progress,
    ...(stopped ? { stopped } : {}),
  };
  log(
    `${name}: ${wallS.toFixed(1)} s wall, peak RSS ${result.maxRssMB ?? '?'} MB (/usr/bin/time), sampled ${peak} MB, exit ${exit}${stopped ? `, ${stopped}` : ''} (load ${load()})`,
  );
  return result;
}

let harvestStep: Step | undefined;
if (!args.includes('--skip-harvest')) {
  await rm(out, { recursive: true, force: true });
  const portal = spawn(
    process.execPath,
    [cli, 'sample-portal', '--datasets', String(datasets), '--seed', '1'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: portal.stdout }).once('line', resolve);
    portal.once('exit', (code) => reject(new Error(`portal exited with ${code}`)));
  });
  log(`portal ${url} (${datasets} datasets)`);
  try {
    harvestStep = await step('harvest', [
      process.execPath,
      cli,
      'harvest',
      url,
      '-o',
      out,
      '--concurrency',
      String(concurrency),
      '--no-progress',
    ]);
    process.stdout.write(harvestStep.tail.split('\n').slice(0, 12).join('\n') + '\n');
  } finally {
    log(`portal peak RSS ${Math.round(kB(status(portal.pid as number), 'VmHWM') / 1024)} MB`);
    portal.kill('SIGTERM');
  }
}
const validateStep = await step('validate', [
  'script',
  '-qfec',
  [
    process.execPath,
    ...(maxOldSpace ? [`--max-old-space-size=${maxOldSpace}`] : []),
    cli,
    'validate',
    out,
    '--workers',
    String(workers),
    '--report',
    value('report', 'json:/dev/null'),
    ...(value('background', '') ? ['--background', value('background', '')] : []),
  ].join(' '),
  '/dev/null',
]);
process.stdout.write(
  validateStep.tail
    .split(/[\r\n]/)
    .filter((l) => l.trim() !== '')
    .slice(-40)
    .join('\n') + '\n',
);
if (harvestStep) {
  const total = harvestStep.wallS + validateStep.wallS;
  log(
    `end to end: ${total.toFixed(1)} s (harvest ${harvestStep.wallS.toFixed(1)} s + validate ${validateStep.wallS.toFixed(1)} s); peak RSS harvest ${harvestStep.maxRssMB} MB, validate ${validateStep.maxRssMB} MB`,
  );
}
