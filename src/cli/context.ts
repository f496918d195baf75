// **context** carries what a command needs from the outside world: streams, environment, logger.
import type { Readable, Writable } from 'node:stream';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

/** Writes logs and progress to stderr; never to stdout, which carries data. */
export interface Logger {
  /** Progress and summaries; hidden by --quiet. */
  info(message: string): void;
  /** Details; shown only with --verbose. */
  debug(message: string): void;
  /** Always shown, prefixed with "warning:". */
  warn(message: string): void;
  /** Always shown, prefixed with "error:". */
  error(message: string): void;
}

/** The streams and environment {@link runCli} works with (the process's by default). */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  env: Record<string, string | undefined>;
  /** Working directory for relative paths. */
  cwd: string;
}

export interface CliContext extends CliIo {
  verbosity: Verbosity;
  /** Colour on stderr: a TTY, NO_COLOR unset and no --no-color. */
  color: boolean;
  log: Logger;
  /** The exit code the command wants (0 unless set). */
  exitCode: number;
  /** Aborted on SIGINT/SIGTERM by the entry point; commands pass it down. */
  signal: AbortSignal;
}

const ANSI = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;
export type Style = keyof typeof ANSI;

/** Wraps text in an ANSI style when `enabled`. */
export function paint(enabled: boolean, style: Style, text: string): string {
  return enabled ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
}

/** Builds a context for the given streams and global options. */
export function createContext(
  io: CliIo,
  options: { verbosity: Verbosity; color?: boolean; signal?: AbortSignal },
): CliContext {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const color = options.color !== false && !noColor && io.stderr.isTTY === true;
  const line = (text: string) => io.stderr.write(text + '\n');
  const log: Logger = {
    info: (m) => {
      if (options.verbosity !== 'quiet') line(m);
    },
    debug: (m) => {
      if (options.verbosity === 'verbose') line(paint(color, 'dim', m));
    },
    warn: (m) => line(`${paint(color, 'yellow', 'warning:')} ${m}`),
    error: (m) => line(`${paint(color, 'red', 'error:')} ${m}`),
  };
  return {
    ...io,
    verbosity: options.verbosity,
    color,
    log,
    exitCode: 0,
    signal: options.signal ?? new AbortController().signal,
  };
}
