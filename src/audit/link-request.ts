// **link-request** sends one HEAD or ranged GET for the link checker, paced per host, body unread.
import { request, type Dispatcher } from 'undici';
import { HostPacer } from './link-limits.js';

/** What one request answered: its status and, for a redirect, where to. */
export interface LinkResponse {
  status: number;
  location?: string;
}

/** Options of {@link linkSender}. */
export interface LinkSenderOptions {
  dispatcher: Dispatcher;
  /** Headers and body timeout, ms. */
  timeoutMs: number;
  /** Request starts per second per host (0 = unlimited). */
  hostRate: number;
  userAgent: string;
  signal?: AbortSignal;
}

/** Sends one request; the body is destroyed unread (never more than a few bytes). */
export type SendLink = (url: URL, method: 'HEAD' | 'GET') => Promise<LinkResponse>;

/** A sender with its per-host pacers. */
export function linkSender(options: LinkSenderOptions): SendLink {
  const { dispatcher, timeoutMs } = options;
  const pacers = new Map<string, HostPacer>();
  const headers = { 'user-agent': options.userAgent, accept: '*/*' };
  return async (url, method) => {
    let pacer = pacers.get(url.host);
    if (!pacer) pacers.set(url.host, (pacer = new HostPacer(options.hostRate)));
    await pacer.wait();
    const signals = [AbortSignal.timeout(timeoutMs)];
    if (options.signal) signals.push(options.signal);
    const response = await request(url, {
      method,
      dispatcher,
      headers: method === 'GET' ? { ...headers, range: 'bytes=0-0' } : headers,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.any(signals),
    });
    response.body.on('error', () => {});
    response.body.destroy();
    const location = response.headers.location;
    return {
      status: response.statusCode,
      ...(typeof location === 'string' ? { location } : {}),
    };
  };
}
