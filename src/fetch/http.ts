// **http** is the undici HTTP client: per-phase timeouts, retries, caps, manual redirects, UA.
import { Agent } from 'undici';
import { NetworkError } from '../errors.js';
import { USER_AGENT } from '../version.js';
import { ACCEPT_ENCODING, decodeBody } from './decode.js';
import { REDIRECTS } from './http-exchange.js';
import { withRetries, type RetrySettings } from './http-retry.js';
import type { HttpClient, HttpClientOptions, HttpResponse, RequestOptions } from './http-types.js';
import { createRateLimiter } from './rate.js';

export { isRetryableStatus } from './http-exchange.js';
export type {
  HttpClient,
  HttpClientOptions,
  HttpResponse,
  RequestOptions,
  RetryEvent,
} from './http-types.js';

/**
 * Creates a client. Tests inject a dispatcher or point it at a loopback server.
 *
 * @example
 * ```ts
 * import { createHttpClient, ensureOk } from 'dcat-harvest/fetch';
 *
 * const client = createHttpClient({ retries: 2, rate: 5 });
 * try {
 *   const response = ensureOk(await client.request('https://www.data.gouv.fr/api/1/site/'));
 *   console.log(response.status, response.contentType, response.body.length);
 * } finally {
 *   await client.close();
 * }
 * ```
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const ownAgent = options.dispatcher
    ? undefined
    : new Agent({
        connections: options.connections ?? 8,
        connect: { timeout: options.connectTimeoutMs ?? 15_000 },
      });
  const settings: RetrySettings = {
    options,
    limiter: createRateLimiter(options.rate),
    limits: {
      dispatcher: options.dispatcher ?? ownAgent!,
      maxBytes: options.maxBytes ?? 512 * 1024 * 1024,
      headersTimeoutMs: options.headersTimeoutMs ?? 120_000,
      bodyTimeoutMs: options.bodyTimeoutMs ?? 300_000,
    },
    maxRetryAfter: options.maxRetryAfterMs ?? 120_000,
  };
  return {
    request: (url, requestOptions = {}) => follow(url, requestOptions, settings),
    close: async () => {
      await ownAgent?.close();
    },
  };
}

/** Requests `input`, following redirects (credentials kept on their origin only), and decodes the body. */
async function follow(
  input: string,
  requestOptions: RequestOptions,
  settings: RetrySettings,
): Promise<HttpResponse> {
  const { options } = settings;
  const userAgent = options.userAgent ?? USER_AGENT;
  const maxDecoded = options.maxDecodedBytes ?? 1024 * 1024 * 1024;
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
    const result = await withRetries(url, requestOptions, headers, settings);
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

/**
 * Throws a NetworkError naming URL, status and attempts unless the status is 2xx.
 *
 * @example
 * ```ts
 * import { createHttpClient, ensureOk } from 'dcat-harvest/fetch';
 *
 * const client = createHttpClient();
 * // Throws a NetworkError naming the URL, the status and the attempts on a 404 or a 500.
 * const { body } = ensureOk(await client.request('https://example.org/catalog.ttl'));
 * await client.close();
 * ```
 */
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
