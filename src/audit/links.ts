// **links** checks URLs the way the MQA does, politely: HEAD, ranged GET when HEAD is refused, no bodies.
import { Agent, type Dispatcher } from 'undici';
import { USER_AGENT } from '../version.js';
import type { LinkCache } from './link-cache.js';
import { hostOf, Slots } from './link-limits.js';
import { linkSender } from './link-request.js';
import type { LinkCheckResult, LinkChecking } from './link-types.js';

/** Options of {@link createLinkChecker}. */
export interface LinkCheckerOptions {
  /** Per-request timeout in ms (connect, headers); default 10 000, as the official checker. */
  timeoutMs?: number;
  /** Requests in flight overall; default 16. */
  concurrency?: number;
  /** Requests in flight per host; default 4. */
  perHost?: number;
  /** Request starts per second per host; default 10 (0 = unlimited). */
  hostRate?: number;
  /** Redirects followed (and recorded) before giving up; default 5. */
  maxRedirects?: number;
  /** Results kept between runs. */
  cache?: LinkCache;
  /** The undici dispatcher (injected in tests); default an Agent owned by the checker. */
  dispatcher?: Dispatcher;
  userAgent?: string;
  signal?: AbortSignal;
}

/** A URL checker; `close()` releases its connections. */
export interface LinkChecker extends LinkChecking {
  /** Checks one URL (HEAD, then GET when HEAD is refused). */
  checkOne(url: string): Promise<LinkCheckResult>;
  /** Closes the HTTP client (when the checker made its own). */
  close(): Promise<void>;
}

/** HEAD answers that mean "try GET instead" (servers refusing or mishandling HEAD). */
const HEAD_REFUSED = new Set([400, 403, 405, 500, 501]);

function outcomeOf(status: number): LinkCheckResult['outcome'] {
  if (status === 429) return 'inconclusive';
  return status >= 200 && status <= 399 ? 'ok' : 'broken';
}

/** Parses a URL to check; undefined when it is not an absolute http(s) URL. */
function parseHttpUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates a checker: per-host and global limits, cache, redirects followed and recorded.
 *
 * @example
 * ```ts
 * import { createLinkChecker } from 'dcat-harvest/audit';
 *
 * const checker = createLinkChecker({ concurrency: 8, perHost: 2 });
 * try {
 *   const results = await checker.check(['https://example.org/data.csv', 'https://example.org/gone']);
 *   for (const [url, result] of results) console.log(url, result.status, result.outcome);
 * } finally {
 *   await checker.close();
 * }
 * ```
 */
export function createLinkChecker(options: LinkCheckerOptions = {}): LinkChecker {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const perHost = options.perHost ?? 4;
  const owned = options.dispatcher
    ? undefined
    : new Agent({ connect: { timeout: timeoutMs }, keepAliveTimeout: 4_000 });
  const dispatcher = options.dispatcher ?? (owned as Agent);
  const global = new Slots(options.concurrency ?? 16);
  const send = linkSender({
    dispatcher,
    timeoutMs,
    hostRate: options.hostRate ?? 10,
    userAgent: options.userAgent ?? USER_AGENT,
    ...(options.signal ? { signal: options.signal } : {}),
  });

  async function checkOne(url: string): Promise<LinkCheckResult> {
    const cached = options.cache?.get(url);
    if (cached) return cached;
    const started = Date.now();
    let target = parseHttpUrl(url.trim());
    if (!target) return { url, status: 1300, outcome: 'broken', error: 'invalid URL', ms: 0 };
    const redirects: string[] = [];
    let method: 'HEAD' | 'GET' = 'HEAD';
    const done = (r: Omit<LinkCheckResult, 'url' | 'ms'>): LinkCheckResult => {
      const result: LinkCheckResult = { url, ...r, ms: Date.now() - started };
      if (redirects.length > 0) result.redirects = redirects;
      options.cache?.set(result);
      return result;
    };
    try {
      for (;;) {
        const { status, location } = await send(target, method);
        if (status >= 300 && status <= 399 && location !== undefined) {
          const next = parseHttpUrl(new URL(location, target).href);
          if (!next)
            return done({
              status: 1300,
              outcome: 'broken',
              method,
              error: `redirect to an invalid URL: ${location}`,
            });
          if (redirects.length >= maxRedirects || redirects.includes(next.href)) {
            return done({
              status,
              outcome: 'broken',
              method,
              error: 'too many redirects or a redirect loop',
            });
          }
          redirects.push(next.href);
          target = next;
          continue;
        }
        if (method === 'HEAD' && HEAD_REFUSED.has(status)) {
          method = 'GET';
          continue;
        }
        return done({ status, outcome: outcomeOf(status), method });
      }
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const err = error as Error & { code?: string; cause?: { code?: string } };
      const code = err.code ?? err.cause?.code ?? err.name;
      return done({ status: 1100, outcome: 'broken', method, error: `${code}: ${err.message}` });
    }
  }

  const check: LinkChecking['check'] = (urls, onProgress) =>
    checkByHost(urls, { checkOne, global, perHost, cache: options.cache }, onProgress);

  return {
    check,
    checkOne,
    async close() {
      await owned?.close();
    },
  };
}

/** What the workers of {@link checkByHost} share. */
interface CheckShared {
  checkOne(url: string): Promise<LinkCheckResult>;
  global: Slots;
  perHost: number;
  cache: LinkCache | undefined;
}

/**
 * Checks each distinct URL once: `perHost` workers per host, all sharing the `global` slots;
 * cached results are taken as they are.
 */
async function checkByHost(
  urls: readonly string[],
  { checkOne, global, perHost, cache }: CheckShared,
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, LinkCheckResult>> {
  const unique = [...new Set(urls)];
  const byHost = new Map<string, string[]>();
  for (const url of unique) {
    const host = hostOf(url);
    let list = byHost.get(host);
    if (!list) byHost.set(host, (list = []));
    list.push(url);
  }
  const results = new Map<string, LinkCheckResult>();
  let finished = 0;
  onProgress?.(0, unique.length);
  const worker = async (queue: string[]): Promise<void> => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const cached = cache?.get(url);
      if (cached) results.set(url, cached);
      else {
        await global.acquire();
        try {
          results.set(url, await checkOne(url));
        } finally {
          global.release();
        }
      }
      finished += 1;
      onProgress?.(finished, unique.length);
    }
  };
  const workers: Promise<void>[] = [];
  for (const queue of byHost.values()) {
    for (let i = 0; i < Math.min(perHost, queue.length); i++) workers.push(worker(queue));
  }
  await Promise.all(workers);
  return results;
}
