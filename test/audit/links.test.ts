import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLinkCache } from '../../src/audit/link-cache.js';
import { createLinkChecker } from '../../src/audit/links.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const seen: { method: string; url: string; range?: string }[] = [];
let bytesSent = 0;

const routes: Record<string, Handler> = {
  '/ok': (_q, s) => s.writeHead(200).end(),
  '/head-405': (q, s) => (q.method === 'HEAD' ? s.writeHead(405).end() : s.writeHead(206).end('x')),
  '/head-403': (q, s) => (q.method === 'HEAD' ? s.writeHead(403).end() : s.writeHead(200).end('x')),
  '/forbidden': (_q, s) => s.writeHead(403).end(),
  '/missing': (_q, s) => s.writeHead(404).end(),
  '/limited': (_q, s) => s.writeHead(429, { 'retry-after': '60' }).end(),
  '/redirect': (_q, s) => s.writeHead(302, { location: '/moved' }).end(),
  '/moved': (_q, s) => s.writeHead(301, { location: '/ok' }).end(),
  '/loop': (_q, s) => s.writeHead(302, { location: '/loop' }).end(),
  '/slow': () => {},
  '/reset': (q) => q.socket.destroy(),
  '/big': (q, s) => {
    if (q.method === 'HEAD') return void s.writeHead(405).end();
    s.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(64 * 1024);
    const push = (): void => {
      if (bytesSent > 50 * 1024 * 1024 || s.destroyed) return void s.end();
      bytesSent += chunk.length;
      if (s.write(chunk)) setImmediate(push);
      else s.once('drain', push);
    };
    push();
  },
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = new URL(req.url ?? '/', 'http://x').pathname;
    seen.push({ method: req.method ?? '', url: route, range: req.headers.range });
    res.on('error', () => {});
    (routes[route] ?? ((_q, s) => s.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createLinkChecker', () => {
  const checker = () => createLinkChecker({ timeoutMs: 500, hostRate: 0 });

  it('answers with HEAD when the server accepts it', async () => {
    const c = checker();
    expect(await c.checkOne(`${base}/ok`)).toMatchObject({
      status: 200,
      outcome: 'ok',
      method: 'HEAD',
    });
    await c.close();
  });

  it('retries with a ranged GET when HEAD gets 405 or 403', async () => {
    const c = checker();
    expect(await c.checkOne(`${base}/head-405`)).toMatchObject({
      status: 206,
      outcome: 'ok',
      method: 'GET',
    });
    expect(await c.checkOne(`${base}/head-403`)).toMatchObject({ status: 200, method: 'GET' });
    expect(seen.find((s) => s.url === '/head-405' && s.method === 'GET')?.range).toBe('bytes=0-0');
    expect(await c.checkOne(`${base}/forbidden`)).toMatchObject({ status: 403, outcome: 'broken' });
    await c.close();
  });

  it('reports 404 as broken and 429 as inconclusive', async () => {
    const c = checker();
    expect(await c.checkOne(`${base}/missing`)).toMatchObject({ status: 404, outcome: 'broken' });
    expect(await c.checkOne(`${base}/limited`)).toMatchObject({
      status: 429,
      outcome: 'inconclusive',
    });
    await c.close();
  });

  it('follows redirects and records them, and stops at a loop', async () => {
    const c = checker();
    const result = await c.checkOne(`${base}/redirect`);
    expect(result).toMatchObject({ status: 200, outcome: 'ok' });
    expect(result.redirects).toEqual([`${base}/moved`, `${base}/ok`]);
    const loop = await c.checkOne(`${base}/loop`);
    expect(loop.outcome).toBe('broken');
    expect(loop.error).toContain('loop');
    await c.close();
  });

  it('gives 1100 on a timeout, a reset or a refused connection', async () => {
    const c = checker();
    const slow = await c.checkOne(`${base}/slow`);
    expect(slow).toMatchObject({ status: 1100, outcome: 'broken' });
    expect(slow.ms).toBeLessThan(3000);
    expect(await c.checkOne(`${base}/reset`)).toMatchObject({ status: 1100 });
    expect(await c.checkOne('http://127.0.0.1:1/')).toMatchObject({ status: 1100 });
    await c.close();
  });

  it('gives 1300 for invalid URLs without a request', async () => {
    const c = checker();
    for (const url of ['not a url', 'ftp://example.org/x', 'http://exa mple.org/', '']) {
      expect(await c.checkOne(url)).toMatchObject({ status: 1300, outcome: 'broken' });
    }
    await c.close();
  });

  it('never reads more than a few bytes of a body', async () => {
    bytesSent = 0;
    const c = checker();
    expect(await c.checkOne(`${base}/big`)).toMatchObject({ status: 200, method: 'GET' });
    await c.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bytesSent).toBeLessThan(8 * 1024 * 1024);
  });

  it('checks many URLs with per-host limits and reports progress', async () => {
    const c = createLinkChecker({ timeoutMs: 2000, perHost: 2, hostRate: 0 });
    const urls = [...Array.from({ length: 10 }, () => `${base}/ok`), `${base}/missing`, 'bad'];
    const progress: number[] = [];
    const results = await c.check(urls, (done) => progress.push(done));
    expect(results.size).toBe(3);
    expect(results.get('bad')?.status).toBe(1300);
    expect(progress.at(-1)).toBe(3);
    await c.close();
  });

  it('spaces requests to one host at the given rate', async () => {
    const c = createLinkChecker({ timeoutMs: 2000, hostRate: 20 });
    const started = Date.now();
    await c.check(Array.from({ length: 6 }, (_, i) => `${base}/ok?${i}`));
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    await c.close();
  });
});

describe('openLinkCache', () => {
  it('keeps results between runs and never caches inconclusive ones', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'link-cache-'));
    const file = path.join(dir, 'links.json');
    try {
      const cache = await openLinkCache(file);
      const c = createLinkChecker({ timeoutMs: 500, hostRate: 0, cache });
      await c.check([`${base}/missing`, `${base}/limited`]);
      await c.close();
      await cache.save();
      expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).entries)).toEqual([
        `${base}/missing`,
      ]);
      const again = await openLinkCache(file);
      expect(again.get(`${base}/missing`)).toMatchObject({ status: 404, cached: true });
      const expired = await openLinkCache(file, { now: () => Date.now() + 8 * 24 * 3600 * 1000 });
      expect(expired.get(`${base}/missing`)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a corrupt cache file with a clear message', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'link-cache-'));
    const file = path.join(dir, 'links.json');
    try {
      await (await import('node:fs/promises')).writeFile(file, '{oops');
      await expect(openLinkCache(file)).rejects.toThrow(/not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
