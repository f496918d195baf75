// **url-intake** fetches a document the validator was given by URL: http(s) only, public addresses only.
import { NetworkError } from '../errors.js';
import { createHttpClient, ensureOk, type HttpClient } from '../fetch/http.js';
import { guardedAgent, type AddressPolicy } from './address-guard.js';
import { intakeDocument, type IntakeDocument } from './document-intake.js';

/** Options of {@link createUrlFetcher}. */
export interface UrlFetcherOptions {
  /** Let URLs reach loopback, private and link-local addresses (an operator's choice). */
  allowPrivate: boolean;
  /** Largest body, as sent and decompressed, bytes. */
  maxBytes: number;
  /** Largest document after decompression, bytes. */
  maxDecodedBytes: number;
  /** Which addresses are refused (default: every one but public unicast). */
  refuse?: AddressPolicy;
}

/** Fetches one URL into a document; `close` releases the connections. */
export interface UrlFetcher {
  fetch(url: string, format?: string, signal?: AbortSignal): Promise<IntakeDocument>;
  close(): Promise<void>;
}

/** Checks that a URL is absolute http(s) without credentials; throws a NetworkError (400) if not. */
export function checkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NetworkError(`not a valid URL: ${url}`, url, {
      code: 'DH_URL',
      hint: 'Give an absolute http(s) URL such as https://example.org/catalog.ttl.',
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new NetworkError(`${parsed.protocol} URLs are not fetched: ${url}`, url, {
      code: 'DH_URL',
      hint: 'Give an http(s) URL, or upload the file.',
    });
  if (parsed.username || parsed.password)
    throw new NetworkError(`URLs with credentials are not fetched: ${parsed.host}`, url, {
      code: 'DH_URL',
    });
  return parsed;
}

/**
 * The validator's URL fetcher: the harvester's HTTP client (timeouts, redirects, caps) on an
 * Agent that refuses non-public addresses after DNS resolution on every hop, unless `allowPrivate`.
 */
export function createUrlFetcher(options: UrlFetcherOptions): UrlFetcher {
  const agent = options.allowPrivate
    ? undefined
    : guardedAgent(options.refuse ? { refuse: options.refuse } : {});
  const client: HttpClient = createHttpClient({
    ...(agent ? { dispatcher: agent } : {}),
    retries: 1,
    backoff: { baseMs: 200, maxMs: 1000 },
    maxBytes: options.maxBytes,
    maxDecodedBytes: options.maxDecodedBytes,
  });
  return {
    async fetch(url, format, signal) {
      checkUrl(url);
      const response = ensureOk(await client.request(url, signal ? { signal } : {}), 'GET');
      return intakeDocument(
        response.body,
        {
          fileName: new URL(response.url).pathname.split('/').pop() || 'document',
          ...(response.contentType ? { mediaType: response.contentType } : {}),
          ...(format ? { format } : {}),
        },
        options.maxDecodedBytes,
      );
    },
    async close() {
      await client.close();
      await agent?.close();
    },
  };
}
