import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { harvest, readHarvestFolder, type HarvestOptions } from '../../src/fetch/harvest.js';
import type { TestServer } from './server.js';
import { startTinyPortal, type TinyPortalOptions } from './tiny-portal.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const http = { backoff: { baseMs: 2, maxMs: 10 }, retries: 2 };

async function run(
  portal: TinyPortalOptions,
  options: Partial<HarvestOptions> = {},
  source?: (url: string) => string,
) {
  server = await startTinyPortal(portal);
  const out = await mkdtemp(path.join(os.tmpdir(), 'harvest-'));
  const summary = await harvest(source ? source(server.url) : server.url, {
    out,
    pageSize: 10,
    http,
    ...options,
  });
  return { out, summary, manifest: summary.manifest };
}

describe('harvest', () => {
  it('walks a udata portal root concurrently and stores every page as received', async () => {
    const { out, summary, manifest } = await run({ datasets: 45 });
    expect(summary.exitCode).toBe(0);
    expect(manifest.mode).toBe('pattern');
    expect(manifest.state).toBe('complete');
    expect(manifest.pages.map((p) => p.file)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `pages/00000${n}.ttl`),
    );
    expect(manifest.completeness).toMatchObject({
      totalItems: 45,
      uniqueDatasets: 45,
      duplicates: 0,
      pagesExpected: 5,
      missingPages: [],
    });
    expect(manifest.firstPage).toBe(`${server!.url}/api/1/site/catalog.ttl?page=1&page_size=10`);
    const context = JSON.parse(await readFile(path.join(out, 'context.wrapped.jsonld'), 'utf8'));
    expect(context).toEqual({ '@context': { dcat: 'http://www.w3.org/ns/dcat#' } });
    const served = await fetch(`${server!.url}/api/1/site/catalog.ttl?page=3&page_size=10`).then(
      (r) => r.text(),
    );
    expect(await readFile(path.join(out, 'pages/000003.ttl'), 'utf8')).toBe(served);
  });

  it('follows next links one by one when there is no last link', async () => {
    const { manifest } = await run({ datasets: 25, last: false });
    expect(manifest.mode).toBe('next');
    expect(manifest.completeness?.uniqueDatasets).toBe(25);
    expect(manifest.pages).toHaveLength(3);
  });

  it('stops a next loop', async () => {
    const { manifest, summary } = await run({
      datasets: 50,
      last: false,
      next: (page, base) =>
        `${base}/api/1/site/catalog.ttl?page=${page === 2 ? 1 : page + 1}&page_size=10`,
    });
    expect(manifest.pages).toHaveLength(2);
    expect(manifest.completeness?.stopped[0]).toMatch(/paging loop/);
    expect(manifest.state).toBe('incomplete');
    expect(summary.exitCode).toBe(0);
  });

  it('refuses a next link to another origin unless allowed', async () => {
    const { manifest, summary } = await run({
      datasets: 30,
      last: false,
      next: () => 'http://elsewhere.invalid/catalog.ttl?page=2',
    });
    expect(manifest.pages).toHaveLength(1);
    expect(manifest.completeness?.stopped[0]).toMatch(/refused .*elsewhere.invalid/);
    expect(summary.exitCode).toBe(3);
  });

  it('retries 5xx, lists a page that never comes, and keeps the rest', async () => {
    const { manifest, summary } = await run({
      datasets: 40,
      fault: (url, res) => {
        if (url.searchParams.get('page') === '3') {
          res.writeHead(500).end('boom');
          return true;
        }
        return false;
      },
    });
    expect(summary.exitCode).toBe(3);
    expect(manifest.completeness?.missingPages).toEqual([expect.stringContaining('page=3&')]);
    expect(manifest.pages.find((p) => p.id === '000003')?.attempts).toBe(3);
    expect(manifest.completeness?.uniqueDatasets).toBe(30);
  });

  it('splits a 502 page into two half-size pages covering the same datasets', async () => {
    const { manifest, summary } = await run({
      datasets: 40,
      fault: (url, res) => {
        if (url.searchParams.get('page') === '2' && url.searchParams.get('page_size') === '10') {
          res.writeHead(502).end('Bad Gateway');
          return true;
        }
        return false;
      },
    });
    expect(summary.exitCode).toBe(0);
    expect(manifest.pages.find((p) => p.id === '000002')?.splitInto).toEqual([
      '000002-1',
      '000002-2',
    ]);
    expect(manifest.pages.find((p) => p.id === '000002-2')?.url).toMatch(/page=4&page_size=5/);
    expect(manifest.completeness?.uniqueDatasets).toBe(40);
  });

  it('keeps a page that fails to parse, with its line, and goes on', async () => {
    const { out, manifest, summary } = await run({
      datasets: 30,
      fault: (url, res) => {
        if (url.searchParams.get('page') === '2') {
          res
            .writeHead(200, { 'content-type': 'application/x-turtle' })
            .end('@prefix x: <http://x/> .\nx:a x:b "unterminated .\n');
          return true;
        }
        return false;
      },
    });
    const page = manifest.pages.find((p) => p.id === '000002');
    expect(page?.error).toMatchObject({ kind: 'parse', line: 2 });
    expect(page?.attempts).toBe(2);
    expect(await readFile(path.join(out, 'pages/000002.ttl'), 'utf8')).toContain('unterminated');
    expect(manifest.completeness?.unparsablePages).toEqual(['000002']);
    expect(summary.exitCode).toBe(3);
  });

  it('counts duplicates across pages by IRI and identifier', async () => {
    const { manifest } = await run({
      datasets: 20,
      fault: (url, res) => {
        if (url.searchParams.get('page') === '2') {
          const body = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
<http://other/iri> a dcat:Dataset ; dct:identifier "id-0" .
<http://x/new> a dcat:Dataset ; dct:identifier "new" .`;
          res.writeHead(200, { 'content-type': 'application/x-turtle' }).end(body);
          return true;
        }
        return false;
      },
    });
    expect(manifest.completeness).toMatchObject({
      datasetsSeen: 12,
      uniqueDatasets: 11,
      duplicates: 1,
      totalItems: 20,
      complete: false,
    });
  });

  it('treats a 404 past the end as the end', async () => {
    const { manifest, summary } = await run({
      datasets: 20,
      last: false,
      next: (page, base) => `${base}/api/1/site/catalog.ttl?page=${page + 1}&page_size=10`,
    });
    expect(summary.exitCode).toBe(0);
    expect(manifest.pages.at(-1)?.status).toBe(404);
  });

  it('stops at --max-pages', async () => {
    const { manifest } = await run({ datasets: 100 }, { maxPages: 3 });
    expect(manifest.pages).toHaveLength(3);
    expect(manifest.completeness?.stopped[0]).toMatch(/--max-pages 3/);
  });

  it('passes filters through to the catalog URL', async () => {
    const { manifest } = await run(
      { datasets: 5 },
      { filters: { tag: ['a', 'b'], badge: 'hvd', organization: 'org1', q: 'eau' } },
    );
    expect(manifest.firstPage).toMatch(
      /page=1&page_size=10&tag=a&tag=b&organization=org1&badge=hvd&q=eau$/,
    );
  });

  it('resumes: fetches only the pages that are missing', async () => {
    let failPage4 = true;
    const { out, summary } = await run({
      datasets: 50,
      fault: (url, res) => {
        if (failPage4 && url.searchParams.get('page') === '4') {
          res.writeHead(503).end();
          return true;
        }
        return false;
      },
    });
    expect(summary.exitCode).toBe(3);
    failPage4 = false;
    const before = server!.requests.length;
    const again = await harvest(server!.url, { out, pageSize: 10, http, resume: true });
    expect(again.exitCode).toBe(0);
    const fetched = server!.requests
      .slice(before)
      .map((r) => r.url)
      .filter((u) => u.includes('catalog'));
    expect(fetched).toEqual(['/api/1/site/catalog.ttl?page=4&page_size=10']);
    const folder = await readHarvestFolder(out);
    expect(folder.pages.map((p) => p.id)).toEqual([
      '000001',
      '000002',
      '000003',
      '000004',
      '000005',
    ]);
  });

  it('refuses a non-empty folder without --resume', async () => {
    server = await startTinyPortal({ datasets: 1 });
    const out = await mkdtemp(path.join(os.tmpdir(), 'harvest-'));
    await writeFile(path.join(out, 'x'), '');
    await expect(harvest(server.url, { out })).rejects.toThrow(/not empty/);
  });

  it('stores a local file as a single page', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'harvest-src-'));
    const file = path.join(dir, 'cat.ttl');
    await writeFile(file, '<http://d/1> a <http://www.w3.org/ns/dcat#Dataset> .\n');
    const out = path.join(dir, 'out');
    const summary = await harvest(file, { out });
    expect(summary.manifest.mode).toBe('single');
    expect(await readdir(path.join(out, 'pages'))).toEqual(['000001.ttl']);
    expect(summary.manifest.completeness?.uniqueDatasets).toBe(1);
  });

  it('on abort writes the manifest and leaves a resumable folder', async () => {
    const controller = new AbortController();
    server = await startTinyPortal({ datasets: 200, delayMs: 30 });
    const out = await mkdtemp(path.join(os.tmpdir(), 'harvest-'));
    setTimeout(() => controller.abort(), 150);
    const summary = await harvest(server.url, {
      out,
      pageSize: 10,
      http,
      concurrency: 2,
      signal: controller.signal,
    });
    expect(summary.manifest.state).toBe('interrupted');
    expect(summary.exitCode).toBe(3);
    const stored = summary.manifest.completeness!.pagesStored;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(20);
    const resumed = await harvest(server.url, { out, pageSize: 10, http, resume: true });
    expect(resumed.exitCode).toBe(0);
    expect(resumed.manifest.completeness?.uniqueDatasets).toBe(200);
  });
});
