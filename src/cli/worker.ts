// **worker** command: processes the jobs of queued runs until SIGTERM/SIGINT, then lets active jobs finish.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { startWorker } from '../queue/worker.js';
import type { CliContext } from './context.js';
import { QUEUE_OPTION_HELP, requireQueueUrl } from './queue-url.js';

interface WorkerFlags {
  queue?: string;
  lock: string;
  concurrency: string;
  workers?: string;
}

function count(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${flag} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

/** Registers the `worker` command. */
export const registerWorker = (program: Command, context: () => CliContext): void => {
  program
    .command('worker')
    .description('process the jobs of runs sent to a queue (`run --queue`), until stopped')
    .option('--queue <url>', QUEUE_OPTION_HELP)
    .option('--concurrency <n>', 'catalogs this process runs at once', '1')
    .option('-w, --workers <n>', 'validation worker threads per catalog (default: one per core)')
    .option(
      '--lock <seconds>',
      'a job of a worker that stopped answering goes to another after this long (the lock is renewed every half of it)',
      '60',
    )
    .addHelpText(
      'after',
      `
Start as many workers as you like, on any machine that reaches Redis and sees the run folder at
the same path. SIGTERM or Ctrl-C stops taking jobs and lets the active ones finish; a second one
stops at once (the queue hands an unfinished job to another worker).

Exit codes: 0 stopped, 2 usage error, 3 Redis unreachable.`,
    )
    .action(async (flags: WorkerFlags) => {
      const ctx = context();
      const queue = requireQueueUrl(ctx, flags.queue);
      const concurrency = count(flags.concurrency, '--concurrency', 1) ?? 1;
      const workers = flags.workers === '0' ? 0 : count(flags.workers, '--workers', 1);
      const lock = count(flags.lock, '--lock', 2) as number;
      const worker = await startWorker({
        queue,
        lockMs: lock * 1000,
        concurrency,
        ...(workers === undefined ? {} : { workers }),
        onJob: (event, name, id, detail) =>
          ctx.log.info(`[worker] ${name} ${id} ${event}${detail ? `: ${detail}` : ''}`),
        onProgress: (catalog, stage, message) =>
          ctx.log.debug(`[${catalog}] [${stage}] ${message}`),
      });
      ctx.log.info(
        `worker: processing jobs of ${queue.shown} (${concurrency} at once); stop with SIGTERM or Ctrl-C`,
      );
      if (!ctx.signal.aborted)
        await new Promise((resolve) =>
          ctx.signal.addEventListener('abort', resolve, { once: true }),
        );
      ctx.log.info('worker: letting active jobs finish');
      await worker.close();
      ctx.log.info('worker: stopped');
    });
};
