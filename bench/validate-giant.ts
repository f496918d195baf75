// Benchmark: one oversized record (a dataset with N distributions, default 8,000), DCAT-AP 3 full,
// validated record by record in this thread: time and peak RSS.
//   npx tsx bench/validate-giant.ts [--distributions 8000]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runValidation } from '../src/shacl/run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const i = process.argv.indexOf('--distributions');
const n = i > 0 ? Number(process.argv[i + 1]) : 8000;

const lines = [
  '@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .',
  '<http://example.org/giant> a dcat:Dataset ; dct:title "Giant"@en ; dct:description "Many files."@en .',
];
for (let k = 0; k < n; k++) {
  lines.push(
    `<http://example.org/giant> dcat:distribution <http://example.org/giant/d${k}> .`,
    `<http://example.org/giant/d${k}> a dcat:Distribution ; dcat:accessURL <http://example.org/f/${k}.csv> ; dct:format "CSV" ; dct:title "File ${k}" .`,
  );
}
const file = path.join(here, 'output', `giant-${n}.ttl`);
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, lines.join('\n') + '\n');
const started = performance.now();
const run = await runValidation([file], { profile: 'dcat-ap-3', level: 'full' });
const ms = Math.round(performance.now() - started);
const rssMB = Math.round(process.resourceUsage().maxRSS / 1024);
const c = run.summary.counts;
process.stdout.write(
  JSON.stringify({
    distributions: n,
    quads: lines.length,
    ms,
    rssMB,
    records: run.summary.records,
    findings: c,
  }) + '\n',
);
