// **worker-errors** gives back a parse error its class after a worker thread sent it as a plain Error.
import { ParseError } from '../errors.js';

/** `source:line:column: invalid Format: reason`, as `ParseError` words its message. */
const PARSE_MESSAGE = /^(.*?):(\d+):(\d+): invalid ([^:]+): ([\s\S]*)$/;

/**
 * A worker's error crosses the thread boundary as a plain Error (class and fields lost): a parse
 * error is recognized by its message and made a {@link ParseError} again, so it answers 422 with
 * its line and column; anything else is returned as it is.
 */
export function reviveWorkerError(error: unknown): unknown {
  if (error instanceof ParseError || !(error instanceof Error)) return error;
  const m = PARSE_MESSAGE.exec(error.message);
  if (!m) return error;
  const [, source = '', line, column, format, reason = ''] = m;
  return new ParseError(
    reason,
    { source, line: Number(line), column: Number(column) },
    { format, cause: error },
  );
}
