// The harvest against the sample portal: every fault kind, ground truth, resume after a kill.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { harvest, type HarvestOptions } from '../../src/fetch/harvest.js';
import { parseText } from '../../src/rdf/parse.js';
import { datasetHeader } from '../../src/sample-portal/catalog.js';
import { datasetIri } from '../../src/sample-portal/dataset-graph.js';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';

const http = { backoff: { baseMs: 5, maxMs: 50 }, retries: 3, maxRetryAfterMs: 50 };

async function harvestPortal(
  faults: string,
  options: Partial<HarvestOptions> = {},
  datasets = 450,
) {
  const portal = await startSamplePortal({ datasets, seed: 7, faults });
  try {
    const out = await mkdtemp(path.join(os.tmpdir(), 'harvest-portal-'));
    const summary = await harvest(portal.url, { out, http, ...options });
    return {
      summary,
      manifest: summary.manifest,
      out,
      truth: portal.groundTruth(),
      stats: portal.stats(),
      datasets: portalDatasets(portal),
    };
  } finally {
    await portal.close();
  }
}

/** The IRI of every dataset of the portal. */
function portalDatasets(portal: SamplePortal): string[] {
  const site = { base: portal.url, title: portal.settings.title };
  const config = portal.settings.catalog;
  return Array.from({ length: config.datasets }, (_, i) =>
    datasetIri(site, datasetHeader(config, i)),
  );
}

/** The dcat:Dataset nodes of every page stored in a harvest folder. */
async function folderDatasets(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const name of await readdir(path.join(dir, 'pages'))) {
    const text = await readFile(path.join(dir, 'pages', name), 'utf8');
    for (const q of (await parseText(text, { format: 'turtle', lenient: true })).quads)
      if (q.object.value === 'http://www.w3.org/ns/dcat#Dataset') out.add(q.subject.value);
  }
  return out;
}

/** File name → sha256 of every stored page (comparing hashes keeps failures readable and fast). */
async function pageBytes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(path.join(dir, 'pages'))).sort()) {
    const bytes = await readFile(path.join(dir, 'pages', name));
    out[name] = createHash('sha256').update(bytes).digest('hex');
  }
  return out;
}

describe('harvest against the sample portal', () => {
  it('gets every dataset of the ground truth with no fault', async () => {
    const { summary, manifest, truth } = await harvestPortal('');
    expect(summary.exitCode).toBe(0);
    expect(manifest.completeness).toMatchObject({
      totalItems: truth.datasets,
      uniqueDatasets: truth.datasets,
      duplicates: 0,
      pagesExpected: 5,
      pagesStored: 5,
    });
    expect(manifest.context && 'wrapped' in manifest.context).toBe(true);
  });

  it.each([
    ['5xx=p2+p4'],
    ['429=p3x2'],
    ['reset=p2'],
    ['truncate=p3'],
    ['gzip'],
    ['br'],
    ['redirects=3'],
    ['loop=p2'],
    ['latency=20+5/page'],
  ])('recovers everything under %s', async (faults) => {
    const { summary, manifest, truth } = await harvestPortal(faults);
    expect(manifest.completeness?.missingPages).toEqual([]);
    expect(manifest.completeness?.uniqueDatasets).toBe(truth.datasets);
    expect(summary.exitCode).toBe(0);
  });

  it('ignores a next link to another origin and still gets every page by number', async () => {
    const { summary, manifest, truth } = await harvestPortal('cross-origin=p1');
    expect(manifest.completeness?.uniqueDatasets).toBe(truth.datasets);
    expect(manifest.completeness?.stopped[0]).toMatch(
      /ignored a paging link to another origin: http:\/\/localhost/,
    );
    expect(summary.exitCode).toBe(0);
  });

  it('lists a page that keeps failing with 5xx and keeps all the others', async () => {
    const { summary, manifest, truth } = await harvestPortal('5xx=p3x*', {
      adaptivePageSize: false,
    });
    expect(summary.exitCode).toBe(3);
    expect(manifest.completeness?.missingPages).toEqual([
      expect.stringMatching(/page=3&page_size=100$/),
    ]);
    expect(manifest.completeness?.uniqueDatasets).toBe(truth.datasets - 100);
  });

  it('keeps a malformed page with its error position and lists it', async () => {
    const { summary, manifest } = await harvestPortal('malformed=p2');
    const page = manifest.pages.find((p) => p.id === '000002');
    expect(page?.file).toBe('pages/000002.ttl');
    expect(page?.error?.kind).toBe('parse');
    expect(page?.error?.line).toBeGreaterThan(0);
    expect(manifest.completeness?.unparsablePages).toEqual(['000002']);
    expect(summary.exitCode).toBe(3);
  });

  it('refuses an oversized page over --max-size and lists it', async () => {
    const { summary, manifest } = await harvestPortal('oversized=p4,oversized-mb=3', {
      http: { ...http, maxBytes: 2 * 1024 * 1024 },
    });
    expect(manifest.pages.find((p) => p.id === '000004')?.error?.kind).toBe('limit');
    expect(manifest.completeness?.missingPages).toHaveLength(1);
    expect(summary.exitCode).toBe(3);
  });

  it('splits the 502 of a too-big page (page_size 2000) into half pages and loses nothing', async () => {
    const { summary, manifest, truth } = await harvestPortal('', { pageSize: 2000 }, 2100);
    expect(manifest.pages.find((p) => p.id === '000001')?.splitInto).toEqual([
      '000001-1',
      '000001-2',
    ]);
    expect(manifest.completeness?.uniqueDatasets).toBe(truth.datasets);
    expect(manifest.completeness?.missingPages).toEqual([]);
    expect(summary.exitCode).toBe(0);
  });

  it.each([
    ['drift', 450, 1],
    ['drift', 400, 4],
    ['drift=p3', 400, 1],
    ['drift=p2+p4', 500, 8],
  ])(
    'counts the duplicates of %s over %i datasets (concurrency %i) as the ground truth says, and loses none',
    async (faults, size, concurrency) => {
      const { summary, manifest, truth, out, datasets } = await harvestPortal(
        faults,
        { concurrency },
        size,
      );
      const drift = truth.drift!;
      expect(drift.uniqueDatasets).toBe(size);
      expect(manifest.completeness).toMatchObject({
        complete: true,
        totalItems: drift.totalItems.first,
        totalItemsChanges: [
          { page: '000001', totalItems: drift.totalItems.first },
          ...drift.pages.map((p) => ({
            page: String(p.page).padStart(6, '0'),
            totalItems: p.totalItems,
          })),
        ],
        datasetsSeen: drift.datasetsSeen,
        uniqueDatasets: drift.uniqueDatasets,
        duplicates: drift.duplicates,
        pagesExpected: drift.lastPage.last,
        pagesStored: drift.lastPage.last,
        missingPages: [],
      });
      expect(manifest.completeness?.duplicateSample.slice().sort()).toEqual(
        drift.pages.flatMap((p) => p.repeats.map((r) => r.iri)).sort(),
      );
      expect(summary.exitCode).toBe(0);
      expect([...(await folderDatasets(out))].sort()).toEqual(datasets.sort());
    },
  );

  it('removes the half-written page files a killed harvest left when it resumes', async () => {
    const portal = await startSamplePortal({ datasets: 250, seed: 3 });
    try {
      const out = await mkdtemp(path.join(os.tmpdir(), 'harvest-part-'));
      await harvest(portal.url, { out, http });
      const pages = path.join(out, 'pages');
      const whole = (await readdir(pages)).sort();
      await writeFile(
        path.join(pages, '000002.ttl.0a1b2c3d4e5f.part'),
        '@prefix dcat: <http://www',
      );
      const resumed = await harvest(portal.url, { out, http, resume: true });
      expect(resumed.exitCode).toBe(0);
      expect((await readdir(pages)).sort()).toEqual(whole);
    } finally {
      await portal.close();
    }
  });

  it('waits out a dripping page', async () => {
    const { summary } = await harvestPortal('drip=p2,drip-interval=20');
    expect(summary.exitCode).toBe(0);
  });

  it('stores byte-identical pages with or without faults', async () => {
    // The faults hit first attempts only: a second walk of the same portal meets none.
    const portal = await startSamplePortal({
      datasets: 450,
      seed: 7,
      faults: '5xx=p1+p3,reset=p2,truncate=p4,429=p5,br',
    });
    try {
      const faulty = await mkdtemp(path.join(os.tmpdir(), 'harvest-faulty-'));
      const clean = await mkdtemp(path.join(os.tmpdir(), 'harvest-clean-'));
      const first = await harvest(portal.url, { out: faulty, http, concurrency: 8 });
      const second = await harvest(portal.url, { out: clean, http, concurrency: 1 });
      expect(first.manifest.pages.map((p) => p.attempts)).toEqual([2, 2, 2, 2, 2]);
      expect(second.manifest.pages.map((p) => p.attempts)).toEqual([1, 1, 1, 1, 1]);
      expect(await pageBytes(faulty)).toEqual(await pageBytes(clean));
    } finally {
      await portal.close();
    }
  });

  it(
    'resumes a killed harvest process into a folder identical to an uninterrupted run',
    { timeout: 300_000 },
    async () => {
      const portal = await startSamplePortal({ datasets: 600, seed: 7, pageLatency: 400 });
      try {
        const whole = await mkdtemp(path.join(os.tmpdir(), 'harvest-whole-'));
        await harvest(portal.url, { out: whole, http, concurrency: 4 });
        const killed = path.join(await mkdtemp(path.join(os.tmpdir(), 'harvest-kill-')), 'out');
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            'src/cli/main.ts',
            'harvest',
            portal.url,
            '-o',
            killed,
            '--concurrency',
            '2',
            '--no-progress',
          ],
          { stdio: 'ignore' },
        );
        // Kill it once a few pages are on disk.
        for (let i = 0; i < 200; i++) {
          await new Promise((r) => setTimeout(r, 100));
          const names = await readdir(path.join(killed, 'pages')).catch(() => []);
          if (names.filter((n) => n.endsWith('.ttl')).length >= 2) break;
        }
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        const partial = (await readdir(path.join(killed, 'pages'))).filter((n) =>
          n.endsWith('.ttl'),
        );
        expect(partial.length).toBeGreaterThanOrEqual(2);
        expect(partial.length).toBeLessThan(6);
        const resumed = await harvest(portal.url, { out: killed, http, resume: true });
        expect(resumed.exitCode).toBe(0);
        expect(resumed.manifest.completeness?.uniqueDatasets).toBe(600);
        const a = await pageBytes(whole);
        const b = await pageBytes(killed);
        expect(Object.keys(b).filter((n) => n.endsWith('.part'))).toEqual([]);
        expect(b).toEqual(a);
      } finally {
        await portal.close();
      }
    },
  );
});
