// **thread-errors** carries the library's errors across worker threads whole: structured clone
// keeps an Error's message and `cause` but not its class nor its fields (a parse error's line and
// column, its exit code and hint), so a worker sends them in the cause and the pool rebuilds them.
import {
  DcatHarvestError,
  InputError,
  LimitError,
  NetworkError,
  ParseError,
  UsageError,
  type ExitCodeValue,
  type SourcePosition,
} from '../errors.js';

/** What crosses in the cause of the plain Error a worker throws. */
interface Crossing {
  dcatHarvestError: {
    name: string;
    message: string;
    code: string;
    exitCode: ExitCodeValue;
    hint?: string;
    position?: SourcePosition;
    reason?: string;
    subject?: string;
    url?: string;
    status?: number;
  };
}

/** In a worker: the error to throw so that {@link afterCrossing} can give it back whole. */
export function forCrossing(error: unknown): unknown {
  if (!(error instanceof DcatHarvestError)) return error;
  const e = error as DcatHarvestError & Partial<ParseError> & Partial<NetworkError>;
  const carried: Crossing['dcatHarvestError'] = {
    name: e.name,
    message: e.message,
    code: e.code,
    exitCode: e.exitCode,
    ...(e.hint === undefined ? {} : { hint: e.hint }),
    ...(e.position === undefined ? {} : { position: e.position }),
    ...(e.reason === undefined ? {} : { reason: e.reason }),
    ...(e.subject === undefined ? {} : { subject: e.subject }),
    ...(e.url === undefined ? {} : { url: e.url }),
    ...(e.status === undefined ? {} : { status: e.status }),
  };
  return new Error(e.message, { cause: { dcatHarvestError: carried } satisfies Crossing });
}

/** In the pool: the error a worker threw, of its class again when it was one of ours. */
export function afterCrossing(error: unknown): unknown {
  const carried = ((error as { cause?: unknown } | undefined)?.cause as Crossing | undefined)
    ?.dcatHarvestError;
  if (!(error instanceof Error) || !carried || typeof carried.message !== 'string') return error;
  const options = { ...(carried.hint === undefined ? {} : { hint: carried.hint }), cause: error };
  let revived: DcatHarvestError;
  if (carried.name === 'ParseError' && carried.position)
    revived = new ParseError(carried.reason ?? carried.message, carried.position, {
      ...options,
      ...(carried.subject === undefined ? {} : { subject: carried.subject }),
    });
  else if (carried.name === 'LimitError') revived = new LimitError(carried.message, options);
  else if (carried.name === 'UsageError') revived = new UsageError(carried.message, options);
  else if (carried.name === 'NetworkError')
    revived = new NetworkError(carried.message, carried.url ?? '', {
      ...options,
      code: carried.code,
      ...(carried.status === undefined ? {} : { status: carried.status }),
    });
  else if (carried.exitCode === 3)
    revived = new InputError(carried.message, { ...options, code: carried.code });
  else revived = new DcatHarvestError(carried.code, carried.message, carried.exitCode, options);
  // The message as the worker worded it (a parse error's format is in it, not in its fields).
  Object.defineProperty(revived, 'message', { value: carried.message, enumerable: false });
  return revived;
}
