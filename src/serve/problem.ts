// **problem** maps errors to HTTP answers (RFC 9457 problem details): status, title, what to do.
import {
  DcatHarvestError,
  InputError,
  LimitError,
  NetworkError,
  ParseError,
  UsageError,
} from '../errors.js';

/** An RFC 9457 problem, with the position of a parse error when there is one. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  hint?: string;
  /** The document (its name), line and column of unparsable RDF. */
  source?: string;
  line?: number;
  column?: number;
  /** Seconds to wait (429, 503). */
  retryAfter?: number;
}

/** The error, or one of its causes, that refused a URL's address. */
function refusedUrl(error: unknown): NetworkError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    if (e instanceof NetworkError && e.code === 'DH_URL_REFUSED') return e;
    if (e instanceof DcatHarvestError && e.code === 'DH_URL_REFUSED')
      return e as unknown as NetworkError;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

const problem = (status: number, title: string, error: DcatHarvestError): Problem => ({
  type: 'about:blank',
  title,
  status,
  detail: error.message,
  code: error.code,
  ...(error.hint ? { hint: error.hint } : {}),
});

/** A Fastify error (body too large, bad JSON, schema, rate limit) as a problem. */
function fastifyProblem(error: {
  statusCode: number;
  message: string;
  code?: string;
  hint?: string;
}): Problem {
  const titles: Record<number, string> = {
    400: 'Bad request',
    401: 'Key needed',
    403: 'Forbidden',
    404: 'Not found',
    406: 'Not acceptable',
    409: 'Not ready',
    413: 'Document too large',
    415: 'Unsupported media type',
    429: 'Too many requests',
    503: 'Busy',
  };
  return {
    type: 'about:blank',
    title: titles[error.statusCode] ?? 'Request refused',
    status: error.statusCode,
    detail: error.message,
    ...(error.code ? { code: error.code } : {}),
    ...(typeof error.hint === 'string' ? { hint: error.hint } : {}),
  };
}

/** The HTTP answer to an error: 4xx for the user's mistakes, 502 for the URL's server, else 500. */
export function problemOf(error: unknown): Problem {
  const refused = refusedUrl(error);
  if (refused) return problem(400, 'URL refused', refused);
  if (error instanceof ParseError) {
    const { line, column, source } = error.position;
    return {
      ...problem(422, 'Unparsable RDF', error),
      hint: 'Fix the document at that line and column and send it again.',
      source,
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
    };
  }
  if (error instanceof UsageError) return problem(400, 'Bad request', error);
  if (error instanceof LimitError) return problem(413, 'Document too large', error);
  if (error instanceof InputError && error.code === 'DH_FORMAT')
    return problem(415, 'Unknown RDF format', error);
  if (error instanceof InputError) return problem(422, 'Unreadable document', error);
  if (error instanceof NetworkError) {
    const status = error.code === 'DH_URL' ? 400 : 502;
    return problem(status, status === 400 ? 'Bad URL' : 'The URL could not be fetched', error);
  }
  const e = error as { statusCode?: number; message?: string; code?: string };
  if (
    typeof e?.statusCode === 'number' &&
    ((e.statusCode >= 400 && e.statusCode < 500) || e.statusCode === 503)
  )
    return fastifyProblem(e as { statusCode: number; message: string });
  return {
    type: 'about:blank',
    title: 'Internal error',
    status: 500,
    detail: 'The check failed on our side; the server log says why.',
  };
}
