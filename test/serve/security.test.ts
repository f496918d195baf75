// Refusals of the server: private URLs (also after DNS and redirects), size caps, gzip bombs, rate, keys.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedRange } from '../../src/serve/address-guard.js';
import { startServer, type Started } from './serve-helper.js';

const CATALOG = path.resolve(import.meta.dirname, '../fixtures/audit/catalog.ttl');
const JSON_TYPE = { 'content-type': 'application/json' };

/** A loopback site: a catalog, redirects to private places, and a count of what it was asked. */
async function site(host: string, redirects: Record<string, string> = {}) {
  const body = await readFile(CATALOG);
  const hits: string[] = [];
  const server: Server = createHttpServer((req, res) => {
    hits.push(req.url ?? '');
    const to = redirects[req.url ?? ''];
    if (to) return res.writeHead(302, { location: to }).end();
    res.writeHead(200, { 'content-type': 'text/turtle' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, hits, url: (p: string) => `http://${host}:${port}${p}` };
}

const closeSite = (s: { server: Server }) => new Promise((resolve) => s.server.close(resolve));

describe('refusedRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['192.168.1.1', 'private'],
    ['172.16.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
  ])('refuses %s (%s)', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'])('lets %s through', (a) => {
    expect(refusedRange(a)).toBeUndefined();
  });
});

describe('URLs given to the validator', () => {
  let s: Started;
  let local: Awaited<ReturnType<typeof site>>;
  beforeAll(async () => {
    s = await startServer();
    local = await site('127.0.0.1');
  });
  afterAll(async () => {
    expect(s.api.problems).toEqual([]);
    await s.server.close();
    await closeSite(local);
  });

  const check = (url: string) =>
    s.api.call('POST', '/api/validate', { headers: JSON_TYPE, body: JSON.stringify({ url }) });

  it.each([
    ['loopback by address', () => local.url('/catalog.ttl')],
    ['loopback by a DNS name (localhost)', () => `http://localhost:${local.port}/catalog.ttl`],
    ['IPv6 loopback', () => `http://[::1]:${local.port}/catalog.ttl`],
    ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${local.port}/catalog.ttl`],
    ['10/8', () => 'http://10.0.0.1/catalog.ttl'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
  ])('refuses %s with 400 and never connects', async (_what, url) => {
    const r = await check(url());
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ title: 'URL refused', code: 'DH_URL_REFUSED' });
    expect(local.hits).toEqual([]);
  });

  it('refuses file: and other schemes', async () => {
    const r = await check('file:///etc/passwd');
    expect(r.status).toBe(400);
  });
});

describe('redirects to private addresses', () => {
  let s: Started;
  let pub: Awaited<ReturnType<typeof site>>;
  let priv: Awaited<ReturnType<typeof site>>;
  beforeAll(async () => {
    priv = await site('127.0.0.1');
    pub = await site('127.0.0.2', {
      '/to-loopback': priv.url('/catalog.ttl'),
      '/to-localhost': `http://localhost:${priv.port}/catalog.ttl`,
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
      '/to-ten': 'http://10.0.0.1/catalog.ttl',
    });
    // 127.0.0.2 stands for "the public internet" here: every other address keeps its range.
    s = await startServer({
      refuseAddress: (a) => (a === '127.0.0.2' ? undefined : (refusedRange(a) ?? 'test')),
    });
  });
  afterAll(async () => {
    expect(s.api.problems).toEqual([]);
    await s.server.close();
    await closeSite(pub);
    await closeSite(priv);
  });

  const check = (url: string) =>
    s.api.call('POST', '/api/validate', { headers: JSON_TYPE, body: JSON.stringify({ url }) });

  it('fetches an allowed address', async () => {
    const r = await check(pub.url('/catalog.ttl'));
    expect(r.status).toBe(200);
    expect((r.json() as { summary: { records: number } }).summary.records).toBe(3);
  });

  it.each(['/to-loopback', '/to-localhost', '/to-metadata', '/to-ten'])(
    'refuses the hop of %s',
    async (route) => {
      const r = await check(pub.url(route));
      expect(r.status).toBe(400);
      expect((r.json() as { code: string }).code).toBe('DH_URL_REFUSED');
      expect(pub.hits).toContain(route);
      expect(priv.hits).toEqual([]);
    },
  );
});

describe('--allow-private-urls', () => {
  it('lets an operator validate URLs of their own network', async () => {
    const s = await startServer({ allowPrivateUrls: true });
    const local = await site('127.0.0.1');
    try {
      const r = await s.api.call('POST', '/api/validate', {
        headers: JSON_TYPE,
        body: JSON.stringify({ url: local.url('/catalog.ttl') }),
      });
      expect(r.status).toBe(200);
      expect(local.hits).toEqual(['/catalog.ttl']);
    } finally {
      await s.server.close();
      await closeSite(local);
    }
  });
});

describe('size caps', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer({ maxBodyMb: 0.05 }); // 52,429 bytes; a .gz may expand to 4×
  });
  afterAll(async () => {
    expect(s.api.problems).toEqual([]);
    await s.server.close();
  });

  it('answers 413 to a body over the cap', async () => {
    const big = '@prefix ex: <http://example.org/> .\n' + '# padding\n'.repeat(8000);
    const r = await s.api.call('POST', '/api/validate', {
      headers: { 'content-type': 'text/turtle' },
      body: big,
    });
    expect(r.status).toBe(413);
  });

  it('answers 413 to a gzip bomb, stopping at the cap', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)); // 50 MB of spaces in ≈ 50 KB
    expect(bomb.length).toBeLessThan(52_429);
    const r = await s.api.call('POST', '/api/validate', {
      headers: { 'content-type': 'application/gzip' },
      body: bomb,
    });
    expect(r.status).toBe(413);
    expect((r.json() as { detail: string }).detail).toContain('decompresses to more than');
  });

  it('answers 413 to an upload over the cap on the form, with the form again', async () => {
    const form = new FormData();
    form.append('file', new Blob(['#'.repeat(60_000)]), 'big.ttl');
    const r = await s.api.call('POST', '/validator', { body: form });
    expect(r.status).toBe(413);
    expect(r.text).toContain('<form');
    expect(r.text).toContain('role="alert"');
  });
});

describe('the rate limit', () => {
  it('answers 429 with Retry-After past the limit per client', async () => {
    const s = await startServer({ rateLimit: 2 });
    try {
      const post = () =>
        s.api.call('POST', '/api/validate', {
          headers: { 'content-type': 'text/turtle' },
          body: '<http://example.org/a> <http://example.org/b> "c" .',
        });
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(200);
      const third = await post();
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((third.json() as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
      expect(s.api.problems).toEqual([]);
    } finally {
      await s.server.close();
    }
  });
});

describe('--read-key', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer({ readKey: true, keys: { read: 'read-secret', admin: 'admin-secret' } });
  });
  afterAll(async () => {
    expect(s.api.problems).toEqual([]);
    await s.server.close();
  });

  it('answers 401 without a key and with a wrong one', async () => {
    const none = await s.api.call('GET', '/api/profiles');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    const wrong = await s.api.call('GET', '/api/profiles', {
      headers: { authorization: 'Bearer read-secreT' },
    });
    expect(wrong.status).toBe(401);
    const page = await s.api.call('GET', '/');
    expect(page.status).toBe(401);
    expect(page.text).toContain('role="alert"');
  });

  it('opens with the read key (Bearer) and the admin key (Basic password)', async () => {
    const bearer = await s.api.call('GET', '/api/profiles', {
      headers: { authorization: 'Bearer read-secret' },
    });
    expect(bearer.status).toBe(200);
    const basic = Buffer.from('anyone:admin-secret').toString('base64');
    const page = await fetch(new URL('/', s.base), {
      headers: { authorization: `Basic ${basic}` },
    });
    expect(page.status).toBe(200);
  });

  it('leaves the stylesheet open', async () => {
    expect((await s.api.call('GET', '/assets/style.css')).status).toBe(200);
  });
});

describe('documents that try to reach out', () => {
  it('cannot make the server fetch a JSON-LD context, even with --allow-private-urls', async () => {
    const s = await startServer({ allowPrivateUrls: true });
    const local = await site('127.0.0.1');
    try {
      const body = JSON.stringify({
        '@context': local.url('/context.jsonld'),
        '@id': 'http://example.org/a',
        'http://example.org/p': 'x',
      });
      const r = await s.api.call('POST', '/api/validate', {
        headers: { 'content-type': 'application/ld+json' },
        body,
      });
      expect(r.status).toBe(422);
      expect((r.json() as { code: string }).code).toBe('DH_REMOTE_CONTEXT');
      expect(local.hits).toEqual([]);
    } finally {
      await s.server.close();
      await closeSite(local);
    }
  });

  it('cannot make the server read a file through an XML external entity', async () => {
    const s = await startServer();
    try {
      const body = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">
<rdf:Description rdf:about="http://example.org/a"><dct:title>&xxe;</dct:title></rdf:Description></rdf:RDF>`;
      const r = await s.api.call('POST', '/api/validate', {
        headers: { 'content-type': 'application/rdf+xml' },
        body,
      });
      expect(r.status).toBe(422);
      expect((r.json() as { code: string }).code).toBe('DH_EXTERNAL_ENTITY');
      expect(r.text).not.toContain('root:');
    } finally {
      await s.server.close();
    }
  });
});
