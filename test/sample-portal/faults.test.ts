// Every fault behaves as specified, and recoverable faults let a retry succeed.
import { request } from 'undici';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import { parseText } from '../../src/rdf/parse.js';
import { get, objects, parse } from './helpers.js';

const HYDRA = 'http://www.w3.org/ns/hydra/core#';
let portal: SamplePortal | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});
const start = async (faults: string) =>
  (portal = await startSamplePortal({ datasets: 300, seed: 11, faults }));
const page = (p: SamplePortal, n: number, ext = 'ttl') =>
  `${p.url}/api/1/site/catalog.${ext}?page=${n}&page_size=50`;

describe('status faults', () => {
  it('answers 5xx on the first attempt of the chosen page, then 200', async () => {
    const p = await start('5xx=p2');
    expect((await get(page(p, 2))).status).toBeGreaterThanOrEqual(500);
    expect((await get(page(p, 2))).status).toBe(200);
    expect((await get(page(p, 3))).status).toBe(200);
  });

  it('answers 429 with Retry-After for as many attempts as asked', async () => {
    const p = await start('429=p1x2,retry-after=3');
    const first = await get(page(p, 1));
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('3');
    expect((await get(page(p, 1))).status).toBe(429);
    expect((await get(page(p, 1))).status).toBe(200);
  });

  it('hits every attempt with x*', async () => {
    const p = await start('5xx=p1x*');
    for (let i = 0; i < 3; i += 1)
      expect((await get(page(p, 1))).status).toBeGreaterThanOrEqual(500);
  });

  it('picks pages by rate deterministically from the seed', async () => {
    const p = await start('5xx=0.5');
    const statuses = [];
    for (let n = 1; n <= 6; n += 1) statuses.push((await get(page(p, n))).status);
    const again = await startSamplePortal({ datasets: 300, seed: 11, faults: '5xx=0.5' });
    try {
      const second = [];
      for (let n = 1; n <= 6; n += 1) second.push((await get(page(again, n))).status);
      expect(second.map((s) => s >= 500)).toEqual(statuses.map((s) => s >= 500));
    } finally {
      await again.close();
    }
    expect(statuses.some((s) => s >= 500)).toBe(true);
  });
});

describe('body faults', () => {
  it('resets the connection mid-body, then serves the page on retry', async () => {
    const p = await start('reset=p2');
    await expect(get(page(p, 2))).rejects.toThrow();
    expect((await get(page(p, 2))).status).toBe(200);
  });

  it('truncates the body below its Content-Length, then serves the page on retry', async () => {
    const p = await start('truncate=p3');
    await expect(get(page(p, 3))).rejects.toThrow();
    const ok = await get(page(p, 3));
    expect(ok.body.length).toBe(Number(ok.headers['content-length']));
  });

  it('drips the body slowly but completely', async () => {
    const p = await start('drip=p1,drip-interval=40');
    const t0 = Date.now();
    const reply = await get(page(p, 1));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(15 * 40 - 20);
    expect((await parse(reply.text, 'turtle')).length).toBeGreaterThan(100);
  });

  it('serves malformed RDF on the chosen page', async () => {
    const p = await start('malformed=p2');
    for (const ext of ['ttl', 'nt', 'xml', 'jsonld'] as const) {
      const format = ({ ttl: 'turtle', nt: 'ntriples', xml: 'rdfxml', jsonld: 'jsonld' } as const)[
        ext
      ];
      const reply = await get(page(p, 2, ext));
      expect(reply.status).toBe(200);
      await expect(parseText(reply.text, { format })).rejects.toThrow();
    }
  });

  it('serves an oversized page, chunked, of at least the asked size', async () => {
    const p = await start('oversized=p1,oversized-mb=3');
    const reply = await get(page(p, 1));
    expect(reply.headers['content-length']).toBeUndefined();
    expect(reply.body.length).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    expect((await parse(reply.text, 'turtle')).length).toBeGreaterThan(100);
  });
});

describe('link faults', () => {
  it('loops: the page’s hydra:next points back to page 1', async () => {
    const p = await start('loop=p3');
    const url = page(p, 3);
    const quads = await parse((await get(url)).text, 'turtle');
    expect(objects(quads, url, HYDRA + 'next')).toEqual([page(p, 1)]);
  });

  it('points hydra:next to another origin on the chosen page', async () => {
    const p = await start('cross-origin');
    const url = page(p, 1);
    const quads = await parse((await get(url)).text, 'turtle');
    expect(objects(quads, url, HYDRA + 'next')).toEqual([
      `http://localhost:${p.port}/api/1/site/catalog.ttl?page=2&page_size=50`,
    ]);
  });

  it('sends each page through a chain of relative redirects', async () => {
    const p = await start('redirects=2');
    const first = await get(page(p, 1));
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/api/1/site/catalog.ttl?page=1&page_size=50&_hop=1');
    const second = await get(p.url + String(first.headers.location));
    expect(second.headers.location).toBe('/api/1/site/catalog.ttl?page=1&page_size=50&_hop=2');
    expect((await get(p.url + String(second.headers.location))).status).toBe(200);
  });
});

describe('encoding and latency', () => {
  it('compresses with gzip or brotli only when the request accepts it', async () => {
    const p = await start('gzip,br');
    const plain = await get(page(p, 1));
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gz = await request(page(p, 1), { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.body.arrayBuffer())).toString()).toBe(plain.text);
    const br = await request(page(p, 1), { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.body.arrayBuffer())).toString()).toBe(
      plain.text,
    );
  });

  it('delays deeper pages more', async () => {
    const p = await start('latency=10+30/page');
    const time = async (n: number) => {
      const t0 = Date.now();
      await get(page(p, n));
      return Date.now() - t0;
    };
    expect(await time(1)).toBeGreaterThanOrEqual(40);
    expect(await time(5)).toBeGreaterThanOrEqual(160);
  });
});
