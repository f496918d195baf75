// Benchmark: a run's `validation.sarif` from its `findings.jsonl` (issue 15), the two ways: the
// SARIF renderer over the parsed records (what `run` did until stop 23) and `writeSarifFromLines`
// over the file's bytes (what it does now); wall time of each on this thread, and whether the two
// files are the same bytes.
//   npm run build && npx tsx bench/sarif.ts --findings OUT/findings.jsonl [--dist dist]
// OUT is a `run`'s report folder (`dcat-harvest run PORTAL -o OUT`).
import { closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const value = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const findings = path.resolve(value('findings') ?? 'bench/output/run-74200/findings.jsonl');
const dist = path.resolve(value('dist', 'dist') as string);
const load = async <T>(file: string) =>
  (await import(pathToFileURL(path.join(dist, file)).href)) as T;

type Run = {
  results: unknown[];
  records: Iterable<unknown>;
  summary: unknown;
  notices: string[];
  shapes: string;
};
const { renderChunks } = await load<{
  renderChunks: (r: unknown, run: Run, o: object) => Iterable<string>;
}>('report/renderer.js');
const { sarifRenderer } = await load<{ sarifRenderer: unknown }>('report/sarif.js');
const { writeChunksToFile } = await load<{
  writeChunksToFile: (f: string, c: Iterable<string>) => Promise<void>;
}>('report/write.js');
const { readJsonLines } = await load<{ readJsonLines: (f: string) => Iterable<unknown> }>(
  'spool.js',
);
const { writeSarifFromLines } = await load<{
  writeSarifFromLines: (
    f: string,
    s: string,
    run: Pick<Run, 'notices' | 'shapes'>,
    o: object,
  ) => void;
}>('report/sarif-lines.js');

const run = { notices: ['a notice'], shapes: 'bench' };
const options = { version: '0.0.0' };
const rendered = path.join(os.tmpdir(), 'dh-bench-sarif-rendered.sarif');
const bytes = path.join(os.tmpdir(), 'dh-bench-sarif-bytes.sarif');
const mb = (file: string) => (statSync(file).size / 1024 / 1024).toFixed(1);
console.log(`findings: ${findings} (${mb(findings)} MB)`);

let t = performance.now();
const records = readJsonLines(findings);
await writeChunksToFile(
  rendered,
  renderChunks(sarifRenderer, { results: [], records, summary: {}, ...run }, options),
);
console.log(
  `renderer over parsed records: ${((performance.now() - t) / 1000).toFixed(2)} s, ${mb(rendered)} MB`,
);

t = performance.now();
writeSarifFromLines(findings, bytes, run, options);
console.log(
  `writeSarifFromLines over bytes: ${((performance.now() - t) / 1000).toFixed(2)} s, ${mb(bytes)} MB`,
);

/** Whether two files hold the same bytes, read 1 MB at a time (SARIF files pass 2 GB). */
function sameBytes(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false;
  const [fa, fb] = [openSync(a, 'r'), openSync(b, 'r')];
  const [ba, bb] = [Buffer.alloc(1 << 20), Buffer.alloc(1 << 20)];
  try {
    for (let at = 0; ; at += ba.length) {
      const n = readSync(fa, ba, 0, ba.length, at);
      if (n !== readSync(fb, bb, 0, bb.length, at)) return false;
      if (n === 0) return true;
      if (!ba.subarray(0, n).equals(bb.subarray(0, n))) return false;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}
const same = sameBytes(rendered, bytes);
console.log(same ? 'the same bytes' : 'DIFFERENT files');
rmSync(rendered);
rmSync(bytes);
if (!same) process.exitCode = 1;
