// **backoff** computes retry delays: exponential back-off with full jitter, and `Retry-After`.

/** How retries are spaced. */
export interface BackoffOptions {
  /** Delay before the first retry, in ms (default 500). */
  baseMs?: number;
  /** Upper bound of any one delay, in ms (default 30 000). */
  maxMs?: number;
  /** Random source in [0, 1) (injectable for tests; default Math.random). */
  random?: () => number;
}

/** The delay before retry number `attempt` (1 = first retry): base·2^(attempt-1), jittered. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": at least half the ceiling, so retries never bunch at zero.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Reads a `Retry-After` header (delta seconds or an HTTP date) as ms from `now`; undefined when
 * absent or unreadable. Never negative.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Sleeps `ms`, rejecting with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
