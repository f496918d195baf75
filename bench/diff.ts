// Bench: `diff` of two data.gouv.fr-sized report folders (report@2, findings.jsonl): wall time and
// peak RSS of the diff process, the size of what it reads.
// Run: npm run build && npx tsx bench/diff.ts [--datasets 74200] [--findings 4650000] [--changed 1000] [--keep]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RunDiff } from '../src/diff/diff.js';
import { FINDINGS_FILE, FINDINGS_SCHEMA, REPORT_SCHEMA } from '../src/run/report-model.js';
import type { DatasetRow, RunReportHead } from '../src/run/report-model.js';
import type { Finding, RecordResult } from '../src/shacl/findings.js';

const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: '74200' },
    findings: { type: 'string', default: '4650000' },
    changed: { type: 'string', default: '1000' },
    out: { type: 'string', default: path.join(os.tmpdir(), 'dh-bench-diff') },
    keep: { type: 'boolean', default: false },
  },
});
const DATASETS = Number(values.datasets);
const FINDINGS = Number(values.findings);
const CHANGED = Number(values.changed);
const SH = 'http://www.w3.org/ns/shacl#';
const SHAPES = 'https://w3id.org/dcat-harvest/shapes/dcat-ap-3#';
const PROBLEMS: [string, string, Finding['severity']][] = [
  ['http://purl.org/dc/terms/license', 'MinCount', 'warning'],
  ['http://purl.org/dc/terms/format', 'NodeKind', 'violation'],
  ['http://www.w3.org/ns/dcat#mediaType', 'MinCount', 'warning'],
  ['http://purl.org/dc/terms/issued', 'Datatype', 'violation'],
  ['http://www.w3.org/ns/dcat#byteSize', 'MinCount', 'info'],
];

const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const id = (i: number) => `https://www.data.gouv.fr/datasets/${i.toString(16).padStart(24, '0')}`;

/** Dataset i's findings: on its distributions (IRIs) and one blank node, labelled by `side`. */
function findingsOf(i: number, count: number, side: 'a' | 'b'): Finding[] {
  const record = { id: id(i), kind: 'dataset', title: `Jeu de données n° ${i} sur les routes` };
  const out: Finding[] = [];
  for (let k = 0; k < count; k++) {
    const [pathIri, component, severity] = PROBLEMS[k % PROBLEMS.length]!;
    const blank = k === 0;
    const focus = blank ? `_:${side}${i}_0` : `${id(i)}/resources/${Math.floor(k / 5)}`;
    out.push({
      focusNode: focus,
      record,
      path: pathIri,
      component: `${SH}${component}ConstraintComponent`,
      severity,
      ...(component === 'NodeKind' ? { value: 'csv' } : {}),
      message: `dcat:Distribution ${focus} of dataset «${record.title}» (${record.id}) has no ${pathIri} (required, at least 1); fix: add it`,
      sourceShape: `${SHAPES}Distribution-${k % PROBLEMS.length}`,
      source: {
        file: `/data/run/harvest/pages/${String(Math.floor(i / 100)).padStart(6, '0')}.ttl`,
      },
    });
  }
  return out;
}

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/**
 * One side: report.json (head, then a row a line) and findings.jsonl. Side b has other blank
 * labels, its lines in reverse order, and `CHANGED` findings fixed and as many introduced.
 */
async function writeSide(dir: string, side: 'a' | 'b'): Promise<void> {
  await mkdir(dir, { recursive: true });
  const per = FINDINGS / DATASETS;
  const findings = createWriteStream(path.join(dir, FINDINGS_FILE));
  const order = Array.from({ length: DATASETS }, (_, i) => i);
  if (side === 'b') order.reverse();
  let total = 0;
  for (const i of order) {
    let list = findingsOf(i, Math.floor((i + 1) * per) - Math.floor(i * per), side);
    if (side === 'b' && i < CHANGED) {
      list = list.slice(1); // fixed: the first finding
      list.push({ ...list[0]!, path: 'http://purl.org/dc/terms/title', message: 'new' });
    }
    total += list.length;
    const result: RecordResult = {
      record: list[0]!.record,
      findings: list,
      counts: { violation: 0, warning: 0, info: 0 },
      conforms: false,
    };
    for (const f of list) result.counts[f.severity]++;
    await write(findings, JSON.stringify(result) + '\n');
  }
  findings.end();
  await once(findings, 'finish');
  const head: RunReportHead = {
    schema: REPORT_SCHEMA,
    run: {
      source: 'https://www.data.gouv.fr',
      startedAt: '2026-12-04T00:00:00Z',
      finishedAt: '2026-12-04T00:10:00Z',
      tool: { name: 'dcat-harvest', version: '0.1.0' },
      options: {},
      durations: { harvest: 0, validate: 0, audit: 0, report: 0, total: 0 },
    },
    counts: {
      datasets: DATASETS,
      distributions: 0,
      publishers: 0,
      violations: 0,
      warnings: 0,
      brokenLinks: 0,
    },
    harvest: { pages: 742, records: DATASETS, duplicates: 0, complete: true, missingPages: [] },
    validation: {
      shapes: 'dcat-ap-3 (full)',
      records: DATASETS,
      conformingRecords: 0,
      counts: { violation: 0, warning: 0, info: 0 },
      groups: [],
      notices: [],
      findings: {
        file: FINDINGS_FILE,
        schema: FINDINGS_SCHEMA,
        records: DATASETS,
        findings: total,
        attribution: '',
      },
    },
    audit: {
      method: 'mqa',
      maxPoints: 405,
      score: 150,
      rating: 'sufficient',
      dimensions: [],
      indicators: [],
      fixFirst: [],
      portalLosses: [],
    },
    publishers: [],
  };
  const report = createWriteStream(path.join(dir, 'report.json'));
  await write(report, JSON.stringify(head).slice(0, -1) + ',"datasets":[\n');
  for (let i = 0; i < DATASETS; i++) {
    const score = 100 + ((i * 7) % 200) + (side === 'b' && i < CHANGED ? 5 : 0);
    const row: DatasetRow = {
      id: id(i),
      title: `Jeu de données n° ${i} sur les routes`,
      score,
      rating: 'sufficient',
      dimensions: { findability: 30 },
      distributions: 12,
      counts: { violation: 20, warning: 40, info: 2 },
      brokenLinks: 0,
      indicators: [{ id: 'keyword', points: 30, max: 30, why: 'has 3 keywords' }],
      groups: [
        [0, 20],
        [1, 40],
        [2, 2],
      ],
    };
    await write(report, (i === 0 ? '' : ',\n') + JSON.stringify(row));
  }
  report.end(']}\n');
  await once(report, 'finish');
}

/** Runs the built CLI's diff under /usr/bin/time -v. */
async function timedDiff(a: string, b: string, out: string) {
  const command = ['node', 'dist/cli/main.js', 'diff', a, b, '-f', 'json', '-o', out];
  const child = spawn('/usr/bin/time', ['-v', ...command], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
  const started = performance.now();
  const [code] = (await once(child, 'exit')) as [number];
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? NaN);
  return { code, wallS: (performance.now() - started) / 1000, rssMB: Math.round(rss / 1024), err };
}

const mb = async (file: string) => ((await stat(file)).size / 1024 / 1024).toFixed(0) + ' MB';
const a = path.join(values.out, 'a');
const b = path.join(values.out, 'b');
log(
  `writing two report folders: ${DATASETS} datasets, ${FINDINGS} findings each, ${CHANGED} changed`,
);
await writeSide(a, 'a');
await writeSide(b, 'b');
log(
  `findings.jsonl ${await mb(path.join(a, FINDINGS_FILE))}, report.json ${await mb(path.join(a, 'report.json'))} (each side); load ${os.loadavg()[0]!.toFixed(1)}`,
);
for (const [name, left, right] of [
  ['same folder', a, a],
  ['changed', a, b],
] as const) {
  const out = path.join(values.out, `diff-${name.replace(' ', '-')}.json`);
  const r = await timedDiff(left, right, out);
  if (r.code !== 0) console.log(r.err);
  const diff = JSON.parse(await readFile(out, 'utf8')) as RunDiff;
  const t = diff.findings!.totals;
  const sum = (c: Record<string, number>) => Object.values(c).reduce((x, y) => x + y, 0);
  log(
    `diff (${name}): exit ${r.code}, ${r.wallS.toFixed(1)} s, peak RSS ${r.rssMB} MB; load ${os.loadavg()[0]!.toFixed(1)}; ` +
      `findings ${diff.findings!.before} → ${diff.findings!.after}: ${sum(t.introduced)} introduced, ${sum(t.fixed)} fixed; ${diff.scores!.datasets.length} dataset scores changed`,
  );
}
if (!values.keep) await rm(values.out, { recursive: true, force: true });
