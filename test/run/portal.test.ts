// run, demo and diff against the sample portal on loopback: faults, ground truth, what changed.
import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRuns } from '../../src/diff/diff.js';
import type { RunReport } from '../../src/run/report-model.js';
import { runPipeline } from '../../src/run/run.js';
import type { SamplePortalOptions } from '../../src/sample-portal/options.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { cli } from '../helpers/cli.js';

const tmp = () => mkdtemp(path.join(tmpdir(), 'dh-portal-'));

async function withPortal<T>(
  options: SamplePortalOptions,
  body: (
    url: string,
    truth: ReturnType<Awaited<ReturnType<typeof startSamplePortal>>['groundTruth']>,
  ) => Promise<T>,
): Promise<T> {
  const portal = await startSamplePortal(options);
  try {
    return await body(portal.url, portal.groundTruth());
  } finally {
    await portal.close();
  }
}

const points = (report: RunReport, id: string, indicator: string) =>
  report.datasets.find((d) => d.id === id)?.indicators.find((i) => i.id === indicator)?.points;

describe('run against the sample portal', () => {
  it('recovers from retryable faults and scores the planted defects as the ground truth says', async () => {
    const out = await tmp();
    await withPortal(
      { datasets: 120, seed: 3, faults: '5xx=p2,reset=p3,truncate=p4' },
      async (url, truth) => {
        const { files } = await runPipeline(url, { out, pageSize: 20 });
        const report = JSON.parse(await readFile(files.json, 'utf8')) as RunReport;
        expect(report.harvest.complete).toBe(true);
        expect(report.harvest.pages).toBe(6);
        expect(report.harvest.totalItems).toBe(120);
        expect(report.counts.datasets).toBe(120);
        const noKeywords = truth.records.filter((r) => r.defects.includes('missing-keywords'));
        const noLicence = truth.records.filter((r) => r.defects.includes('missing-licence'));
        expect(noKeywords.length).toBeGreaterThan(0);
        for (const r of noKeywords) expect(points(report, r.iri, 'keywordAvailability')).toBe(0);
        for (const r of noLicence) expect(points(report, r.iri, 'licenceAvailability')).toBe(0);
        const withKeywords = report.datasets.filter((d) => !noKeywords.some((r) => r.iri === d.id));
        for (const d of withKeywords) expect(points(report, d.id, 'keywordAvailability')).toBe(30);
      },
    );
  }, 180_000);

  it('passes the harvest filters through: --badge hvd reports only the HVD datasets', async () => {
    const out = await tmp();
    await withPortal({ datasets: 150, seed: 5 }, async (url) => {
      const page = await fetch(`${url}/api/1/site/catalog.ttl?badge=hvd&page=1&page_size=100`);
      const announced = /:totalItems\s+"?(\d+)/.exec(await page.text())?.[1];
      const hvd = Number(announced);
      expect(hvd).toBeGreaterThan(0);
      expect(hvd).toBeLessThan(150);
      const result = await cli(['run', url, '-o', out, '--badge', 'hvd']);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as RunReport;
      expect(report.harvest.totalItems).toBe(hvd);
      expect(report.counts.datasets).toBe(hvd);
      expect(report.run.options.filters).toBe('badge=hvd');
    });
  }, 180_000);

  it('exits 3 when a page stays broken, and still reports every other page', async () => {
    const out = await tmp();
    await withPortal({ datasets: 60, seed: 4, faults: 'malformed=p2' }, async (url) => {
      const result = await cli(['run', url, '-o', out, '--page-size', '20']);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('harvest incomplete');
      const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as RunReport;
      expect(report.harvest.complete).toBe(false);
      expect(report.harvest.missingPages).toHaveLength(1);
      expect(report.counts.datasets).toBe(40);
      await access(path.join(out, 'index.html'));
    });
  }, 180_000);
});

describe('the demo command', () => {
  it('runs offline end to end and prints where the report is', async () => {
    const out = await tmp();
    const result = await cli(['demo', '-o', out, '--datasets', '100']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Open the report: ${path.join(out, 'index.html')}\n`);
    expect(result.stderr).toMatch(/\[demo\] 100 datasets, \d+ publishers: catalog score \d+\/405/);
    for (const file of [
      'index.html',
      'report.json',
      'validation.sarif',
      'audit.csv',
      'audit.dqv.ttl',
      'publishers',
    ]) {
      await access(path.join(out, file));
    }
    // A second demo into the same folder replaces the first.
    expect((await cli(['demo', '-o', out, '--datasets', '20', '--no-by-publisher'])).code).toBe(0);
  }, 180_000);
});

describe('diff of two sample-portal runs', () => {
  it('finds exactly the datasets whose planted defects changed, and their score changes', async () => {
    const before = await tmp();
    const after = await tmp();
    const base = { datasets: 100, seed: 5 };
    const first = await withPortal(base, async (url, truth) => {
      await runPipeline(url, { out: before });
      return { truth, port: Number(new URL(url).port) };
    });
    const second = await withPortal(
      { ...base, port: first.port, defects: { 'missing-keywords': 0.4 } },
      async (url, truth) => {
        await runPipeline(url, { out: after });
        return truth;
      },
    );
    const flagged = (t: typeof second) =>
      new Set(t.records.filter((r) => r.defects.includes('missing-keywords')).map((r) => r.iri));
    const a = flagged(first.truth);
    const b = flagged(second);
    const flipped = [...new Set([...a, ...b])].filter((iri) => a.has(iri) !== b.has(iri)).sort();
    expect(flipped.length).toBeGreaterThan(5);
    const diff = await diffRuns(before, after);
    expect(diff.records?.added).toEqual([]);
    expect(diff.records?.removed).toEqual([]);
    expect(diff.records?.changed.filter((r) => r.kind === 'dataset').map((r) => r.id)).toEqual(
      flipped,
    );
    const fell = diff
      .scores!.datasets.filter((d) => d.delta < 0)
      .map((d) => d.id)
      .sort();
    expect(fell).toEqual(flipped.filter((iri) => b.has(iri) && !a.has(iri)));
    expect(diff.regressions.join(' ')).toContain('dataset score(s) fell');
    // Findings by what they are: a keyword missing where the defect was planted, fixed where it
    // was lifted, and nothing else.
    const keywordLess = (list: { record: string; path?: string }[]) => {
      expect(list.every((f) => f.path === 'http://www.w3.org/ns/dcat#keyword')).toBe(true);
      return [...new Set(list.map((f) => f.record))].sort();
    };
    expect(keywordLess(diff.findings!.introduced)).toEqual(
      flipped.filter((iri) => b.has(iri) && !a.has(iri)),
    );
    expect(keywordLess(diff.findings!.fixed)).toEqual(
      flipped.filter((iri) => a.has(iri) && !b.has(iri)),
    );
    const exit = await cli(['diff', before, after, '--fail-on-regression']);
    expect(exit.code).toBe(1);
  }, 180_000);
});
