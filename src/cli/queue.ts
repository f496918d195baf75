// **queue** command: `queue status` shows the jobs by state, `queue clean` removes finished ones.
import type { Command } from 'commander';
import { cleanQueue, queueStatus } from '../queue/status.js';
import type { CliContext } from './context.js';
import { QUEUE_OPTION_HELP, requireQueueUrl } from './queue-url.js';

/** Registers the `queue` command and its subcommands. */
export const registerQueue = (program: Command, context: () => CliContext): void => {
  const queue = program
    .command('queue')
    .description('show and tidy the BullMQ queue of distributed runs (status, clean)');
  queue
    .command('status')
    .description('jobs of the queue by state')
    .option('--queue <url>', QUEUE_OPTION_HELP)
    .option('--json', 'print the counts as JSON')
    .action(async (flags: { queue?: string; json?: boolean }) => {
      const ctx = context();
      const counts = await queueStatus(requireQueueUrl(ctx, flags.queue));
      if (flags.json) ctx.stdout.write(JSON.stringify(counts) + '\n');
      else
        ctx.stdout.write(
          Object.entries(counts)
            .map(([state, n]) => `${state.padEnd(17)} ${n}`)
            .join('\n') + '\n',
        );
    });
  queue
    .command('clean')
    .description('remove completed and failed jobs (with --all, every job: stop the workers first)')
    .option('--queue <url>', QUEUE_OPTION_HELP)
    .option('--all', 'remove every job, waiting and active ones too')
    .action(async (flags: { queue?: string; all?: boolean }) => {
      const ctx = context();
      const removed = await cleanQueue(requireQueueUrl(ctx, flags.queue), {
        all: flags.all === true,
      });
      ctx.log.info(`queue: ${removed} jobs removed`);
    });
};
