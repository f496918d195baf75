// **arenas** starts the memory-heavy commands again with at most two glibc malloc arenas.
import { spawn } from 'node:child_process';

/** Commands that validate at scale on several threads (where the arenas' memory shows). */
const HEAVY = new Set(['run', 'validate', 'audit', 'worker', 'serve']);

/**
 * glibc gives each thread that allocates its own malloc arena (up to 8 per core), and memory freed
 * in one stays there: with two validation workers and V8's and libuv's helper threads, that is
 * ≈ 100 MB of a run at data.gouv.fr's size (bench/README.md, "glibc's malloc arenas"). glibc reads
 * `MALLOC_ARENA_MAX` once, when the process starts, so a heavy command starts itself again with it
 * set to 2, unless it is set already (any value, `0` included) or the platform is not Linux.
 * Returns the child's exit code, or `undefined` when this process should run the command itself.
 */
export function rerunWithFewerArenas(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> | undefined {
  const command = argv.find((arg) => !arg.startsWith('-'));
  if (process.platform !== 'linux' || env.MALLOC_ARENA_MAX !== undefined) return undefined;
  if (command === undefined || !HEAVY.has(command)) return undefined;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    // The channel only tells the child when this process is gone (see `dieWithParent`).
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...env, MALLOC_ARENA_MAX: '2', [CHILD]: '1' },
  });
  // A terminal's Ctrl-C reaches the whole process group, child included: not sent twice. A
  // SIGTERM (a process manager, `timeout`, `docker stop`) names this process only: passed on.
  const onInterrupt = () => undefined;
  const onTerminate = () => child.kill('SIGTERM');
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onTerminate);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onTerminate);
      resolve(code ?? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : 2));
    });
  });
}

/** Set in the child's environment. */
const CHILD = 'DCAT_HARVEST_ARENAS_CHILD';

/**
 * In the child of {@link rerunWithFewerArenas}: when the parent is killed (`kill -9` of the pid a
 * supervisor knows), the child goes at once the same way, as if it had been the one killed,
 * instead of running on as an orphan.
 */
export function dieWithParent(env: NodeJS.ProcessEnv = process.env): void {
  if (env[CHILD] !== '1' || !process.channel) return;
  delete env[CHILD]; // not for the processes this one starts
  process.channel.unref(); // the channel must not keep the command alive once its work is done
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
