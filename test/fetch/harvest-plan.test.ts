// A harvest in parts (plan from page 1, planned pages fetched on their own, finish) leaves the folder a whole harvest leaves.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvest } from '../../src/fetch/harvest.js';
import {
  fetchPlannedPages,
  finishPlannedHarvest,
  planHarvest,
  type PlannedOutcome,
} from '../../src/fetch/harvest-plan.js';
import type { HarvestManifest } from '../../src/fetch/manifest.js';
import { startTinyPortal } from './tiny-portal.js';

/** A manifest without what differs between two harvests of the same pages: times. */
async function manifestOf(dir: string): Promise<unknown> {
  const m = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as HarvestManifest;
  const { startedAt: _s, endedAt: _e, ...rest } = m;
  return {
    ...rest,
    pages: m.pages.map(({ timeMs: _t, fetchedAt: _f, ...page }) => page),
  };
}

async function pageFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(path.join(dir, 'pages'))).sort())
    out.set(name, await readFile(path.join(dir, 'pages', name), 'utf8'));
  return out;
}

const catalogPages = (requests: { url: string }[]) =>
  requests
    .filter((r) => r.url.startsWith('/api/1/site/catalog'))
    .map((r) => Number(new URL(r.url, 'http://x').searchParams.get('page')));

describe('a harvest in parts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dh-plan-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('plans from page 1, fetches each planned page once, and finishes as a whole harvest', async () => {
    // Page 3 fails for good; page 4's outcome is not given to finish: it is fetched there.
    const portal = await startTinyPortal({
      datasets: 23,
      fault: (url, res) => {
        if (url.searchParams.get('page') !== '3') return false;
        res.writeHead(500).end('down');
        return true;
      },
    });
    try {
      const options = { pageSize: 5, http: { retries: 0 } };
      await harvest(portal.url, { ...options, out: path.join(dir, 'whole') });
      portal.requests.length = 0;
      const out = path.join(dir, 'parts');
      const started = await planHarvest(portal.url, { ...options, out });
      if (!('plan' in started)) throw new Error('expected a plan');
      const { plan } = started;
      expect(plan).toMatchObject({ last: 5, final: 5, format: 'turtle', adaptive: true });
      expect(plan.first.entries.map((e) => e.id)).toEqual(['000001']);
      expect(catalogPages(portal.requests)).toEqual([1]);
      const outcomes = new Map<number, PlannedOutcome>();
      await fetchPlannedPages(plan, [5, 2, 3], { ...options, out }, async (n, outcome) => {
        outcomes.set(n, outcome);
      });
      expect(outcomes.get(3)?.entries[0]?.error?.kind).toBe('http');
      expect(outcomes.get(3)?.missing).toHaveLength(1);
      const summary = await finishPlannedHarvest(plan, async (n) => outcomes.get(n), {
        ...options,
        out,
      });
      expect(catalogPages(portal.requests).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(summary.exitCode).toBe(3);
      expect(summary.manifest.state).toBe('incomplete');
      expect(summary.manifest.completeness?.missingPages).toEqual([
        `${portal.url}/api/1/site/catalog.ttl?page=3&page_size=5`,
      ]);
      expect(await manifestOf(out)).toEqual(await manifestOf(path.join(dir, 'whole')));
      expect(await pageFiles(out)).toEqual(await pageFiles(path.join(dir, 'whole')));
      // Run again (a job retried), the pages in the folder are read, not fetched.
      portal.requests.length = 0;
      await fetchPlannedPages(plan, [2, 5], { ...options, out }, async (n, outcome) => {
        expect(outcome.fromDisk).toBe(true);
        const { timeMs: _t, ...before } = outcomes.get(n)!.entries[0]!;
        expect(outcome.entries).toEqual([{ ...before, timeMs: expect.any(Number) }]);
      });
      expect(catalogPages(portal.requests)).toEqual([]);
    } finally {
      await portal.close();
    }
  });

  it('walks a catalog paged by next links whole: there is no plan', async () => {
    const portal = await startTinyPortal({ datasets: 12, last: false });
    try {
      const out = path.join(dir, 'next');
      const started = await planHarvest(portal.url, { pageSize: 5, out });
      expect('summary' in started && started.summary.manifest.mode).toBe('next');
      expect(catalogPages(portal.requests)).toEqual([1, 2, 3]);
      expect(await pageFiles(out)).toHaveProperty('size', 3);
    } finally {
      await portal.close();
    }
  });
});
