// **errors** defines the typed, coded errors of dcat-harvest; each carries an exit code and a hint.

/** Exit codes of the command line, also used by the library's errors. */
export const ExitCode = {
  /** Success, or the input conforms. */
  ok: 0,
  /** Findings at or above the threshold (`--fail-on`, `--min-score`). */
  findings: 1,
  /** Bad arguments or options. */
  usage: 2,
  /** Input or network failure. */
  failure: 3,
} as const;

/** One of the {@link ExitCode} values: 0, 1, 2 or 3. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** What an error carries beyond its message. */
export interface DcatHarvestErrorOptions {
  /** What the user can do about it. */
  hint?: string;
  /** The underlying error. */
  cause?: unknown;
}

/** Base class: every error the library throws on purpose has a stable `code`. */
export class DcatHarvestError extends Error {
  readonly code: string;
  readonly exitCode: ExitCodeValue;
  readonly hint: string | undefined;

  constructor(
    code: string,
    message: string,
    exitCode: ExitCodeValue,
    options: DcatHarvestErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.hint = options.hint;
  }
}

/** A bad argument, option or combination of them (exit 2). */
export class UsageError extends DcatHarvestError {
  constructor(message: string, options: DcatHarvestErrorOptions = {}) {
    super('DH_USAGE', message, ExitCode.usage, options);
  }
}

/** Where in a document something went wrong. */
export interface SourcePosition {
  /** File path, URL or `<stdin>`. */
  source: string;
  line?: number;
  column?: number;
  /** The offending text, shortened. */
  excerpt?: string;
}

/** Input that cannot be read or used (exit 3). */
export class InputError extends DcatHarvestError {
  constructor(message: string, options: DcatHarvestErrorOptions & { code?: string } = {}) {
    super(options.code ?? 'DH_INPUT', message, ExitCode.failure, options);
  }
}

/** Malformed RDF: names the document, line, column and offending text (exit 3). */
export class ParseError extends InputError {
  readonly position: SourcePosition;
  /** The parser's own message, without the position prefix. */
  readonly reason: string;
  /** The subject of the statement it concerns (IRI or `_:label`), when the parser knew it. */
  readonly subject?: string;

  constructor(
    reason: string,
    position: SourcePosition,
    options: DcatHarvestErrorOptions & { format?: string; subject?: string } = {},
  ) {
    const where = formatPosition(position);
    const what = options.format ? `invalid ${options.format}` : 'invalid RDF';
    const excerpt = position.excerpt ? ` near «${position.excerpt}»` : '';
    super(`${where}: ${what}: ${reason}${excerpt}`, {
      code: 'DH_PARSE',
      hint:
        options.hint ??
        'Fix the document, or pass --repair to percent-encode IRIs with spaces and the like, or --lenient to also skip bad statements and keep the rest.',
      cause: options.cause,
    });
    this.position = position;
    this.reason = reason;
    if (options.subject !== undefined) this.subject = options.subject;
  }
}

/** A size, count or depth limit was hit (exit 3). */
export class LimitError extends InputError {
  constructor(message: string, options: DcatHarvestErrorOptions = {}) {
    super(message, { ...options, code: 'DH_LIMIT' });
  }
}

/** A network failure or an HTTP error status (exit 3). */
export class NetworkError extends DcatHarvestError {
  readonly url: string;
  readonly status: number | undefined;

  constructor(
    message: string,
    url: string,
    options: DcatHarvestErrorOptions & { status?: number; code?: string } = {},
  ) {
    super(options.code ?? 'DH_NETWORK', message, ExitCode.failure, options);
    this.url = url;
    this.status = options.status;
  }
}

/**
 * `file:12:5` style rendering of a position.
 *
 * @example
 * ```ts
 * import { formatPosition } from 'dcat-harvest';
 *
 * formatPosition({ source: 'catalog.ttl', line: 12, column: 4 }); // 'catalog.ttl:12:4'
 * ```
 */
export function formatPosition(position: SourcePosition): string {
  let out = position.source;
  if (position.line !== undefined) {
    out += `:${position.line}`;
    if (position.column !== undefined) out += `:${position.column}`;
  }
  return out;
}

/**
 * The exit code for any thrown value: ours carry one, anything else is a failure.
 *
 * @example
 * ```ts
 * import { exitCodeOf, harvest } from 'dcat-harvest';
 *
 * try {
 *   await harvest('https://example.org/catalog', { out: 'harvest' });
 * } catch (error) {
 *   process.exitCode = exitCodeOf(error); // 2 for a bad option, 3 for input or network failures
 * }
 * ```
 */
export function exitCodeOf(error: unknown): ExitCodeValue {
  return error instanceof DcatHarvestError ? error.exitCode : ExitCode.failure;
}
