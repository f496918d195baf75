// The Redis-backed per-host limiter against a real redis-server and a real loopback server: concurrency and rate hold across clients, dead leases expire.
import { createServer, type Server } from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/fetch/http.js';
import { createRedisHostLimits } from '../../src/queue/host-limits.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

/** A server that holds each request `holdMs` and counts how many it holds at once. */
async function countingServer(holdMs: number) {
  const starts: number[] = [];
  let inFlight = 0;
  let max = 0;
  const server: Server = createServer((_req, res) => {
    starts.push(performance.now());
    max = Math.max(max, ++inFlight);
    setTimeout(() => {
      inFlight -= 1;
      res.end('ok');
    }, holdMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    starts,
    max: () => max,
    reset: () => {
      starts.length = 0;
      max = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The most request starts in any window of `ms`. */
const busiest = (starts: number[], ms: number) =>
  Math.max(...starts.map((t) => starts.filter((u) => u >= t && u < t + ms).length));

describe('the Redis-backed host limiter', () => {
  let redis: TestRedis;
  let server: Awaited<ReturnType<typeof countingServer>>;
  const clients: Redis[] = [];
  const connect = () => {
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    redis = await startRedis();
    server = await countingServer(60);
  });

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server.close();
    await redis.dispose();
  });

  /** Two "workers" (each its own Redis connection and HTTP client) send 10 requests each at once. */
  async function burst(limits?: { rate?: number; concurrency?: number }) {
    server.reset();
    const http = [0, 1].map(() =>
      createHttpClient(
        limits ? { hostLimiter: createRedisHostLimits(connect(), { pollMs: 20 })(limits) } : {},
      ),
    );
    try {
      const responses = await Promise.all(
        http.flatMap((client) => Array.from({ length: 10 }, () => client.request(server.url))),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    } finally {
      await Promise.all(http.map((c) => c.close()));
    }
  }

  it('bounds the requests in flight to one host across clients', async () => {
    await burst();
    expect(server.max()).toBeGreaterThan(2); // without it, both clients pile on
    await burst({ concurrency: 2 });
    expect(server.starts).toHaveLength(20);
    expect(server.max()).toBe(2);
  });

  it('spaces the requests to one host across clients by its rate', async () => {
    await burst({ rate: 20, concurrency: 8 });
    expect(server.starts).toHaveLength(20);
    // 20 per second: one start every 50 ms, whichever client sends it (timers may run late on a
    // busy machine, so two starts can come closer, but never more than 20 in a second, plus one).
    const span = (server.starts.at(-1) as number) - (server.starts[0] as number);
    expect(span).toBeGreaterThanOrEqual(19 * 45);
    expect(busiest(server.starts, 500)).toBeLessThanOrEqual(11);
  });

  it('frees the slot of a holder that died after its lease time', async () => {
    const dead = connect();
    const host = `dead-${Date.now()}.example`;
    await createRedisHostLimits(dead, { leaseMs: 1_000 })({ concurrency: 1 }).acquire(host);
    dead.disconnect(); // never released, never renewed
    const started = performance.now();
    const lease = await createRedisHostLimits(connect(), { leaseMs: 1_000, pollMs: 50 })({
      concurrency: 1,
    }).acquire(host);
    const waited = performance.now() - started;
    lease.release();
    expect(waited).toBeGreaterThanOrEqual(700);
    expect(waited).toBeLessThan(5_000);
  });

  it('keeps the slot of a live holder past its lease time, and frees it on release', async () => {
    const host = `live-${Date.now()}.example`;
    const limits = createRedisHostLimits(connect(), { leaseMs: 600, pollMs: 50 });
    const held = await limits({ concurrency: 1 }).acquire(host);
    const controller = new AbortController();
    const other = limits({ concurrency: 1 }).acquire(host, controller.signal);
    const outcome = await Promise.race([
      other.then(() => 'granted'),
      new Promise((r) => setTimeout(() => r('still waiting'), 1_500)),
    ]);
    expect(outcome).toBe('still waiting');
    held.release();
    (await other).release();
    // Waiting ends with the signal.
    const blocker = await limits({ concurrency: 1 }).acquire(host);
    const aborted = new AbortController();
    const waiting = limits({ concurrency: 1 }).acquire(host, aborted.signal);
    setTimeout(() => aborted.abort(new Error('stop')), 100);
    await expect(waiting).rejects.toThrow('stop');
    blocker.release();
  });
});
