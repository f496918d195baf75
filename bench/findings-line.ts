// Benchmark: writing `findings.jsonl` when a shared node's findings move out of a very large
// record (issue 15): peak RSS of `writeFindingsFile` over two lines of a run's findings file.
//   npm run build && npx tsx bench/findings-line.ts --findings bench/output/run-74200/findings.jsonl
//     [--line 7891] [--dist dist]
// Line N (default: the largest line of the file) and the line after it are given as the spooled
// results at positions 0 and 1, and the first finding's node of line N moves to position 1. The
// write runs in a child process of its own (`/usr/bin/time -v`: its peak RSS, all of it).
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const value = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const findings = path.resolve(value('findings') ?? 'bench/output/run-74200/findings.jsonl');
const dist = path.resolve(value('dist', 'dist') as string);
const wanted = value('line');

/** Line N and N+1 of the file (N: the given one, else the longest). */
async function twoLines(): Promise<[number, string, string]> {
  let number = 0;
  let best: [number, string, string] | undefined;
  let previous: [number, string] | undefined;
  for await (const line of createInterface({ input: createReadStream(findings) })) {
    number++;
    if (previous && (!best || (wanted === undefined && previous[1].length > best[1].length)))
      if (wanted === undefined || previous[0] === Number(wanted))
        best = [previous[0], previous[1], line];
    if (wanted !== undefined && best) break;
    previous = [number, line];
  }
  if (!best) throw new Error(`${findings}: no line ${wanted ?? ''} followed by another`);
  return best;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-findings-line-'));
try {
  const [number, big, next] = await twoLines();
  writeFileSync(path.join(dir, 'big.json'), big);
  writeFileSync(path.join(dir, 'next.json'), next);
  const script = `
    import fs from 'node:fs';
    const { writeFindingsFile } = await import(${JSON.stringify(`${dist}/run/findings-file.js`)});
    const { digest } = await import(${JSON.stringify(`${dist}/key-set.js`)});
    const big = fs.readFileSync(${JSON.stringify(path.join(dir, 'big.json'))});
    const next = fs.readFileSync(${JSON.stringify(path.join(dir, 'next.json'))});
    const node = /"focusNode":"([^"]+)"/.exec(big.subarray(0, 4000).toString())[1];
    const t0 = performance.now();
    const w = writeFindingsFile(${JSON.stringify(path.join(dir, 'out.jsonl'))}, [big, next],
      [{ node: digest(node), from: 0, to: 1 }], () => {});
    console.log(JSON.stringify({ findings: w.findings, ms: Math.round(performance.now() - t0) }));
  `;
  writeFileSync(path.join(dir, 'write.mjs'), script);
  const child = spawnSync('/usr/bin/time', ['-v', process.execPath, path.join(dir, 'write.mjs')], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`the write failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim()) as { findings: number; ms: number };
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1]);
  console.log(
    `line ${number} (${(big.length / 1048576).toFixed(1)} MB) and the next: ${result.findings} findings written in ${result.ms} ms, peak RSS ${Math.round(kb / 1024)} MB`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
