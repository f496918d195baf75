// A Chromium page that records what goes wrong on it: console errors (CSP violations land
// there), page errors, and any request that leaves our server.
import type { Browser, Page } from 'playwright-core';

export interface WatchedPage {
  page: Page;
  /** What went wrong so far, in order. */
  problems: string[];
}

/** Opens a 1200×900 page of `browser` watched for problems; requests must stay under `base`. */
export async function watchedPage(browser: Browser, base: string): Promise<WatchedPage> {
  const problems: string[] = [];
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) problems.push(`request ${r.url()}`);
  });
  return { page, problems };
}
