// **api** calls the udata JSON API of one portal: JSON in and out, plain messages for 4xx.
import { NetworkError, UsageError } from '../errors.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../fetch/http.js';

/** Options of `createSiteApi`. */
export interface SiteApiOptions {
  /** Portal root (default https://www.data.gouv.fr). */
  portal?: string;
  /** API key (`X-API-KEY`): sent only to the portal's origin and only on calls that need it. */
  apiKey?: string;
  /** HTTP client (default: one created from `http`, closed by `close`). */
  client?: HttpClient;
  http?: HttpClientOptions;
  signal?: AbortSignal;
}

/** A portal's API: `call` returns parsed JSON or throws a NetworkError with a plain message. */
export interface SiteApi {
  /** The portal origin, e.g. `https://www.data.gouv.fr`. */
  origin: string;
  /** Calls one endpoint of the API and returns its JSON answer. */
  call<T>(request: ApiRequest): Promise<T>;
  /** Closes the HTTP client (when the API made its own). */
  close(): Promise<void>;
}

/** One API call. */
export interface ApiRequest {
  method?: 'GET' | 'PUT';
  /** Path under `/api/1`, e.g. `/activity/`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Send the API key (required for this call). */
  auth?: boolean;
  /** Message for a 404 on this endpoint. */
  notFound?: string;
}

export const DEFAULT_PORTAL = 'https://www.data.gouv.fr';

function portalOrigin(portal: string): string {
  try {
    const url = new URL(portal);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url.origin;
  } catch {
    throw new UsageError(`--portal: "${portal}" is not an http(s) URL`, {
      hint: 'Pass the portal root, e.g. --portal https://www.data.gouv.fr',
    });
  }
}

function serverMessage(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { message?: unknown; errors?: unknown };
    const parts = [typeof parsed.message === 'string' ? parsed.message : undefined];
    if (parsed.errors) parts.push(JSON.stringify(parsed.errors));
    return parts.filter(Boolean).join(' ') || undefined;
  } catch {
    return body.toString('utf8', 0, 200).trim() || undefined;
  }
}

/**
 * Connects to a portal's `/api/1`.
 *
 * @example
 * ```ts
 * import { createSiteApi, getSiteContext } from 'dcat-harvest/udata';
 *
 * const api = createSiteApi({ portal: 'https://demo.data.gouv.fr' });
 * try {
 *   const { wrapped } = await getSiteContext(api);
 *   console.log(Object.keys(wrapped));
 * } finally {
 *   await api.close();
 * }
 * ```
 */
export function createSiteApi(options: SiteApiOptions = {}): SiteApi {
  const origin = portalOrigin(options.portal ?? DEFAULT_PORTAL);
  const own = options.client ? undefined : createHttpClient(options.http);
  const client = options.client ?? own!;
  return {
    origin,
    async call<T>(request: ApiRequest): Promise<T> {
      const url = new URL(`/api/1${request.path}`, origin);
      for (const [k, v] of Object.entries(request.query ?? {})) {
        if (v !== undefined) url.searchParams.set(k, String(v));
      }
      const method = request.method ?? 'GET';
      if (request.auth && !options.apiKey) {
        throw new UsageError(`${method} ${url.pathname} needs an API key`, {
          hint: 'Set DCAT_HARVEST_API_KEY or pass --api-key-file (a file holding the key).',
        });
      }
      const response = await client.request(url.href, {
        method,
        signal: options.signal,
        headers: {
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...request.headers,
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        credentials:
          request.auth && options.apiKey
            ? { origin, headers: { 'x-api-key': options.apiKey } }
            : undefined,
      });
      const where = `${method} ${url.href}`;
      const said = serverMessage(response.body);
      const fail = (message: string, hint: string) => {
        throw new NetworkError(
          `${where}: ${message}${said ? ` (server: ${said})` : ''}`,
          url.href,
          {
            status: response.status,
            code: `DH_HTTP_${response.status}`,
            hint,
          },
        );
      };
      switch (response.status) {
        case 400:
          return fail(
            '400 Bad Request: the portal refused the parameters',
            'Check the option values (ids must be ObjectIds, pages positive).',
          );
        case 401:
          return fail(
            '401 Unauthorized: the API key is missing or invalid',
            'Check DCAT_HARVEST_API_KEY / --api-key-file; udata answers 401 to an invalid key even on public reads.',
          );
        case 403:
          return fail(
            '403 Forbidden: this API key may not do that',
            'Only site administrators may change the home page lists.',
          );
        case 404:
          return fail(request.notFound ?? '404 Not Found', 'Check --portal and the ids.');
      }
      if (response.status < 200 || response.status >= 300) {
        return fail(
          `HTTP ${response.status} after ${response.attempts} attempt(s)`,
          'The portal is failing; try again later.',
        );
      }
      if (response.status === 204 || response.body.length === 0) return undefined as T;
      try {
        return JSON.parse(response.body.toString('utf8')) as T;
      } catch {
        return fail('the answer is not JSON', 'Check that --portal points at a udata portal.');
      }
    },
    close: async () => {
      await own?.close();
    },
  };
}
