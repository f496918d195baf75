// Benchmark: the dashboard's history in SQLite. Fills a database with N runs × M datasets (synthetic
// rows, written here), timing each run's insert, then times the dashboard's queries.
//   npx tsx bench/history.ts [--runs 30] [--datasets 5000] [--publishers 300] [--db FILE] [--keep]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  catalogHistory,
  catalogPublishers,
  publisherDetail,
  scoreTrend,
} from '../src/history/queries.js';
import { recordRows } from '../src/history/record-run.js';
import { HistoryStore } from '../src/history/store.js';
import type { DatasetRow, FindingGroupRow, RunReportHead } from '../src/run/report-model.js';
import { ratingOf } from '../src/run/report-model.js';

const args = process.argv.slice(2);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const RUNS = Number(value('--runs', '30'));
const DATASETS = Number(value('--datasets', '5000'));
const PUBLISHERS = Number(value('--publishers', String(Math.max(1, Math.round(DATASETS / 25)))));
const dir = mkdtempSync(path.join(tmpdir(), 'dh-bench-history-'));
const file = value('--db', path.join(dir, 'history.sqlite'));
const DIMS = ['findability', 'accessibility', 'interoperability', 'reusability', 'contextuality'];
const COMPONENTS = ['MinCount', 'Datatype', 'Class', 'NodeKind', 'Pattern', 'In', 'MaxCount'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS: FindingGroupRow[] = COMPONENTS.flatMap((c, i) =>
  (['violation', 'warning'] as const).map((severity) => ({
    severity,
    component: `sh:${c}ConstraintComponent`,
    shape: `ex:Shape${i}`,
    recordKind: 'dataset',
    count: 0,
    records: 0,
    message: `${c} failed`,
  })),
);

function* rows(run: number): Generator<DatasetRow> {
  const rnd = random(run * 7919 + 1);
  for (let j = 0; j < DATASETS; j++) {
    const dims = Object.fromEntries(DIMS.map((d) => [d, Math.round(rnd() * 60)]));
    const score = Object.values(dims).reduce((a, b) => a + b, 0);
    const groups: [number, number][] = [];
    for (let g = 0; g < GROUPS.length; g++)
      if (rnd() < 0.2) groups.push([g, 1 + Math.floor(rnd() * 4)]);
    yield {
      id: `https://portal.example/datasets/${j.toString(36).padStart(6, '0')}`,
      title: `Dataset ${j}`,
      publisher: `https://portal.example/organizations/${j % PUBLISHERS}`,
      score,
      rating: ratingOf(score),
      dimensions: dims,
      distributions: 1 + (j % 4),
      counts: { violation: groups.filter(([g]) => g % 2 === 0).length, warning: 1, info: 0 },
      brokenLinks: 0,
      indicators: [
        { id: 'dct_license', points: rnd() < 0.5 ? 0 : 20, max: 20, why: '' },
        { id: 'dcat_keyword', points: rnd() < 0.3 ? 0 : 30, max: 30, why: '' },
      ],
      groups,
    };
  }
}

function head(run: number): RunReportHead {
  const score = 150 + (run % 50);
  return {
    audit: {
      method: 'mqa',
      maxPoints: 405,
      score,
      rating: ratingOf(score),
      dimensions: DIMS.map((id) => ({ id, label: id, score: 30, max: 100 })),
      indicators: [],
      fixFirst: [],
      portalLosses: [],
    },
    publishers: Array.from({ length: PUBLISHERS }, (_, p) => ({
      id: `https://portal.example/organizations/${p}`,
      name: `Organization ${p}`,
      datasets: Math.ceil(DATASETS / PUBLISHERS),
      score: 100 + ((p + run) % 200),
      rating: ratingOf(100 + ((p + run) % 200)),
      counts: { violation: 10, warning: 5, info: 0 },
      brokenLinks: 0,
      fixFirst: [
        { indicator: 'dct_license', action: 'add a licence', datasets: 3, gain: 4, portal: false },
      ],
    })),
    validation: {
      shapes: 'dcat-ap-3 full',
      records: DATASETS,
      conformingRecords: DATASETS / 2,
      counts: { violation: DATASETS, warning: DATASETS, info: 0 },
      groups: GROUPS.map((g) => ({ ...g, count: DATASETS / 2 })),
      notices: [],
      findings: {
        file: 'findings.jsonl',
        schema: 'dcat-harvest/findings@1',
        records: 0,
        findings: 0,
        attribution: '',
      },
    },
    counts: {
      datasets: DATASETS,
      distributions: DATASETS * 2,
      publishers: PUBLISHERS,
      violations: 0,
      warnings: 0,
      brokenLinks: 0,
    },
    harvest: {
      pages: Math.ceil(DATASETS / 100),
      records: DATASETS,
      duplicates: 0,
      complete: true,
      missingPages: [],
    },
    run: {
      source: 'https://portal.example',
      startedAt: '',
      finishedAt: '',
      tool: { name: 'dcat-harvest', version: 'bench' },
      options: {},
      durations: { harvest: 0, validate: 0, audit: 0, report: 0, total: 1 },
    },
    schema: 'dcat-harvest/report@2',
  } as RunReportHead;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
async function time<T>(body: () => T | Promise<T>, repeat = 5): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    result = await body();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result: result as T };
}

const store = HistoryStore.open(file);
store.putCatalog({
  id: 'gouv',
  source: 'https://portal.example',
  options: {},
  schedule: {},
  origin: 'file',
});
const inserts: number[] = [];
const day0 = Date.UTC(2026, 0, 1);
const t0 = performance.now();
for (let run = 0; run < RUNS; run++) {
  const id = store.createRun('gouv', 'schedule');
  store.startRun(id, `runs/${id}/gouv`);
  const t = performance.now();
  await recordRows(store, id, head(run), rows(run), {
    finishedAt: new Date(day0 + run * 86_400_000),
  });
  inserts.push(performance.now() - t);
  if ((run + 1) % 10 === 0) process.stderr.write(`${run + 1}/${RUNS} runs\n`);
}
const fillS = (performance.now() - t0) / 1000;
const worst = catalogPublishers(store, 'gouv')?.publishers[0]?.id ?? 1;
const q = {
  history: await time(() => catalogHistory(store, 'gouv')),
  month: await time(() =>
    catalogHistory(store, 'gouv', {
      from: new Date(day0 + (RUNS - 30) * 86_400_000).toISOString(),
    }),
  ),
  trend: await time(() => scoreTrend(store, 'gouv')),
  publishers: await time(() => catalogPublishers(store, 'gouv')),
  publisher: await time(() => publisherDetail(store, 'gouv', worst, { limit: 200 })),
};
store.db.pragma('wal_checkpoint(TRUNCATE)');
const mb = statSync(file).size / 1024 / 1024;
store.close();
const f = (ms: number) => ms.toFixed(1);
console.log(
  `| runs | datasets | publishers | fill (s) | insert one run, median / last (ms) | history, all (ms) | history, 30 days (ms) | trend (ms) | publishers + trends (ms) | one publisher's datasets (ms) | database (MB) |`,
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
console.log(
  `| ${RUNS} | ${DATASETS} | ${PUBLISHERS} | ${fillS.toFixed(1)} | ${f(median(inserts))} / ${f(inserts.at(-1) ?? 0)} | ${f(q.history.ms)} | ${f(q.month.ms)} | ${f(q.trend.ms)} | ${f(q.publishers.ms)} | ${f(q.publisher.ms)} | ${mb.toFixed(0)} |`,
);
process.stderr.write(
  `checks: ${q.history.result.length} runs, ${q.publishers.result?.publishers.length} publishers, ${q.publisher.result?.datasets.length} datasets of publisher ${worst}\n`,
);
if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
