// Queue connections against a real redis-server: URLs checked, an unreachable Redis named within seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError, UsageError } from '../../src/errors.js';
import { connectQueue, parseQueueUrl } from '../../src/queue/connection.js';
import { freePort, startRedis, type TestRedis } from '../helpers/redis.js';

describe('parseQueueUrl', () => {
  it('reads host, port, database and credentials, and hides the password in messages', () => {
    expect(parseQueueUrl('redis://10.0.0.5:6380/2')).toMatchObject({
      host: '10.0.0.5',
      port: 6380,
      db: 2,
      tls: false,
    });
    expect(parseQueueUrl('redis://queue')).toMatchObject({ host: 'queue', port: 6379, db: 0 });
    const secret = parseQueueUrl('rediss://worker:s3cret@queue.internal:6390/1');
    expect(secret).toMatchObject({ tls: true, username: 'worker', password: 's3cret', db: 1 });
    expect(secret.shown).toBe('rediss://worker:***@queue.internal:6390/1');
  });

  it('refuses what is not a redis URL, saying what to give', () => {
    for (const bad of ['127.0.0.1:6379', 'http://queue:6379', 'redis://queue/x', 'redis://']) {
      expect(() => parseQueueUrl(bad)).toThrow(UsageError);
    }
    expect(() => parseQueueUrl('queue:6379')).toThrow(/redis:\/\/HOST:PORT\[\/DB\]/);
  });
});

describe('connectQueue', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.dispose());

  it('connects to a running Redis and uses the database of the URL', async () => {
    const client = await connectQueue(parseQueueUrl(redis.url.replace(/\/0$/, '/3')));
    try {
      await client.set('dh-test', 'x');
      expect(await client.get('dh-test')).toBe('x');
      expect((await client.info('keyspace')).includes('db3:keys=1')).toBe(true);
    } finally {
      client.disconnect();
    }
  });

  it('names the URL and fails fast when nothing listens there', async () => {
    const port = await freePort();
    const started = performance.now();
    const error = await connectQueue(parseQueueUrl(`redis://127.0.0.1:${port}/0`)).catch(
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).exitCode).toBe(3);
    expect((error as NetworkError).message).toContain(`redis://127.0.0.1:${port}/0`);
    expect((error as NetworkError).message).toContain('ECONNREFUSED');
  });

  it('gives up within its timeout on a host that never answers', async () => {
    // A listening socket that accepts and says nothing: Redis's PING never comes back.
    const { createServer } = await import('node:net');
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const started = performance.now();
      const error = await connectQueue(parseQueueUrl(`redis://127.0.0.1:${port}`), {
        timeoutMs: 1_000,
      }).catch((e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect((error as Error).message).toMatch(
        /cannot reach the queue's Redis at redis:\/\/127\.0\.0\.1:\d+.*no answer in 1000 ms/,
      );
    } finally {
      silent.close();
    }
  });

  it('reconnects after Redis restarts', async () => {
    const client = await connectQueue(parseQueueUrl(redis.url), { blocking: true });
    try {
      await redis.stop();
      await redis.start();
      await client.set('after-restart', 'y');
      expect(await client.get('after-restart')).toBe('y');
    } finally {
      client.disconnect();
    }
  }, 30_000);
});
