// Checks on the server's validation threads: side by side with the same findings, the event loop
// free meanwhile, 503 past --max-pending, and the threads stopped with the server.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { startServer, type Started } from './serve-helper.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const turtle = (name: string) => ({
  'content-type': 'text/turtle',
  'content-disposition': `attachment; filename="${name}"`,
});

/** Documents to check: two fixtures and a sample-portal page of 40 datasets. */
let documents: { name: string; body: Buffer }[];
/** A page slow enough to validate (200 datasets) that a cheap request can overtake it. */
let slow: Buffer;

beforeAll(async () => {
  const portal = await startSamplePortal({ datasets: 200, seed: 7 });
  const page = async (size: number) =>
    Buffer.from(
      await (
        await fetch(`${portal.url}/api/1/site/catalog.ttl?page=1&page_size=${size}`)
      ).arrayBuffer(),
    );
  try {
    documents = [
      { name: 'audit.ttl', body: await readFile(path.join(FIXTURES, 'audit/catalog.ttl')) },
      { name: 'rdf.ttl', body: await readFile(path.join(FIXTURES, 'rdf/catalog.ttl')) },
      { name: 'page.ttl', body: await page(40) },
    ];
    slow = await page(200);
  } finally {
    await portal.close();
  }
});

/** Posts a document to a check; resolves with status, headers and body text. */
async function check(s: Started, kind: 'validate' | 'audit', name: string, body: Buffer) {
  const r = await s.api.call('POST', `/api/${kind}`, { headers: turtle(name), body });
  return { status: r.status, text: r.text, headers: r.headers };
}

/** Waits until the server's threads run or hold at least one task. */
async function threadsBusy(s: Started): Promise<void> {
  await expect.poll(() => s.server.checks.threads.active, { interval: 5 }).toBeGreaterThan(0);
}

describe('checks on two validation threads', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer({ workers: 2 });
  });
  afterAll(async () => {
    expect(s.api.problems).toEqual([]);
    await s.server.close();
  });

  it('gives side by side the findings and scores it gives one at a time', async () => {
    const sequential: string[] = [];
    for (const kind of ['validate', 'audit'] as const)
      for (const d of documents) {
        const r = await check(s, kind, d.name, d.body);
        expect(r.status).toBe(200);
        sequential.push(r.text);
      }
    const concurrent = await Promise.all(
      (['validate', 'audit'] as const).flatMap((kind) =>
        documents.map((d) => check(s, kind, d.name, d.body)),
      ),
    );
    expect(concurrent.map((r) => r.status)).toEqual(sequential.map(() => 200));
    expect(concurrent.map((r) => JSON.parse(r.text) as unknown)).toEqual(
      sequential.map((text) => JSON.parse(text) as unknown),
    );
    // Not trivially equal: the documents give different findings.
    expect(new Set(sequential.slice(0, 3)).size).toBe(3);
    expect(
      (JSON.parse(sequential[2]!) as { summary: { records: number } }).summary.records,
    ).toBeGreaterThan(40);
  });

  it('answers a cheap GET while a validation runs on a thread', async () => {
    const finished: string[] = [];
    const validation = check(s, 'validate', 'slow.ttl', slow).then((r) => {
      finished.push('validation');
      return r;
    });
    await threadsBusy(s);
    const catalogs = await s.api.call('GET', '/api/catalogs');
    finished.push('catalogs');
    const page = await s.api.call('GET', '/');
    finished.push('page');
    expect(catalogs.status).toBe(200);
    expect(page.status).toBe(200);
    expect((await validation).status).toBe(200);
    expect(finished).toEqual(['catalogs', 'page', 'validation']);
  });
});

/** Sends the headers of a POST and part of its body, never the rest: resolves with the answer. */
function partialPost(
  base: string,
  route: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(route, base), {
      method: 'POST',
      headers: { ...headers, 'content-length': String(10 * 1024 * 1024) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        req.destroy();
      });
    });
    req.write('@prefix ex: <http://example.org/> .\n'); // 10 MB announced, 37 bytes sent
  });
}

describe('--max-pending 1', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer({ workers: 1, maxPending: 1 });
  });
  afterAll(async () => {
    expect(s.api.problems).toEqual([]);
    await s.server.close();
  });

  it('answers 503 with Retry-After while a check holds the one place, before reading the body', async () => {
    const first = check(s, 'validate', 'slow.ttl', slow);
    await threadsBusy(s);
    expect(s.server.checks.gate.pending).toBe(1);
    const busy = await partialPost(s.base, '/api/validate', turtle('more.ttl'));
    expect(busy.status).toBe(503);
    expect(busy.headers['content-type']).toMatch(/^application\/problem\+json/);
    const after = Number(busy.headers['retry-after']);
    expect(after).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(busy.body)).toMatchObject({
      status: 503,
      title: 'Busy',
      retryAfter: after,
      detail: expect.stringMatching(/^the server is busy: 1 check is running or waiting/),
    });
    // The form answers the same way, as a page.
    const form = new FormData();
    form.set('text', documents[0]!.body.toString('utf8'));
    const page = await fetch(new URL('/validator', s.base), { method: 'POST', body: form });
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe(String(after));
    expect(await page.text()).toContain('the server is busy');
    expect((await first).status).toBe(200);
    // The place is free again.
    await expect.poll(() => s.server.checks.gate.pending).toBe(0);
    const next = await check(s, 'validate', 'audit.ttl', documents[0]!.body);
    expect(next.status).toBe(200);
  });
});

describe('a client that leaves', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer({ workers: 1, maxPending: 3 });
  });
  afterAll(async () => {
    expect(s.api.problems).toEqual([]);
    await s.server.close();
  });

  it('has its check withdrawn while it waits for a thread, and its place freed', async () => {
    let firstDone = false;
    const first = check(s, 'validate', 'slow.ttl', slow).then((r) => {
      firstDone = true;
      return r;
    });
    await threadsBusy(s);
    const leaving = new AbortController();
    const second = fetch(new URL('/api/validate', s.base), {
      method: 'POST',
      headers: turtle('page.ttl'),
      body: documents[2]!.body,
      signal: leaving.signal,
    }).catch((error: unknown) => error);
    await expect.poll(() => s.server.checks.threads.waiting, { interval: 5 }).toBe(1);
    leaving.abort();
    expect(await second).toBeInstanceOf(Error);
    await expect.poll(() => s.server.checks.threads.waiting, { interval: 5 }).toBe(0);
    await expect.poll(() => s.server.checks.gate.pending, { interval: 5 }).toBe(1);
    expect(firstDone).toBe(false); // withdrawn while the first still ran, not after it
    expect((await first).status).toBe(200);
  });
});

describe('closing the server', () => {
  it('stops its validation threads', async () => {
    const s = await startServer({ workers: 2 });
    const r = await check(s, 'validate', 'audit.ttl', documents[0]!.body);
    expect(r.status).toBe(200);
    const threads = s.server.checks.threads;
    expect(threads.running).toBe(2);
    await s.server.close();
    expect(threads.closed).toBe(true);
    expect(threads.running).toBe(0);
  });
});
