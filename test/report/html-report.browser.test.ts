// The HTML report in real headless Chromium: numbers, search, filters, paging, drill-down, escaping.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html/render.js';
import type { RunReport } from '../../src/run/report-model.js';
import { browserSkipReason, launchChromium } from './html-browser.js';
import { syntheticReport } from './html-synthetic.js';

const skip = browserSkipReason();
if (skip) console.warn(`skipped: ${skip}`);

const EVIL = `<img src=x onerror="window.__pwned=1"></script><script>window.__pwned=2</script>&amp;`;
const OUT = resolve('test-output');

describe.skipIf(skip !== undefined)('The HTML report in headless Chromium', () => {
  const report = syntheticReport({ datasets: 230, publishers: 7, firstTitle: EVIL });
  report.validation.groups[0]!.message = `${EVIL} dataset «${EVIL}» (https://evil.example/)`;
  report.publishers[0]!.name = `<b onmouseover="window.__pwned=3">Org</b>`;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    const file = join(OUT, 'report-html-test.html');
    await writeFile(file, renderHtmlReport(report));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:'))
        problems.push(`request ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-ready=true]');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const status = (id: string) => page.locator(`#${id}-status`).getAttribute('data-count');

  it('shows the counts, score and rating of report.json', async () => {
    const text = (id: string) => page.getByTestId(id).textContent();
    expect(await text('count-datasets')).toBe(String(report.counts.datasets));
    expect(await text('count-distributions')).toBe(String(report.counts.distributions));
    expect(await text('count-publishers')).toBe(String(report.counts.publishers));
    expect(await text('count-violations')).toBe(String(report.counts.violations));
    expect(await text('count-warnings')).toBe(String(report.counts.warnings));
    expect(await text('count-broken-links')).toBe(String(report.counts.brokenLinks));
    expect(await text('gauge-score')).toBe(String(report.audit.score));
    expect((await text('rating'))?.toLowerCase()).toBe(report.audit.rating);
    expect(await status('ds')).toBe('230');
    expect(await status('pub')).toBe('7');
    expect(await page.locator('#datasets tbody tr').count()).toBe(50);
  });

  it('searches titles and filters by rating, publisher and validity', async () => {
    const word = report.datasets[3]!.title!.split(' ')[0]!.toLowerCase();
    await page.fill('#ds-search', word.toUpperCase());
    const found = report.datasets.filter((d) => `${d.title}\n${d.id}`.toLowerCase().includes(word));
    expect(found.length).toBeGreaterThan(1);
    await expect.poll(() => status('ds')).toBe(String(found.length));
    await page.fill('#ds-search', '');
    await page.selectOption('#ds-rating', 'sufficient');
    await expect
      .poll(() => status('ds'))
      .toBe(String(report.datasets.filter((d) => d.rating === 'sufficient').length));
    await page.selectOption('#ds-rating', '');
    await page.selectOption('#ds-validity', 'violations');
    await expect
      .poll(() => status('ds'))
      .toBe(String(report.datasets.filter((d) => d.counts.violation > 0).length));
    await page.selectOption('#ds-validity', '');
    await page.selectOption('#ds-publisher', '2');
    const mine = report.datasets.filter((d) => d.publisher === report.publishers[2]!.id).length;
    await expect.poll(() => status('ds')).toBe(String(mine));
    await page.selectOption('#ds-publisher', '');
    await expect.poll(() => status('ds')).toBe('230');
  });

  it('pages through the datasets and sorts them by score', async () => {
    await page.click('#ds-next');
    await expect.poll(() => page.locator('#ds-status').textContent()).toContain('51–100 of 230');
    await page.click('#ds-prev');
    const scoreHeader = page.locator('#datasets th[data-key=score]');
    await scoreHeader.locator('button').click();
    const sort = await scoreHeader.getAttribute('aria-sort');
    const first = Number(
      await page.locator('#datasets tbody tr:first-child td.num').first().textContent(),
    );
    const scores = report.datasets.map((d) => d.score);
    expect(first).toBe(sort === 'descending' ? Math.max(...scores) : Math.min(...scores));
  });

  it('drills down to a dataset’s indicators and its findings per group, with the keyboard', async () => {
    const ds = report.datasets[17]!;
    await page.fill('#ds-search', ds.id);
    await expect.poll(() => status('ds')).toBe('1');
    await page.locator('#datasets tbody tr:first-child button').focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('#datasets tr.detail');
    await expect.poll(() => detail.count()).toBe(1);
    expect(await detail.locator('table.inner:not(.groups) tbody tr').count()).toBe(23);
    const rows = detail.locator('table.groups tbody tr');
    expect(ds.groups.length).toBeGreaterThanOrEqual(5);
    expect(await rows.count()).toBe(ds.groups.length);
    const total = ds.groups.reduce((sum, [, n]) => sum + n, 0);
    expect(await detail.locator('table.groups caption').textContent()).toBe(
      `Findings: ${total} in ${ds.groups.length} groups (one line per group; the findings one by one are in findings.jsonl beside this page)`,
    );
    for (let k = 0; k < ds.groups.length; k++) {
      const [g, n] = ds.groups[k]!;
      const group = report.validation.groups[g]!;
      const cells = await rows.nth(k).locator('th, td').allTextContents();
      expect(cells[0]).toBe(group.severity);
      expect(cells[2]).toBe(group.path);
      expect(cells[3]).toBe(group.component);
      expect(cells[4]).toBe(String(n));
      // The group's example names another dataset: the page names this one, the value elided.
      expect(cells[1]).toContain(`dataset «${ds.title}» (${ds.id})`);
      if (group.component === 'sh:MinCountConstraintComponent') {
        expect(cells[1]).toContain(`has no ${group.path} (`);
      } else if (group.component === 'sh:MaxCountConstraintComponent') {
        expect(cells[1]).toContain(`has more than 1 ${group.path} (`);
      } else {
        expect(cells[1]).toContain(`${group.path} … `);
      }
    }
    await page.fill('#ds-search', '');
  });

  it('shows a dataset without findings as such', async () => {
    const clean = report.datasets.find((d) => d.groups.length === 0)!;
    await page.fill('#ds-search', clean.id);
    await expect.poll(() => status('ds')).toBe('1');
    const toggle = page.locator(`#datasets tr[data-id="${clean.id}"] button`);
    await toggle.click();
    const detail = page.locator(`#datasets tr[data-id="${clean.id}"] + tr.detail`);
    await expect
      .poll(() => detail.locator('p:not(.iri)').textContent())
      .toBe('No validation findings.');
    await toggle.click();
    await page.fill('#ds-search', '');
  });

  it('shows hostile titles as text and runs none of them', async () => {
    await page.fill('#ds-search', 'onerror');
    const firstTitle = page.locator('#datasets > tbody > tr:first-child > th');
    await expect.poll(() => firstTitle.textContent()).toBe(EVIL);
    expect(await status('ds')).toBe('1');
    await page.locator('#datasets tbody tr:first-child button').click();
    const detail = page.locator('#datasets tr.detail');
    await expect.poll(() => detail.count()).toBe(1);
    expect(await detail.locator('table.groups').textContent()).toContain(`dataset «${EVIL}»`);
    await page.locator('#datasets tbody tr:first-child button').click();
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('#datasets img, #publishers b').count()).toBe(0);
    await page.fill('#ds-search', '');
  });

  it('has no console errors, makes no network request and keeps a screenshot', async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(OUT, 'report-html.png'), fullPage: false });
    expect(problems).toEqual([]);
  });
});

describe.skipIf(skip !== undefined)('The HTML report of a real run in headless Chromium', () => {
  it('shows the numbers of its report.json and drills down to a dataset', async () => {
    const { runPipeline } = await import('../../src/run/run.js');
    const { mkdtemp, readFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const out = await mkdtemp(join(tmpdir(), 'dh-html-'));
    const { files } = await runPipeline(resolve('test/fixtures/run/small-catalog.ttl'), {
      out,
      workers: 0,
    });
    const report = JSON.parse(await readFile(files.json, 'utf8')) as RunReport;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(pathToFileURL(files.html).href);
      await page.waitForSelector('body[data-ready=true]');
      expect(await page.getByTestId('count-datasets').textContent()).toBe(
        String(report.counts.datasets),
      );
      expect(await page.getByTestId('count-violations').textContent()).toBe(
        String(report.counts.violations),
      );
      expect(await page.getByTestId('gauge-score').textContent()).toBe(String(report.audit.score));
      const rows = page.locator('#datasets > tbody > tr');
      expect(await rows.count()).toBe(report.datasets.length);
      await page.locator('#datasets > tbody > tr:first-child button').click();
      const detail = page.locator('#datasets tr.detail');
      expect(await detail.locator('table.inner:not(.groups) tbody tr').count()).toBe(23);
      const id = await page.locator('#datasets > tbody > tr:first-child').getAttribute('data-id');
      const first = report.datasets.find((d) => d.id === id)!;
      expect(await detail.locator('table.groups tbody tr').count()).toBe(first.groups.length);
      await page.screenshot({ path: join(OUT, 'report-html-run.png'), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
