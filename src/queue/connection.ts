// **connection** opens the Redis connection of a queue URL: checked first, and a Redis nobody answers is an error within seconds, naming the URL.
import { Redis } from 'ioredis';
import { NetworkError, UsageError } from '../errors.js';

/** The environment variable `--queue` defaults to. */
export const QUEUE_ENV = 'DCAT_HARVEST_QUEUE';

/** A parsed queue URL: `redis://[user:password@]HOST:PORT[/DB]` (or `rediss://` for TLS). */
export interface QueueUrl {
  /** The URL as given, with any password hidden: for messages. */
  shown: string;
  host: string;
  port: number;
  db: number;
  tls: boolean;
  username?: string;
  password?: string;
}

/**
 * Parses and checks a queue URL (a usage error, exit 2, when it is not one).
 *
 * @example
 * ```ts
 * import { parseQueueUrl } from 'dcat-harvest/queue';
 *
 * const url = parseQueueUrl('redis://worker:s3cret@redis.internal:6380/2');
 * console.log(url.host, url.port, url.db, url.shown); // redis.internal 6380 2 redis://worker:***@redis.internal:6380/2
 * ```
 */
export function parseQueueUrl(text: string): QueueUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    url = new URL('invalid:');
  }
  const db = url.pathname === '' || url.pathname === '/' ? 0 : Number(url.pathname.slice(1));
  if (
    (url.protocol !== 'redis:' && url.protocol !== 'rediss:') ||
    url.hostname === '' ||
    !Number.isInteger(db) ||
    db < 0
  ) {
    throw new UsageError(`--queue takes redis://HOST:PORT[/DB], got "${text}"`, {
      hint: `for example --queue redis://127.0.0.1:6379/0 (or set ${QUEUE_ENV})`,
    });
  }
  const shownUrl = new URL(url.href);
  if (shownUrl.password) shownUrl.password = '***';
  return {
    shown: shownUrl.href,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? 6379 : Number(url.port),
    db,
    tls: url.protocol === 'rediss:',
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
  };
}

/** Options of {@link connectQueue}. */
export interface ConnectOptions {
  /** Give up on the first connection after this many ms (default 5,000). */
  timeoutMs?: number;
  /**
   * For BullMQ workers and event listeners: commands wait for a reconnection instead of failing
   * (`maxRetriesPerRequest: null`, as BullMQ asks of blocking connections).
   */
  blocking?: boolean;
}

/**
 * Connects to the queue's Redis and checks it answers (PING). The first connection is tried
 * once, for at most `timeoutMs`: a Redis that is down or unreachable is a {@link NetworkError}
 * (exit 3) naming the URL, never a hang. Once connected, a lost connection is retried with
 * back-off (a Redis restarted mid-run is reconnected to).
 *
 * @example
 * ```ts
 * import { connectQueue, parseQueueUrl } from 'dcat-harvest/queue';
 *
 * // Throws a NetworkError naming the URL within 2 s when nobody answers there.
 * const redis = await connectQueue(parseQueueUrl('redis://127.0.0.1:6379/0'), { timeoutMs: 2_000 });
 * console.log(await redis.info('memory'));
 * redis.disconnect();
 * ```
 */
export async function connectQueue(url: QueueUrl, options: ConnectOptions = {}): Promise<Redis> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  let connected = false;
  const client = new Redis({
    host: url.host,
    port: url.port,
    db: url.db,
    ...(url.username ? { username: url.username } : {}),
    ...(url.password ? { password: url.password } : {}),
    ...(url.tls ? { tls: {} } : {}),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: options.blocking ? null : 3,
    retryStrategy: (times) => (connected ? Math.min(200 * 2 ** Math.min(times, 6), 5_000) : null),
  });
  // ioredis reports why a connection failed by an 'error' event; connect() says only "closed".
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    lastError = error;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    connected = true;
    return client;
  } catch (error) {
    client.disconnect();
    const reason = lastError?.message ?? (error instanceof Error ? error.message : String(error));
    throw new NetworkError(`cannot reach the queue's Redis at ${url.shown}: ${reason}`, url.shown, {
      code: 'DH_QUEUE_UNREACHABLE',
      hint: 'start Redis there (or check the host, port and password), or run without --queue to run in this process',
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
