// **http-retry** one hop of a request with its retries: rate-limited, backed off, `Retry-After`
// honoured, only idempotent methods retried; failures become NetworkErrors naming the URL.
import { LimitError, NetworkError } from '../errors.js';
import { backoffDelay, parseRetryAfter, sleep } from './backoff.js';
import {
  describeFailure,
  exchange,
  isRetryableStatus,
  type Exchange,
  type ExchangeLimits,
} from './http-exchange.js';
import type { HttpClientOptions, RequestOptions } from './http-types.js';
import type { createRateLimiter } from './rate.js';

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/** What every hop of a client shares. */
export interface RetrySettings {
  options: HttpClientOptions;
  limiter: ReturnType<typeof createRateLimiter>;
  limits: ExchangeLimits;
  /** Cap on a server's `Retry-After`, ms. */
  maxRetryAfter: number;
}

/** Runs one attempt under a lease of the shared host limiter, when there is one. */
async function leased<T>(
  host: string,
  signal: AbortSignal | undefined,
  options: HttpClientOptions,
  attempt: () => Promise<T>,
): Promise<T> {
  const lease = await options.hostLimiter?.acquire(host, signal);
  try {
    return await attempt();
  } finally {
    lease?.release();
  }
}

/** Sends the request to `url` until it answers or the retries run out. */
export async function withRetries(
  url: URL,
  requestOptions: RequestOptions,
  headers: Record<string, string>,
  settings: RetrySettings,
): Promise<Exchange & { attempts: number }> {
  const { options, limiter, limits, maxRetryAfter } = settings;
  const method = requestOptions.method ?? 'GET';
  const retries = IDEMPOTENT.has(method) ? (requestOptions.retries ?? options.retries ?? 4) : 0;
  const signal = requestOptions.signal;
  let lastReason = '';
  for (let attempt = 1; ; attempt++) {
    await limiter.wait(url.host, signal);
    let delay: number | undefined;
    try {
      const result = await leased(url.host, signal, options, () =>
        exchange(url, method, headers, requestOptions.body, signal, limits),
      );
      if (!isRetryableStatus(result.status) || attempt > retries)
        return { ...result, attempts: attempt };
      lastReason = `HTTP ${result.status}`;
      const after = parseRetryAfter(result.headers['retry-after']);
      if (after !== undefined) delay = Math.min(after, maxRetryAfter);
    } catch (error) {
      if (signal?.aborted) {
        throw new NetworkError(`${method} ${url.href}: aborted`, url.href, {
          code: 'DH_ABORTED',
          cause: error,
        });
      }
      if (error instanceof LimitError) throw error;
      lastReason = describeFailure(error);
      if (attempt > retries) {
        throw new NetworkError(
          `${method} ${url.href} failed after ${attempt} attempt${attempt > 1 ? 's' : ''}: ${lastReason}`,
          url.href,
          {
            code: 'DH_NETWORK',
            cause: error,
            hint: 'Check the URL and your connection; slow servers may need a longer --timeout or more --retries.',
          },
        );
      }
    }
    delay ??= backoffDelay(attempt, options.backoff);
    options.onRetry?.({ url: url.href, attempt, reason: lastReason, delayMs: delay });
    await sleep(delay, signal).catch((reason: unknown) => {
      throw new NetworkError(`${method} ${url.href}: aborted`, url.href, {
        code: 'DH_ABORTED',
        cause: reason,
      });
    });
  }
}
