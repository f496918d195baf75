// **rate** spaces requests to each host so that at most `rate` start per second.
import { sleep } from './backoff.js';

/** Waits for a host's next free slot; one limiter is shared by all requests of a client. */
export interface RateLimiter {
  /** Resolves when a request to `host` may start. */
  wait(host: string, signal?: AbortSignal): Promise<void>;
}

/** A per-host limiter of `rate` requests per second; `undefined` or ≤ 0 means no limit. */
export function createRateLimiter(rate: number | undefined): RateLimiter {
  if (rate === undefined || !(rate > 0)) return { wait: async () => {} };
  const interval = 1000 / rate;
  const next = new Map<string, number>();
  return {
    async wait(host, signal) {
      const now = Date.now();
      const slot = Math.max(now, next.get(host) ?? 0);
      next.set(host, slot + interval);
      if (slot > now) await sleep(slot - now, signal);
    },
  };
}
