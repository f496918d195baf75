// Measuring helpers of the end-to-end benchmarks: a command under /usr/bin/time -v with an RSS
// watchdog that samples the process tree (all threads of every node process) and can stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';

/** Limits and hooks of {@link step}. */
export interface StepOptions {
  /** Kill the step past this RSS (MB, all node processes of the tree). */
  limitMB: number;
  /** Kill the step past this time (ms). */
  limitMs: number;
  /** Sampling period, ms (default 1000). */
  everyMs?: number;
  /** Each line the command prints (stdout or stderr). */
  onLine?: (line: string) => void;
  /** Each RSS sample: MB summed over the tree, and ms since the start. */
  onSample?: (mb: number, elapsedMs: number) => void;
}

export const stamp = () => new Date().toISOString().slice(11, 19);
export const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
export const log = (line: string) => process.stdout.write(`${stamp()} ${line}\n`);

export function status(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}
export const kB = (text: string, field: string) =>
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

export interface Step {
  wallS: number;
  maxRssMB: number | undefined;
  exit: number | null;
  stopped?: string;
  tail: string;
  progress: string;
}

/** Runs a command under /usr/bin/time -v with the RSS watchdog. */
export async function step(name: string, command: string[], options: StepOptions): Promise<Step> {
  const { limitMB, limitMs } = options;
  log(`${name}: ${command.join(' ')} (load ${load()})`);
  const child = spawn('/usr/bin/time', ['-v', ...command], { stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  let progress = '';
  const take = (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-6000);
    if (options.onLine) for (const line of text.split(/[\r\n]/)) if (line) options.onLine(line);
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
    options.onSample?.(mb, elapsed);
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
  }, options.everyMs ?? 1000);
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

/** Starts `dcat-harvest sample-portal --datasets N --seed 1` (the built CLI) in a child process. */
export async function startPortal(
  cli: string,
  datasets: number,
): Promise<{ portal: ChildProcess; url: string }> {
  const portal = spawn(
    process.execPath,
    [cli, 'sample-portal', '--datasets', String(datasets), '--seed', '1'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: portal.stdout as NodeJS.ReadableStream }).once('line', resolve);
    portal.once('exit', (code) => reject(new Error(`portal exited with ${code}`)));
  });
  log(`portal ${url} (${datasets} datasets)`);
  return { portal, url };
}
