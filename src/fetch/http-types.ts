// **http-types** the HTTP client's options, requests and responses.
import type { Dispatcher } from 'undici';
import type { BackoffOptions } from './backoff.js';
import type { HostLimiter } from './host-limiter.js';

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
  /** A limiter shared with other processes (queue workers): a lease per attempt, per host. */
  hostLimiter?: HostLimiter;
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
