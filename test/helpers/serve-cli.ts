// Runs `dcat-harvest serve …` in-process (as the CLI does) until the signal; resolves once it listens.
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';

export interface ServeCli {
  /** `http://127.0.0.1:PORT`. */
  base: string;
  /** The exit code, once the signal stopped it. */
  exit: Promise<number>;
  /** What it wrote to stderr so far. */
  log: () => string;
}

/** Starts `serve` with these arguments (give `--port 0`); rejects if it exits before listening. */
export async function startServeCli(
  args: string[],
  options: { signal: AbortSignal; env?: Record<string, string>; cwd?: string },
): Promise<ServeCli> {
  const stderr = new PassThrough();
  let log = '';
  const address = new Promise<string>((resolve) =>
    stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /the validator at (http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (m) resolve(m[1]!);
    }),
  );
  const exit = runCli(
    args,
    {
      stdout: new PassThrough(),
      stderr,
      stdin: Readable.from([]),
      env: options.env ?? {},
      cwd: options.cwd ?? process.cwd(),
    },
    options.signal,
  );
  const base = await Promise.race([
    address,
    exit.then((code) => {
      throw new Error(`serve exited with ${code}: ${log}`);
    }),
  ]);
  return { base, exit, log: () => log };
}
