// The validator in real headless Chromium: upload, broken Turtle, keyboard only; nothing but our server.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../report/html-browser.js';
import { watchedPage } from '../helpers/watched-page.js';
import { startServer, type Started } from './serve-helper.js';

const CATALOG = path.resolve(import.meta.dirname, '../fixtures/audit/catalog.ttl');
const skip = browserSkipReason();
if (skip) console.warn(`skipped: ${skip}`);

describe.skipIf(skip !== undefined)('The validator in headless Chromium', () => {
  let s: Started;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    s = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.server.close();
  });
  beforeEach(async () => {
    ({ page, problems } = await watchedPage(browser, s.base));
    await page.goto(s.base + '/');
  });

  it('uploads a file and shows the findings, the scores and the downloads', async () => {
    await page.setInputFiles('#file', CATALOG);
    await page.selectOption('#profile', 'dcat-ap-3');
    await Promise.all([page.waitForURL(`${s.base}/validator`), page.click('button[type=submit]')]);
    await expect(page.locator('#validation-heading').textContent()).resolves.toBe(
      'Validation against dcat-ap-3 (full)',
    );
    await expect(page.locator('.verdict-fail').textContent()).resolves.toContain(
      'Does not conform',
    );
    const first = page.locator('table tbody tr').first().locator('.sev');
    await expect(first.textContent()).resolves.toBe('violation');
    await expect(page.getByText(/«Roads»: \d+\/405/).count()).resolves.toBe(1);
    await expect(page.locator('ul.downloads a').count()).resolves.toBe(16);
    // The stylesheet applied: the report's colours and focus outline are there.
    const colour = await page.evaluate(
      'getComputedStyle(document.querySelector(".sev-violation")).color',
    );
    expect(colour).toBe('rgb(180, 35, 24)');
    expect(problems).toEqual([]);
  });

  it('shows the line and column of broken Turtle, focused, with the text kept', async () => {
    const broken = '@prefix ex: <http://example.org/> .\nex:a ex:b "x" .\nex:c ex:d ex:e ex:f .\n';
    await page.fill('#text', broken);
    await Promise.all([page.waitForURL(`${s.base}/validator`), page.click('button[type=submit]')]);
    await expect(page.locator('#problem .where').textContent()).resolves.toMatch(
      /^Line 3, column \d+$/,
    );
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('problem');
    await expect(page.inputValue('#text')).resolves.toContain('ex:c ex:d ex:e ex:f .');
    // The page itself answers 422, which Chromium logs; nothing else may go wrong.
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
  });

  it('works with the keyboard alone, with a visible focus', async () => {
    const order: string[] = [];
    const focused = () =>
      page.evaluate<string>(
        "document.activeElement?.id || document.activeElement?.className || ''",
      );
    await page.keyboard.press('Tab');
    order.push(await focused()); // the skip link
    await page.keyboard.press('Tab');
    order.push(await focused()); // the site link in the header
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
      if (order.at(-1) === 'text') {
        const outline = await page.evaluate(
          'getComputedStyle(document.activeElement).outlineStyle',
        );
        expect(outline).toBe('solid');
        await page.keyboard.type('<http://example.org/d> a <http://www.w3.org/ns/dcat#Dataset> .');
      }
      if (order.at(-1) === 'profile') await page.keyboard.press('ArrowDown');
    }
    expect(order).toEqual([
      'skip',
      '',
      'text',
      'file',
      'url',
      'format',
      'profile',
      'level',
      'shapes',
      'primary',
    ]);
    await Promise.all([page.waitForURL(`${s.base}/validator`), page.keyboard.press('Enter')]);
    await expect(page.locator('#validation-heading').textContent()).resolves.toMatch(
      /^Validation against/,
    );
    // A dataset's explanation opens from the keyboard.
    const summary = page.locator('#quality-heading ~ details summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(
      page.locator('#quality-heading ~ details').first().getAttribute('open'),
    ).resolves.toBe('');
    expect(problems).toEqual([]);
  });
});
