// **http** is the undici HTTP client: per-phase timeouts, retries, caps, manual redirects, UA.
import { Agent, request, type Dispatcher } from 'undici';
import { LimitError, NetworkError } from '../errors.js';
import { USER_AGENT } from '../version.js';
import { backoffDelay, parseRetryAfter, sleep, type BackoffOptions } from './backoff.js';
import { ACCEPT_ENCODING, decodeBody } from './decode.js';
import { createRateLimiter } from './rate.js';

/** Options of `createHttpClient`; every limit has a generous default. */
export interface HttpClientOptions {
  /** The undici dispatcher (Agent, Pool, MockAgent…); default: an Agent owned by the client. */
  dispatcher?: Dispatcher;
  /** Connections per origin of the default Agent (default 8). */
  connections?: number;
  /** TCP/TLS connect timeout, ms (default 15 000; default Agent only). */
  connectTimeoutMs?: number;
  /** Time to wait for the response headers, ms (default 120 000: deep udata pages are slow). */
  headersTimeoutMs?: number;
  /** Maximum idle time between two body chunks, ms (default 300 000). */
  bodyTimeoutMs?: number;
  /** Retries after the first attempt on network errors, 429 and 5xx (default 4). */
  retries?: number;
  /** Back-off between retries. */
  backoff?: BackoffOptions;
  /** Cap on a server's `Retry-After`, ms (default 120 000). */
  maxRetryAfterMs?: number;
  /** Requests per second per host (default: unlimited). */
  rate?: number;
  /** Largest body accepted as sent on the wire, bytes (default 512 MiB). */
  maxBytes?: number;
  /** Largest body after decompression, bytes (default 1 GiB). */
  maxDecodedBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** User-Agent header (default `USER_AGENT`). */
  userAgent?: string;
  /** Called before each retry (progress, logs). */
  onRetry?: (event: RetryEvent) => void;
}

/** One retry about to happen. */
export interface RetryEvent {
  url: string;
  /** The attempt that failed (1-based). */
  attempt: number;
  /** `HTTP 503`, `UND_ERR_SOCKET: other side closed`, … */
  reason: string;
  delayMs: number;
}

/** Per-request options. */
export interface RequestOptions {
  method?: 'GET' | 'HEAD' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  /** Extra headers, sent to every origin of the redirect chain. */
  headers?: Record<string, string>;
  /**
   * Secret headers (API key) sent only while the request stays on `origin`; dropped for good
   * after a redirect to another origin.
   */
  credentials?: { origin: string; headers: Record<string, string> };
  body?: string;
  signal?: AbortSignal;
  /** Overrides the client's retry count for this request. */
  retries?: number;
}

/** A complete, decoded response. */
export interface HttpResponse {
  /** The URL that answered, after redirects. */
  url: string;
  /** The URL asked for. */
  requestedUrl: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | undefined;
  /** Decoded body bytes. */
  body: Buffer;
  /** Bytes received on the wire for this body. */
  wireBytes: number;
  /** Attempts made for the final hop (1 = no retry); retries of earlier hops are added. */
  attempts: number;
  /** Redirect locations followed, in order. */
  redirects: string[];
  elapsedMs: number;
}

/** The client: `request` never throws on an HTTP status; `close` releases its own Agent. */
export interface HttpClient {
  /** Fetches a URL with retries, timeouts and size caps; the body is read whole. */
  request(url: string, options?: RequestOptions): Promise<HttpResponse>;
  /** Closes the connections (of a dispatcher the client made itself). */
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/** Whether a status deserves another try: 429 and 5xx except 501 Not Implemented. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

class Retryable extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

function headerMap(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Drops a body we will not read, swallowing the abort error undici then emits. */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => {});
  body.destroy();
}

function describe(error: unknown): string {
  if (error instanceof Retryable) return error.reason;
  const e = error as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(': ') || String(error);
}

/** Creates a client. Tests inject a dispatcher or point it at a loopback server. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const ownAgent = options.dispatcher
    ? undefined
    : new Agent({
        connections: options.connections ?? 8,
        connect: { timeout: options.connectTimeoutMs ?? 15_000 },
      });
  const dispatcher = options.dispatcher ?? ownAgent!;
  const limiter = createRateLimiter(options.rate);
  const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  const maxDecoded = options.maxDecodedBytes ?? 1024 * 1024 * 1024;
  const maxRetryAfter = options.maxRetryAfterMs ?? 120_000;
  const userAgent = options.userAgent ?? USER_AGENT;

  async function once(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ) {
    const response = await request(url, {
      method: method as Dispatcher.HttpMethod,
      headers,
      body,
      dispatcher,
      signal,
      headersTimeout: options.headersTimeoutMs ?? 120_000,
      bodyTimeout: options.bodyTimeoutMs ?? 300_000,
    });
    const resHeaders = headerMap(response.headers);
    const status = response.statusCode;
    if (REDIRECTS.has(status) || isRetryableStatus(status)) {
      await response.body.dump().catch(() => {});
      return { status, headers: resHeaders, wire: Buffer.alloc(0) };
    }
    const declared = resHeaders['content-length'];
    const length = declared === undefined ? undefined : Number(declared);
    if (length !== undefined && length > maxBytes) {
      discard(response.body);
      throw new LimitError(
        `${url.href}: response of ${length} bytes exceeds the ${maxBytes}-byte cap (raise --max-size if this is expected)`,
      );
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) {
          discard(response.body);
          throw new LimitError(
            `${url.href}: response exceeds the ${maxBytes}-byte cap (raise --max-size if this is expected)`,
          );
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof LimitError || signal?.aborted) throw error;
      throw new Retryable(
        `body interrupted after ${total} bytes`,
        `body interrupted after ${total} bytes (${describe(error)})`,
      );
    }
    if (length !== undefined && total < length) {
      throw new Retryable('truncated body', `truncated body: ${total} of ${length} bytes`);
    }
    return { status, headers: resHeaders, wire: Buffer.concat(chunks) };
  }

  async function hop(
    url: URL,
    requestOptions: RequestOptions,
    headers: Record<string, string>,
  ): Promise<{ status: number; headers: Record<string, string>; wire: Buffer; attempts: number }> {
    const method = requestOptions.method ?? 'GET';
    const retries = IDEMPOTENT.has(method) ? (requestOptions.retries ?? options.retries ?? 4) : 0;
    const signal = requestOptions.signal;
    let lastReason = '';
    for (let attempt = 1; ; attempt++) {
      await limiter.wait(url.host, signal);
      let delay: number | undefined;
      try {
        const result = await once(url, method, headers, requestOptions.body, signal);
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
        lastReason = describe(error);
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

  async function run(input: string, requestOptions: RequestOptions = {}): Promise<HttpResponse> {
    const started = Date.now();
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new NetworkError(`not a valid URL: ${input}`, input, { code: 'DH_URL' });
    }
    const redirects: string[] = [];
    const seen = new Set<string>([url.href]);
    let credentials = requestOptions.credentials;
    let attempts = 0;
    for (;;) {
      const headers: Record<string, string> = {
        'user-agent': userAgent,
        'accept-encoding': ACCEPT_ENCODING,
        ...requestOptions.headers,
      };
      if (credentials && url.origin === credentials.origin)
        Object.assign(headers, credentials.headers);
      else credentials = undefined; // once off the origin, the secret never comes back
      const result = await hop(url, requestOptions, headers);
      attempts += result.attempts;
      const location = result.headers.location;
      if (REDIRECTS.has(result.status) && location) {
        const next = new URL(location, url);
        if (seen.has(next.href)) {
          throw new NetworkError(`${input}: redirect loop at ${next.href}`, input, {
            status: result.status,
            code: 'DH_REDIRECT_LOOP',
            hint: 'The server redirects in a circle; report it to the portal or use the final URL.',
          });
        }
        if (redirects.length >= (options.maxRedirects ?? 5)) {
          throw new NetworkError(
            `${input}: more than ${options.maxRedirects ?? 5} redirects (last to ${next.href})`,
            input,
            { status: result.status, code: 'DH_REDIRECTS', hint: 'Use the final URL directly.' },
          );
        }
        seen.add(next.href);
        redirects.push(next.href);
        url = next;
        continue;
      }
      const body = await decodeBody(
        result.wire,
        result.headers['content-encoding'],
        maxDecoded,
        url.href,
      );
      return {
        url: url.href,
        requestedUrl: input,
        status: result.status,
        headers: result.headers,
        contentType: result.headers['content-type'],
        body,
        wireBytes: result.wire.length,
        attempts,
        redirects,
        elapsedMs: Date.now() - started,
      };
    }
  }

  return {
    request: run,
    close: async () => {
      await ownAgent?.close();
    },
  };
}

/** Throws a NetworkError naming URL, status and attempts unless the status is 2xx. */
export function ensureOk(response: HttpResponse, what = 'GET'): HttpResponse {
  if (response.status >= 200 && response.status < 300) return response;
  const snippet = response.body.toString('utf8', 0, 200).replace(/\s+/g, ' ').trim();
  throw new NetworkError(
    `${what} ${response.url}: HTTP ${response.status} after ${response.attempts} attempt${response.attempts > 1 ? 's' : ''}${snippet ? ` (${snippet})` : ''}`,
    response.url,
    {
      status: response.status,
      hint:
        response.status >= 500 || response.status === 429
          ? 'The server is failing or throttling; try again later, with --rate or more --retries.'
          : 'Check the URL and the options.',
    },
  );
}
