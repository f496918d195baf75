// **respond** writes a response body, honestly or with a body fault: reset, truncation, drip, padding, encoding.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a JSON body with a status. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': body.length,
    ...headers,
  });
  res.end(body);
}

/** udata's API error shape. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { message, status }, headers);
}

/** Flask's HTML 500 page (what udata answers for nq/trix/html). */
export function sendServerError(res: ServerResponse, status = 500): void {
  const title =
    status === 500
      ? 'Internal Server Error'
      : status === 502
        ? 'Bad Gateway'
        : 'Service Unavailable';
  const body = Buffer.from(
    `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n`,
  );
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
  });
  res.end(body);
}

/** A relative 302, as udata's redirects are. */
export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Content-Length': 0 });
  res.end();
}

export type BodyFault =
  | { kind: 'reset' }
  | { kind: 'truncate' }
  | { kind: 'drip'; interval: number; chunks: number }
  | { kind: 'oversized'; bytes: number; padding: 'comment' | 'xml' | 'space' };

/** Picks gzip or brotli when enabled and accepted. */
export function chooseEncoding(
  req: IncomingMessage,
  enabled: { gzip?: boolean; br?: boolean },
): 'br' | 'gzip' | undefined {
  const accept = String(req.headers['accept-encoding'] ?? '').toLowerCase();
  const accepts = (name: string) =>
    accept
      .split(',')
      .some((p) => p.trim().split(';')[0] === name && !/;\s*q=0(\.0*)?$/.test(p.trim()));
  if (enabled.br && accepts('br')) return 'br';
  if (enabled.gzip && accepts('gzip')) return 'gzip';
  return undefined;
}

/** Writes `body` with `contentType`, applying at most one body fault, and returns the bytes sent. */
export async function sendBody(
  res: ServerResponse,
  body: Buffer,
  contentType: string,
  options: {
    fault?: BodyFault;
    encoding?: 'br' | 'gzip' | undefined;
    headers?: Record<string, string>;
  } = {},
): Promise<number> {
  const { fault } = options;
  let payload = body;
  const headers: Record<string, string | number> = {
    'Content-Type': contentType,
    ...options.headers,
  };
  if (options.encoding && fault?.kind !== 'oversized') {
    payload =
      options.encoding === 'br'
        ? await brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
        : await gzipAsync(body, { level: 4 });
    headers['Content-Encoding'] = options.encoding;
    headers.Vary = 'Accept-Encoding';
  }
  if (fault?.kind === 'oversized') {
    res.writeHead(200, headers);
    let sent = 0;
    const write = async (chunk: Buffer): Promise<void> => {
      if (res.destroyed) return;
      sent += chunk.length;
      if (!res.write(chunk))
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
    };
    await write(payload);
    const line =
      fault.padding === 'comment'
        ? `# ${'x'.repeat(1020)}\n`
        : fault.padding === 'xml'
          ? `<!-- ${'x'.repeat(1014)} -->\n`
          : `${' '.repeat(1023)}\n`;
    const chunk = Buffer.from(line.repeat(64));
    while (sent < fault.bytes && !res.destroyed) await write(chunk);
    res.end();
    return sent;
  }
  headers['Content-Length'] = payload.length;
  res.writeHead(200, headers);
  if (!fault) {
    res.end(payload);
    return payload.length;
  }
  if (fault.kind === 'reset' || fault.kind === 'truncate') {
    const part = payload.subarray(0, Math.floor(payload.length / 2));
    res.write(part, () => {
      const socket = res.socket;
      if (!socket) return;
      if (fault.kind === 'reset') socket.resetAndDestroy();
      else socket.end();
    });
    return part.length;
  }
  const size = Math.ceil(payload.length / fault.chunks);
  for (let offset = 0; offset < payload.length && !res.destroyed; offset += size) {
    res.write(payload.subarray(offset, offset + size));
    if (offset + size < payload.length) await sleep(fault.interval);
  }
  res.end();
  return payload.length;
}

/** Breaks a page's syntax near its middle (a line no parser of `format` accepts). */
export function corrupt(text: string, format: string): string {
  let at = text.indexOf('\n', Math.floor(text.length / 2));
  if (at < 0) at = text.length;
  const garbage =
    format === 'rdfxml'
      ? '<broken attribute=>\n'
      : format === 'jsonld'
        ? ',,\n'
        : '@@ this line is not RDF @@ .\n';
  return text.slice(0, at + 1) + garbage + text.slice(at + 1);
}
