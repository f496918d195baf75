// run --since: unchanged catalogs reuse their results, changed ones are assessed again, and both
// give the report a full run gives; what changed is listed; the same datasets in two catalogs are duplicates.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogChanges } from '../../src/catalogs/changes.js';
import type { Overview } from '../../src/catalogs/overview-model.js';
import { runCatalogs } from '../../src/catalogs/run-catalogs.js';
import type { CatalogEntry } from '../../src/catalogs/catalog-options.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import type { SamplePortalOptions } from '../../src/sample-portal/options.js';
import { cli } from '../helpers/cli.js';

type Truth = ReturnType<Awaited<ReturnType<typeof startSamplePortal>>['groundTruth']>;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dh-since-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the two catalogs (the whole portal, and its HVD datasets) against a portal started for it. */
async function runAgainst(
  options: SamplePortalOptions,
  out: string,
  since?: string,
): Promise<{ overview: Overview; truth: Truth; port: number }> {
  const portal = await startSamplePortal(options);
  try {
    const entries: CatalogEntry[] = [
      { id: 'all', source: portal.url, options: { 'page-size': 20 } },
      { id: 'hvd', source: portal.url, options: { 'page-size': 20, badge: 'hvd' } },
    ];
    const { overview } = await runCatalogs(entries, {
      out: path.join(dir, out),
      workers: 1,
      ...(since ? { since: path.join(dir, since) } : {}),
    });
    return { overview, truth: portal.groundTruth(), port: Number(new URL(portal.url).port) };
  } finally {
    await portal.close();
  }
}

/** A catalog's report.json without what differs between two runs of the same data (times). */
async function canonical(out: string, id: string): Promise<unknown> {
  const report = JSON.parse(await readFile(path.join(dir, out, id, 'report.json'), 'utf8')) as {
    run: Record<string, unknown>;
  };
  const { startedAt: _s, finishedAt: _f, durations: _d, ...run } = report.run;
  return { ...report, run };
}

/** A file of a catalog's report, with the run folder's name in page paths made `RUN`. */
const file = async (out: string, id: string, name: string) =>
  (await readFile(path.join(dir, out, id, name), 'utf8')).replaceAll(path.join(dir, out), 'RUN');

describe('run --since', () => {
  let first: Awaited<ReturnType<typeof runAgainst>>;
  const base = { datasets: 60, seed: 21 };

  beforeAll(async () => {
    first = await runAgainst(base, 'run1');
  }, 300_000);

  it('reuses every result of an unchanged catalog and writes the report a full run writes', async () => {
    const again = await runAgainst({ ...base, port: first.port }, 'run2', 'run1');
    const full = await runAgainst({ ...base, port: first.port }, 'run3');
    for (const row of again.overview.catalogs) {
      expect(row.incremental).toEqual({
        pages: row.incremental?.pages,
        unchangedPages: row.incremental?.pages,
        reused: true,
      });
      expect(row.changes?.counts).toMatchObject({
        added: 0,
        changed: 0,
        removed: 0,
        identifierDrift: 0,
      });
      expect(row.changes?.counts.unchanged).toBe(row.datasets);
      expect(await canonical('run2', row.id)).toEqual(await canonical('run3', row.id));
      for (const name of ['findings.jsonl', 'audit.csv', 'validation.sarif', 'audit.dqv.ttl'])
        expect(await file('run2', row.id, name)).toBe(await file('run3', row.id, name));
      expect(await file('run2', row.id, 'index.html')).toContain(
        again.overview.run.startedAt.slice(0, 10),
      );
    }
    const strip = (o: Overview) =>
      o.catalogs.map(({ durationMs: _d, incremental: _i, changes: _c, ...row }) => row);
    expect(strip(again.overview)).toEqual(strip(full.overview));
  }, 300_000);

  it('assesses a changed catalog again, lists exactly what changed, and still equals a full run', async () => {
    const changedDefects = { ...base, port: first.port, defects: { 'missing-keywords': 0.4 } };
    const incremental = await runAgainst(changedDefects, 'run4', 'run1');
    await runAgainst(changedDefects, 'run5');
    const flagged = (t: Truth) =>
      new Set(t.records.filter((r) => r.defects.includes('missing-keywords')).map((r) => r.iri));
    const a = flagged(first.truth);
    const b = flagged(incremental.truth);
    const flipped = [...new Set([...a, ...b])].filter((iri) => a.has(iri) !== b.has(iri)).sort();
    expect(flipped.length).toBeGreaterThan(5);
    const all = incremental.overview.catalogs.find((c) => c.id === 'all');
    expect(all?.incremental?.reused).toBe(false);
    expect(all?.incremental?.why).toBe('pages changed');
    const changes = JSON.parse(await file('run4', 'all', 'changes.json')) as CatalogChanges;
    expect(changes.changed.map((c) => c.iri)).toEqual(flipped);
    expect(changes.counts).toMatchObject({ added: 0, removed: 0, changed: flipped.length });
    expect(changes.counts.unchanged).toBe(60 - flipped.length);
    for (const id of ['all', 'hvd'])
      expect(await canonical('run4', id)).toEqual(await canonical('run5', id));
    expect(await file('run4', 'all', 'findings.jsonl')).toBe(
      await file('run5', 'all', 'findings.jsonl'),
    );
    const html = await readFile(path.join(dir, 'run4', 'index.html'), 'utf8');
    expect(html).toContain('Changes since the previous run');
    expect(html).toContain(`<h4>Changed (${flipped.length})</h4>`);
  }, 300_000);

  it('lists the datasets both catalogs hold as cross-catalog duplicates', async () => {
    const hvd = first.overview.catalogs.find((c) => c.id === 'hvd');
    expect(hvd?.datasets).toBeGreaterThan(0);
    const d = first.overview.duplicates;
    expect(d.byIri).toBe(hvd?.datasets);
    expect(d.listed.every((g) => g.members.map((m) => m.catalog).join() === 'all,hvd')).toBe(true);
    const lines = (await readFile(path.join(dir, 'run1', 'duplicates.jsonl'), 'utf8'))
      .trim()
      .split('\n');
    expect(lines).toHaveLength(d.groups);
  });

  it('refuses a --since folder that holds no overview, and the --out folder itself', async () => {
    const none = await cli(['run', 'x.ttl', '--since', dir, '-o', path.join(dir, 'run9')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no overview report.json');
    const same = await cli([
      'run',
      'x.ttl',
      '--since',
      path.join(dir, 'run1'),
      '-o',
      path.join(dir, 'run1'),
    ]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('not the --out folder');
  });
});

describe('run --since with local files', () => {
  it('reuses an unchanged file and lists every dataset of a catalog the previous run did not have', async () => {
    const file = path.resolve('test/fixtures/diff/same-graph.ttl');
    const a: CatalogEntry = { id: 'a', source: file, options: {} };
    const b: CatalogEntry = { id: 'b', source: file, options: {} };
    await runCatalogs([a], { out: path.join(dir, 'files1'), workers: 0 });
    const { overview } = await runCatalogs([a, b], {
      out: path.join(dir, 'files2'),
      since: path.join(dir, 'files1'),
      workers: 0,
    });
    const [rowA, rowB] = overview.catalogs;
    expect(rowA?.incremental).toMatchObject({ reused: true, unchangedPages: 1 });
    expect(rowB?.incremental).toMatchObject({ reused: false, why: 'not in the previous run' });
    expect(rowB?.changes?.counts.added).toBe(rowB?.datasets);
    expect(rowB?.datasets).toBeGreaterThan(0);
    expect(overview.duplicates.byIri).toBe(rowB?.datasets);
    // The reused report counts what a full run counts.
    const read = async (run: string) =>
      JSON.parse(await readFile(path.join(dir, run, 'a', 'report.json'), 'utf8')) as {
        harvest: unknown;
        counts: unknown;
      };
    expect((await read('files2')).harvest).toEqual((await read('files1')).harvest);
    expect((await read('files2')).counts).toEqual((await read('files1')).counts);
  }, 120_000);
});
