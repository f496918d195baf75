import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { LimitError, NetworkError } from '../../src/errors.js';
import { createHttpClient, ensureOk, type HttpClient } from '../../src/fetch/http.js';
import { USER_AGENT } from '../../src/version.js';
import { startServer, type TestServer } from './server.js';

const fast = { backoff: { baseMs: 5, maxMs: 20 } };
let server: TestServer | undefined;
let client: HttpClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

describe('createHttpClient', () => {
  it('sends the User-Agent and returns the body', async () => {
    server = await startServer((_req, res) => res.end('hello'));
    client = createHttpClient(fast);
    const res = await client.request(server.url + '/a');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('hello');
    expect(res.attempts).toBe(1);
    expect(server.requests[0]?.headers['user-agent']).toBe(USER_AGENT);
  });

  it('retries 5xx until the server answers 200', async () => {
    server = await startServer((_req, res, n) => {
      res.statusCode = n < 3 ? 503 : 200;
      res.end(n < 3 ? 'busy' : 'ok');
    });
    const retries: string[] = [];
    client = createHttpClient({ ...fast, onRetry: (e) => retries.push(e.reason) });
    const res = await client.request(server.url);
    expect(res.body.toString()).toBe('ok');
    expect(res.attempts).toBe(3);
    expect(retries).toEqual(['HTTP 503', 'HTTP 503']);
  });

  it('honours Retry-After in seconds on 429', async () => {
    server = await startServer((_req, res, n) => {
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '1' });
        res.end();
      } else res.end('ok');
    });
    const delays: number[] = [];
    client = createHttpClient({ ...fast, onRetry: (e) => delays.push(e.delayMs) });
    const started = Date.now();
    const res = await client.request(server.url);
    expect(res.status).toBe(200);
    expect(delays).toEqual([1000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('caps a Retry-After given as an HTTP date', async () => {
    server = await startServer((_req, res, n) => {
      if (n === 1) {
        res.writeHead(429, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() });
        res.end();
      } else res.end('ok');
    });
    const delays: number[] = [];
    client = createHttpClient({
      ...fast,
      maxRetryAfterMs: 50,
      onRetry: (e) => delays.push(e.delayMs),
    });
    await client.request(server.url);
    expect(delays).toEqual([50]);
  });

  it('returns the last 5xx response once retries are exhausted, and ensureOk names it', async () => {
    server = await startServer((_req, res) => {
      res.statusCode = 502;
      res.end('Bad Gateway');
    });
    client = createHttpClient({ ...fast, retries: 2 });
    const res = await client.request(server.url + '/p');
    expect(res.status).toBe(502);
    expect(res.attempts).toBe(3);
    expect(() => ensureOk(res)).toThrow(/\/p: HTTP 502 after 3 attempts/);
  });

  it('does not retry 404', async () => {
    server = await startServer((_req, res) => {
      res.statusCode = 404;
      res.end('nope');
    });
    client = createHttpClient(fast);
    const res = await client.request(server.url);
    expect(res.status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a connection reset mid-body', async () => {
    server = await startServer((req, res, n) => {
      if (n === 1) {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('x'.repeat(100));
        setTimeout(() => req.socket.destroy(), 10);
      } else res.end('complete');
    });
    client = createHttpClient(fast);
    const res = await client.request(server.url);
    expect(res.body.toString()).toBe('complete');
    expect(res.attempts).toBe(2);
  });

  it('treats a body shorter than its Content-Length as truncated and fails after retries', async () => {
    server = await startServer((req, res) => {
      res.writeHead(200, { 'content-length': '50' });
      res.write('short');
      setTimeout(() => req.socket.end(), 5);
    });
    client = createHttpClient({ ...fast, retries: 1 });
    const error = await client.request(server.url + '/t').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/\/t failed after 2 attempts/);
  });

  it('times out waiting for headers and says how many attempts it made', async () => {
    server = await startServer(() => {
      /* never answers */
    });
    client = createHttpClient({ ...fast, retries: 1, headersTimeoutMs: 100 });
    const error = await client.request(server.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/after 2 attempts: UND_ERR_HEADERS_TIMEOUT/);
  });

  it('times out a body that stops dripping', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('drip');
    });
    client = createHttpClient({ ...fast, retries: 0, bodyTimeoutMs: 100 });
    await expect(client.request(server.url)).rejects.toThrow(/body interrupted after 4 bytes/);
  });

  it('follows relative redirects and reports the final URL', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/start') res.writeHead(302, { location: 'middle?x=1' }).end();
      else if (req.url === '/middle?x=1') res.writeHead(301, { location: '/end' }).end();
      else res.end('there');
    });
    client = createHttpClient(fast);
    const res = await client.request(server.url + '/start');
    expect(res.url).toBe(server.url + '/end');
    expect(res.redirects).toEqual([server.url + '/middle?x=1', server.url + '/end']);
    expect(res.body.toString()).toBe('there');
  });

  it('stops a redirect loop', async () => {
    server = await startServer((req, res) => {
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end();
    });
    client = createHttpClient(fast);
    await expect(client.request(server.url + '/a')).rejects.toThrow(/redirect loop at .*\/a/);
  });

  it('stops after too many redirects', async () => {
    server = await startServer((req, res) => {
      const n = Number(req.url?.slice(1));
      res.writeHead(302, { location: `/${n + 1}` }).end();
    });
    client = createHttpClient({ ...fast, maxRedirects: 3 });
    await expect(client.request(server.url + '/0')).rejects.toThrow(/more than 3 redirects/);
  });

  it('refuses a body larger than the cap, declared or not', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/declared') res.writeHead(200, { 'content-length': '2000' });
      res.end('y'.repeat(2000));
    });
    client = createHttpClient({ ...fast, maxBytes: 1000 });
    await expect(client.request(server.url + '/declared')).rejects.toBeInstanceOf(LimitError);
    await expect(client.request(server.url + '/chunked')).rejects.toThrow(
      /exceeds the 1000-byte cap/,
    );
  });

  it('decodes gzip and brotli bodies', async () => {
    const text = 'a turtle page '.repeat(100);
    server = await startServer((req, res) => {
      const br = req.url === '/br';
      res.writeHead(200, { 'content-encoding': br ? 'br' : 'gzip' });
      res.end(br ? zlib.brotliCompressSync(text) : zlib.gzipSync(text));
    });
    client = createHttpClient(fast);
    const gz = await client.request(server.url + '/gz');
    const br = await client.request(server.url + '/br');
    expect(gz.body.toString()).toBe(text);
    expect(br.body.toString()).toBe(text);
    expect(gz.wireBytes).toBeLessThan(text.length);
    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip, br, deflate');
  });

  it('refuses a decompression bomb', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(Buffer.alloc(1_000_000)));
    });
    client = createHttpClient({ ...fast, maxDecodedBytes: 10_000 });
    await expect(client.request(server.url)).rejects.toThrow(/decompressed body exceeds 10000/);
  });

  it('sends credentials only to their origin, never after a cross-origin redirect', async () => {
    const other = await startServer((_req, res) => res.end('other'));
    try {
      server = await startServer((req, res) => {
        if (req.url === '/go') res.writeHead(302, { location: other.url + '/x' }).end();
        else res.end('home');
      });
      client = createHttpClient(fast);
      const credentials = { origin: server.url, headers: { 'x-api-key': 'secret' } };
      await client.request(server.url + '/home', { credentials });
      await client.request(server.url + '/go', { credentials });
      expect(server.requests.map((r) => r.headers['x-api-key'])).toEqual(['secret', 'secret']);
      expect(other.requests[0]?.headers['x-api-key']).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('spaces requests to one host with --rate', async () => {
    server = await startServer((_req, res) => res.end('ok'));
    client = createHttpClient({ ...fast, rate: 20 });
    const started = Date.now();
    await Promise.all([1, 2, 3, 4, 5].map(() => client!.request(server!.url)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('aborts on the signal without retrying', async () => {
    server = await startServer(() => {});
    client = createHttpClient(fast);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await client
      .request(server.url, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as NetworkError).code).toBe('DH_ABORTED');
    expect(server.requests).toHaveLength(1);
  });
});
