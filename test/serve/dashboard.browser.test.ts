// The dashboard in real headless Chromium: two sample-portal catalogs run twice show their history; nothing but our server, no CSP violation.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/history/model.js';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import { browserSkipReason, launchChromium } from '../report/html-browser.js';
import { watchedPage } from '../helpers/watched-page.js';
import { startServer, type Started } from './serve-helper.js';

const skip = browserSkipReason();
if (skip) console.warn(`skipped: ${skip}`);

describe.skipIf(skip !== undefined)('The dashboard in headless Chromium', () => {
  let dir: string;
  let s: Started;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const portals: Record<string, SamplePortal> = {};
  const runs: Record<string, RunSummary[]> = { north: [], south: [] };

  const runBoth = async () => {
    for (const id of ['north', 'south']) s.server.dashboard.runner.request(id, 'api');
    await s.server.dashboard.runner.idle();
    for (const id of ['north', 'south'])
      runs[id]?.push(s.server.dashboard.store.latestRun(id) as RunSummary);
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dh-dashboard-browser-'));
    portals.north = await startSamplePortal({ datasets: 300, seed: 21 });
    portals.south = await startSamplePortal({ datasets: 200, seed: 22 });
    const file = path.join(dir, 'catalogs.yaml');
    await writeFile(
      file,
      `defaults:
  page-size: 100
catalogs:
  - id: north
    title: North portal
    source: ${portals.north.url}
    cron: "0 4 * * *"
  - id: south
    title: South portal
    source: ${portals.south.url}
    cron: "0 5 * * *"
`,
    );
    s = await startServer({ dataDir: path.join(dir, 'data'), catalogsFile: file, workers: 1 });
    await runBoth();
    // The north portal grows between the runs: its history moves.
    await portals.north.close();
    portals.north = await startSamplePortal({ datasets: 340, seed: 21, port: portals.north.port });
    await runBoth();
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await s?.server.close();
    for (const p of Object.values(portals)) await p.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    ({ page, problems } = await watchedPage(browser, s.base));
  });

  it('shows each catalog with its latest score, rating, conformity, trend, last and next run', async () => {
    expect(runs.north?.map((r) => r.status)).toEqual(['done', 'done']);
    expect(runs.south?.map((r) => r.status)).toEqual(['done', 'done']);
    await page.goto(`${s.base}/catalogs`);
    const rows = page.locator('#catalogs tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    for (const [i, id] of ['north', 'south'].entries()) {
      const row = rows.nth(i);
      const [before, after] = runs[id] as [RunSummary, RunSummary];
      await expect(row.locator('td').first().textContent()).resolves.toBe(String(after.score));
      await expect(row.locator('.rating').textContent()).resolves.toBe(after.rating);
      await expect(row.locator('td').nth(2).textContent()).resolves.toMatch(
        new RegExp(`^${after.conformingRecords} / ${after.records} \\(\\d+%\\)$`),
      );
      await expect(row.locator('td').nth(3).textContent()).resolves.toBe(String(after.datasets));
      await expect(row.locator('svg.sparkline').getAttribute('aria-label')).resolves.toBe(
        `Score of ${id === 'north' ? 'North' : 'South'} portal: 2 runs, from ${before.score} to ${after.score}`,
      );
      await expect(row.locator('td').nth(5).textContent()).resolves.toMatch(/ UTC done$/);
      await expect(row.locator('td').nth(6).locator('time').count()).resolves.toBe(1);
    }
    await expect(rows.nth(0).locator('td').nth(3).textContent()).resolves.toBe('340');
    expect(problems).toEqual([]);
  });

  it('opens a catalog from the keyboard: its history charts, runs, publishers and diff', async () => {
    await page.goto(`${s.base}/catalogs`);
    await page.locator('#catalogs a[href="/catalogs/north"]').focus();
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).toBe('solid');
    await Promise.all([page.waitForURL(`${s.base}/catalogs/north`), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('North portal');
    const line = page.locator('#score-history + figure svg polyline');
    await expect(line.getAttribute('points')).resolves.toMatch(/^\S+ \S+$/);
    await expect(page.locator('#dimension-history + figure svg polyline').count()).resolves.toBe(5);
    await expect(page.locator('#runs tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('#publishers tbody tr').count()).resolves.toBeGreaterThan(1);
    await expect(page.locator('#publishers tbody svg.sparkline').count()).resolves.toBeGreaterThan(
      1,
    );
    const [before] = runs.north as [RunSummary];
    await expect(page.getByText(`Compared with run ${before.id}.`).count()).resolves.toBe(1);
    const diffText = (await page.locator('#diff ~ p').allTextContents()).join('\n');
    const [, added, removed] =
      /^Datasets: (\d+) added, \d+ changed, (\d+) removed/m.exec(diffText) ?? [];
    expect(Number(added) - Number(removed)).toBe(40); // 300 datasets, then 340
    expect(problems).toEqual([]);
  });

  it('opens a publisher, fixes first, and the latest run’s full HTML report', async () => {
    await page.goto(`${s.base}/catalogs/north`);
    await Promise.all([
      page.waitForURL(/\/catalogs\/north\/publishers\/\d+$/),
      page.locator('#publishers tbody a').first().click(),
    ]);
    const headings = await page.locator('h2').allTextContents();
    expect(headings).toEqual(['Fix first', 'Datasets']);
    const scores = (await page.locator('#datasets tbody td:nth-child(2)').allTextContents()).map(
      Number,
    );
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    await page.goto(`${s.base}/catalogs/north`);
    await Promise.all([
      page.waitForURL(/\/runs\/\d+\/report$/),
      page.locator('#latest-report').click(),
    ]);
    await expect(page.locator('[data-testid=gauge-score]').textContent()).resolves.toBe(
      String(runs.north?.[1]?.score),
    );
    expect(problems).toEqual([]);
  });
});
