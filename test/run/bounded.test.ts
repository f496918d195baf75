// run at any size: memory bounded by construction (a heap smaller than its findings), the same
// report either way, and a run killed mid-way completed by --resume without fetching again.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/run/report-model.js';
import { runPipeline } from '../../src/run/run.js';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';

const tmp = () => mkdtemp(path.join(tmpdir(), 'dh-bounded-'));
const CHILD = path.resolve('test/run/run-child.ts');
const HEAP_MB = 128;

/** Runs the child; resolves with its exit code and stderr (killed once `killAt` matches a line). */
function child(args: string[], node: string[] = [], killAt?: RegExp) {
  const proc = spawn(process.execPath, [...node, '--import', 'tsx', CHILD, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  createInterface({ input: proc.stderr }).on('line', (line) => {
    stderr += line + '\n';
    if (killAt?.test(line)) proc.kill('SIGKILL');
  });
  return new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    proc.once('close', (code, signal) => resolve({ code, signal, stderr })),
  );
}

/** `report.json` without what differs between two runs of the same data (times, paths). */
async function comparable(dir: string) {
  const report = JSON.parse(
    await readFile(path.join(dir, 'report.json'), 'utf8'),
  ) as Partial<RunReport>;
  delete report.run;
  return report;
}

/** A run from scratch into a new folder. */
async function fresh(source: string): Promise<string> {
  const out = await tmp();
  await runPipeline(source, { out, workers: 2 });
  return out;
}

let portal: SamplePortal;
beforeAll(async () => {
  portal = await startSamplePortal({ datasets: 2000, seed: 2 });
});
afterAll(() => portal.close());

describe('run at a size its findings do not fit in memory', () => {
  it(`completes with a ${HEAP_MB} MB heap and gives the report of an unconstrained run`, async () => {
    const free = await fresh(portal.url);
    const bounded = await tmp();
    const result = await child([portal.url, bounded], [`--max-old-space-size=${HEAP_MB}`]);
    expect(result.code, result.stderr).toBe(0);
    // The findings alone (as JSON text) are larger than the heap the run had.
    const findings = (await stat(path.join(bounded, 'findings.jsonl'))).size;
    expect(findings).toBeGreaterThan(HEAP_MB * 1024 * 1024);
    const report = await comparable(bounded);
    expect(report.counts?.datasets).toBe(2000);
    expect(report.validation?.findings.findings).toBeGreaterThan(100_000);
    expect(report).toEqual(await comparable(free));
  }, 900_000);

  it('leaves a harvest that run --resume completes without fetching again', async () => {
    const small = await startSamplePortal({ datasets: 300, seed: 4 });
    try {
      const out = await tmp();
      const killed = await child([small.url, out], [], /^\[validate\] validating/);
      expect(killed.signal).toBe('SIGKILL');
      expect(killed.stderr).toContain('[harvest] 3 pages');
      const before = small.stats().requests;
      const { report } = await runPipeline(small.url, { out, workers: 2, resume: true });
      expect(small.stats().requests - before).toBe(0);
      expect(report.harvest.complete).toBe(true);
      expect(report.counts.datasets).toBe(300);
      expect(await comparable(out)).toEqual(await comparable(await fresh(small.url)));
    } finally {
      await small.close();
    }
  }, 900_000);
});
