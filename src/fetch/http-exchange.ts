// **http-exchange** sends one request and reads its body whole, under a size cap; redirects and
// retryable statuses come back without a body, a cut or short body throws a retryable error.
import { request, type Dispatcher } from 'undici';
import { LimitError } from '../errors.js';

/** The statuses followed as redirects. */
export const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Whether a status deserves another try: 429 and 5xx except 501 Not Implemented.
 *
 * @example
 * ```ts
 * import { isRetryableStatus } from 'dcat-harvest/fetch';
 *
 * isRetryableStatus(503); // true
 * isRetryableStatus(501); // false
 * isRetryableStatus(404); // false
 * ```
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/** A failure worth another try (a cut or short body), with the reason retries report. */
export class Retryable extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

/** Response headers as one lower-case string per name. */
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

/** A failure as retries report it: `UND_ERR_SOCKET: other side closed`, a cut body's reason. */
export function describeFailure(error: unknown): string {
  if (error instanceof Retryable) return error.reason;
  const e = error as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(': ') || String(error);
}

/** One request's answer: status, headers and the body's bytes as received (still encoded). */
export interface Exchange {
  status: number;
  headers: Record<string, string>;
  wire: Buffer;
}

/** What bounds one exchange. */
export interface ExchangeLimits {
  dispatcher: Dispatcher;
  /** Largest body on the wire, bytes. */
  maxBytes: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

/** Sends one request and reads its body (see the file's header). */
export async function exchange(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal | undefined,
  limits: ExchangeLimits,
): Promise<Exchange> {
  const { dispatcher, maxBytes } = limits;
  const response = await request(url, {
    method: method as Dispatcher.HttpMethod,
    headers,
    body,
    dispatcher,
    signal,
    headersTimeout: limits.headersTimeoutMs,
    bodyTimeout: limits.bodyTimeoutMs,
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
      `body interrupted after ${total} bytes (${describeFailure(error)})`,
    );
  }
  if (length !== undefined && total < length) {
    throw new Retryable('truncated body', `truncated body: ${total} of ${length} bytes`);
  }
  return { status, headers: resHeaders, wire: Buffer.concat(chunks) };
}
