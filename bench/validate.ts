// Benchmark: whole-graph validation with the stock rdf-validate-shacl vs ours (whole graph, and
// record by record on 1 and 2 worker threads) on a harvested sample-portal catalog, DCAT-AP 3
// full with background knowledge, same run, results compared.
//   npx tsx bench/validate.ts [--datasets 10000] [--modes stock,whole,1,2]
//                             [--limit-min 15] [--limit-mb 16000]
// Each mode runs in its own child process so its peak RSS (all threads) is measured alone; a
// watchdog samples the child's RSS and stops it past --limit-min minutes or --limit-mb MB.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetCore, Quad, Term } from '@rdfjs/types';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};

/** A finding's key as the issue compares them; blank node labels masked. */
const mask = (key: string) => key.replace(/_:[\w.-]+/g, '_:');
const hashOf = (keys: string[]) =>
  createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16);
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Ours: runValidation as one graph (`whole`) or on a pool of N workers. */
async function oursChild(mode: string, folder: string): Promise<void> {
  const { runValidation } = await import('../src/shacl/run.js');
  const started = performance.now();
  const run = await runValidation([folder], {
    profile: 'dcat-ap-3',
    level: 'full',
    wholeGraph: mode === 'whole',
    workers: mode === 'whole' ? 0 : Number(mode),
    spool: true, // as the CLI runs it: results wait on disk
  });
  const ms = performance.now() - started;
  const rssMB = peakMB();
  const { runRecords } = await import('../src/shacl/findings.js');
  const keys = [...runRecords(run)]
    .flatMap((r) => r.findings)
    .map((f) =>
      mask(
        [f.focusNode, f.path ?? '', f.component, f.severity, f.value ?? '', f.sourceShape].join(
          '|',
        ),
      ),
    )
    .sort();
  process.stdout.write(
    JSON.stringify({
      mode,
      ms: Math.round(ms),
      rssMB,
      records: run.summary.records,
      findings: keys.length,
      hash: hashOf(keys),
    }) + '\n',
  );
  run.dispose?.();
}

const SH = 'http://www.w3.org/ns/shacl#';
const SEVERITY: Record<string, string> = {
  [SH + 'Violation']: 'violation',
  [SH + 'Warning']: 'warning',
  [SH + 'Info']: 'info',
};

/**
 * The baseline: the whole folder as one graph through the unmodified rdf-validate-shacl (its own
 * RDF/JS environment, its RDF report graph), with the background quads added to the data and
 * results on vocabulary nodes dropped as our validator does (`isData` in src/shacl/validate.ts);
 * findings deduplicated by key as `validateDocuments` does.
 */
async function stockChild(folder: string): Promise<void> {
  const { Store } = await import('n3');
  const { default: SHACLValidator } = await import('rdf-validate-shacl');
  const { loadShapes } = await import('../src/shacl/profiles.js');
  const { createImportResolver } = await import('../src/shacl/imports.js');
  const { loadBackground, breakSubClassCycles } = await import('../src/shacl/background.js');
  const { readDocuments } = await import('../src/shacl/documents.js');
  const { pathString } = await import('../src/shacl/path.js');
  const { closurePlan } = await import('../src/shacl/closure.js');
  const { extractRecords, termId } = await import('../src/rdf/records.js');
  const { RDFS } = await import('../src/vocab.js');

  const started = performance.now();
  const shapes = await loadShapes({ profile: 'dcat-ap-3', level: 'full' });
  const background = await loadBackground();
  const resolver = createImportResolver(shapes.importMap);
  const data: Quad[] = [];
  for await (const document of readDocuments([folder]))
    for (const q of document.quads) data.push(q);
  let quads = [...data, ...background.quads];
  if (quads.some((q) => q.predicate.value === RDFS.subClassOf)) {
    quads = breakSubClassCycles(quads).quads;
  }
  const validator = new SHACLValidator(new Store(shapes.quads), {
    importGraph: (iri) => resolver.importGraph(iri),
  });
  const report = await validator.validate(new Store(quads));
  const shapesGraph = (validator as unknown as { $shapes: { dataset: DatasetCore } }).$shapes
    .dataset;
  const subjects = new Set(data.map((q) => termId(q.subject)));
  const raw: { focusNode: string; key: string }[] = [];
  for (const r of report.results as unknown as {
    focusNode: Term;
    path: Term | null;
    value: Term | null;
    severity: Term;
    sourceConstraintComponent: Term;
    sourceShape: Term;
  }[]) {
    const focusNode = termId(r.focusNode);
    if (background.nodes.has(focusNode) && !subjects.has(focusNode)) continue;
    const key = [
      focusNode,
      r.path ? pathString(shapesGraph, r.path) : '',
      r.sourceConstraintComponent.value,
      SEVERITY[r.severity.value] ?? 'violation',
      r.value ? termId(r.value) : '',
      termId(r.sourceShape),
    ].join('|');
    raw.push({ focusNode, key });
  }
  const ms = performance.now() - started;
  const rssMB = peakMB();
  // Not timed: dedupe, hash, and the records the findings belong to (as `groupByRecord` counts).
  const unique = new Map(raw.map((r) => [r.key, r.focusNode]));
  const keys = [...unique.keys()].map(mask).sort();
  const plan = closurePlan([...shapesGraph] as Quad[]);
  const records = extractRecords(new Store(data), plan.rule);
  const owner = new Map<string, string>();
  for (const record of records) owner.set(record.id, record.id);
  for (const record of records) {
    for (const q of record.quads) {
      const id = termId(q.subject);
      if (!owner.has(id)) owner.set(id, record.id);
    }
  }
  const ids = new Set(records.map((r) => r.id));
  for (const focusNode of unique.values()) ids.add(owner.get(focusNode) ?? focusNode);
  process.stdout.write(
    JSON.stringify({
      mode: 'stock',
      ms: Math.round(ms),
      rssMB,
      records: ids.size,
      findings: keys.length,
      rawResults: raw.length,
      hash: hashOf(keys),
    }) + '\n',
  );
}

/** Resident set of a process (all its threads), MB, or 0 once it is gone. */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

interface Row {
  mode: string;
  ms?: number;
  rssMB?: number;
  records?: number;
  findings?: number;
  rawResults?: number;
  hash?: string;
  stopped?: string;
  load: string;
}

async function runMode(mode: string, folder: string, limitMs: number, limitMB: number) {
  const loadBefore = os.loadavg().map((l) => l.toFixed(2));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--max-old-space-size=20480',
      // Record by record, heaps grow as the CLI lets them (src/cli/main.ts); the whole-graph
      // modes keep V8's default.
      ...(/^\d+$/.test(mode) ? ['--heap-growing-percent=50'] : []),
      fileURLToPath(import.meta.url),
      '--child',
      mode,
      folder,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
  const started = performance.now();
  let sampled = 0;
  let stopped: string | undefined;
  const timer = setInterval(() => {
    const rss = rssOf(child.pid as number);
    sampled = Math.max(sampled, rss);
    const elapsed = performance.now() - started;
    if (rss > limitMB) stopped = `stopped at ${Math.round(elapsed / 1000)} s: RSS ${rss} MB`;
    else if (elapsed > limitMs)
      stopped = `stopped at ${Math.round(elapsed / 1000)} s, RSS ${rss} MB`;
    if (stopped) {
      clearInterval(timer);
      child.kill('SIGKILL');
    }
  }, 500);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(timer);
  const load = `${loadBefore.join(' ')} → ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
  const line = out.trim().split('\n').pop() ?? '';
  if (stopped) return { mode, stopped: `${stopped} (sampled peak ${sampled} MB)`, load };
  if (code !== 0 || !line.startsWith('{')) {
    return { mode, stopped: `failed (exit ${code}): ${err.slice(-600)}`, load };
  }
  return { ...(JSON.parse(line) as Omit<Row, 'load'>), load };
}

async function main(): Promise<void> {
  const datasets = Number(value('--datasets', '10000'));
  const modes = value('--modes', 'stock,whole,1,2').split(',');
  const limitMs = Number(value('--limit-min', '15')) * 60_000;
  const limitMB = Number(value('--limit-mb', '16000'));
  const folder = path.join(here, 'output', `validate-${datasets}`);
  if (!existsSync(path.join(folder, 'manifest.json'))) {
    await mkdir(path.dirname(folder), { recursive: true });
    const { startSamplePortal } = await import('../src/sample-portal/server.js');
    const { harvest } = await import('../src/fetch/harvest.js');
    const portal = await startSamplePortal({ datasets, seed: 1 });
    const t = performance.now();
    try {
      await harvest(portal.url, { out: folder });
    } finally {
      await portal.close();
    }
    process.stdout.write(
      `harvested ${datasets} datasets in ${Math.round(performance.now() - t)} ms\n`,
    );
  }
  const pages = (await readdir(path.join(folder, 'pages')).catch(() => [])).length;
  process.stdout.write(`folder ${folder} (${pages} pages), ${new Date().toISOString()}\n`);
  const rows: Row[] = [];
  for (const mode of modes) {
    const row = await runMode(mode, folder, limitMs, limitMB);
    rows.push(row);
    process.stdout.write(`${new Date().toISOString()} ${JSON.stringify(row)}\n`);
  }
  const stock = rows.find((r) => r.mode === 'stock' && r.hash);
  const label = (mode: string) =>
    mode === 'stock'
      ? 'stock rdf-validate-shacl, whole graph'
      : mode === 'whole'
        ? 'ours, whole graph'
        : `ours, ${mode} worker${mode === '1' ? '' : 's'}`;
  process.stdout.write(
    '\n| mode | wall | peak RSS | records | findings | hash | identical to stock | load avg before → after |\n' +
      '|---|---|---|---|---|---|---|---|\n',
  );
  for (const r of rows) {
    const same = !stock || !r.hash ? '—' : r.hash === stock.hash ? 'yes' : 'NO';
    const cells = r.stopped
      ? [label(r.mode), r.stopped, '', '', '', '', same, r.load]
      : [
          label(r.mode),
          `${((r.ms ?? 0) / 1000).toFixed(1)} s`,
          `${(r.rssMB ?? 0).toLocaleString('en')} MB`,
          (r.records ?? 0).toLocaleString('en'),
          (r.findings ?? 0).toLocaleString('en'),
          r.hash ?? '',
          same,
          r.load,
        ];
    process.stdout.write(`| ${cells.join(' | ')} |\n`);
  }
  const hashes = new Set(rows.filter((r) => r.hash).map((r) => r.hash));
  process.stdout.write(
    `results identical across completed modes: ${hashes.size === 1 ? 'yes' : 'NO'}\n`,
  );
}

if (args[0] === '--child') {
  const [, mode, folder] = args;
  if (mode === 'stock') await stockChild(folder as string);
  else await oursChild(mode as string, folder as string);
} else {
  await main();
}
