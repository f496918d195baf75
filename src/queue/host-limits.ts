// **host-limits** enforces `rate` and `concurrency` per host through Redis, so that N workers do not hit one portal N times harder.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { HostLease, HostLimitsFactory } from '../fetch/host-limiter.js';

/** Prefix of the limiter's keys: `<prefix>:{host}:slots` (leases) and `<prefix>:{host}:next`. */
export const HOST_KEY_PREFIX = 'dcat-harvest:host';

/**
 * One atomic step, on Redis's clock (so machines with skewed clocks agree): drop expired leases;
 * when `concurrency` leases are held, answer `{0, ms}` (try again in ms); else take the host's
 * next rate slot (`next` = slot + 1000/rate, the in-process limiter's spacing) and a lease that
 * expires at slot + ttl unless renewed, and answer `{1, ms to wait for the slot}`.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local ttl = tonumber(ARGV[4])
if limit > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
  if redis.call('ZCARD', KEYS[1]) >= limit then
    local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    return {0, tonumber(first[2]) - now}
  end
end
local wait = 0
if interval > 0 then
  local slot = math.max(now, tonumber(redis.call('GET', KEYS[2]) or '0'))
  redis.call('SET', KEYS[2], tostring(slot + interval), 'PX', math.ceil(slot + interval - now) + 1000)
  wait = slot - now
end
if limit > 0 then
  local expiry = now + wait + ttl
  redis.call('ZADD', KEYS[1], expiry, ARGV[3])
  if redis.call('PTTL', KEYS[1]) < wait + ttl + 1000 then
    redis.call('PEXPIRE', KEYS[1], math.ceil(wait + ttl + 1000))
  end
end
return {1, math.ceil(wait)}
`;

/** Pushes a held lease's expiry to now + ttl (only if it is still held). */
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
local renewed = redis.call('ZADD', KEYS[1], 'XX', 'CH', now + ttl, ARGV[1])
if redis.call('PTTL', KEYS[1]) < ttl + 1000 then redis.call('PEXPIRE', KEYS[1], ttl + 1000) end
return renewed
`;

/** Options of {@link createRedisHostLimits}. */
export interface RedisHostLimitsOptions {
  /**
   * How long a lease outlives a worker that died holding it (default 15,000 ms): a live worker
   * renews its leases every third of it, so a long download keeps its slot.
   */
  leaseMs?: number;
  /** Longest pause between two tries for a full host (default 250 ms; jittered). */
  pollMs?: number;
  /** Key prefix (default {@link HOST_KEY_PREFIX}): one per independent set of workers. */
  prefix?: string;
}

interface LimiterCommands {
  dhHostAcquire(
    slots: string,
    next: string,
    limit: number,
    interval: number,
    id: string,
    ttl: number,
  ): Promise<[number, number]>;
  dhHostRenew(slots: string, id: string, ttl: number): Promise<number>;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      if (signal?.aborted) reject(signal.reason as Error);
      else resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * A per-host limiter backed by Redis: a lease semaphore (a sorted set of leases by expiry) for
 * `concurrency`, and a next-slot key for `rate`, both changed by one Lua script on Redis's
 * clock. A lease of a worker killed mid-request expires after `leaseMs`; live leases are renewed.
 * Each catalog's own limits apply to its requests; catalogs on one host share its leases.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createHttpClient } from 'dcat-harvest/fetch';
 * import { createRedisHostLimits } from 'dcat-harvest/queue';
 *
 * const redis = new Redis('redis://127.0.0.1:6379/0');
 * const limits = createRedisHostLimits(redis);
 * // Every process running this shares 2 requests in flight and 5 per second per host.
 * const client = createHttpClient({ hostLimiter: limits({ rate: 5, concurrency: 2 }) });
 * const response = await client.request('https://www.data.gouv.fr/api/1/site/');
 * console.log(response.status);
 * await client.close();
 * redis.disconnect();
 * ```
 */
export function createRedisHostLimits(
  redis: Redis,
  options: RedisHostLimitsOptions = {},
): HostLimitsFactory {
  const leaseMs = options.leaseMs ?? 15_000;
  const pollMs = options.pollMs ?? 250;
  const prefix = options.prefix ?? HOST_KEY_PREFIX;
  if (!('dhHostAcquire' in redis)) {
    redis.defineCommand('dhHostAcquire', { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand('dhHostRenew', { numberOfKeys: 1, lua: RENEW });
  }
  const commands = redis as unknown as LimiterCommands;
  return (limits) => {
    const limit =
      limits.concurrency !== undefined && limits.concurrency > 0 ? limits.concurrency : 0;
    const interval = limits.rate !== undefined && limits.rate > 0 ? 1000 / limits.rate : 0;
    const unlimited: HostLease = { release: () => {} };
    return {
      async acquire(host, signal) {
        if (limit === 0 && interval === 0) return unlimited;
        const slots = `${prefix}:{${host}}:slots`;
        const next = `${prefix}:{${host}}:next`;
        const id = randomUUID();
        for (;;) {
          const [granted, ms] = await commands.dhHostAcquire(
            slots,
            next,
            limit,
            interval,
            id,
            leaseMs,
          );
          if (granted === 1) {
            if (ms > 0)
              await pause(ms, signal).catch(async (reason: unknown) => {
                await redis.zrem(slots, id).catch(() => 0);
                throw reason;
              });
            return limit === 0 ? unlimited : holdLease(commands, redis, slots, id, leaseMs);
          }
          await pause(Math.min(ms, pollMs) * (0.5 + Math.random() / 2) + 1, signal);
        }
      },
    };
  };
}

/** A granted lease: renewed every third of its life until released. */
function holdLease(
  commands: LimiterCommands,
  redis: Redis,
  slots: string,
  id: string,
  leaseMs: number,
): HostLease {
  const timer = setInterval(() => {
    commands.dhHostRenew(slots, id, leaseMs).catch(() => 0);
  }, leaseMs / 3);
  timer.unref();
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      redis.zrem(slots, id).catch(() => 0);
    },
  };
}
