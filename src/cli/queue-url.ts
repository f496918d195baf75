// **queue-url** is the `--queue` option shared by run, worker and queue: the flag, else DCAT_HARVEST_QUEUE.
import { UsageError } from '../errors.js';
import { parseQueueUrl, QUEUE_ENV, type QueueUrl } from '../queue/connection.js';
import type { CliContext } from './context.js';

/** The `--queue` help line. */
export const QUEUE_OPTION_HELP = `Redis of the BullMQ queue, redis://HOST:PORT[/DB] (default: $${QUEUE_ENV})`;

/** The queue URL from `--queue` or the environment; undefined when neither gives one. */
export function queueUrlOf(ctx: CliContext, flag: string | undefined): QueueUrl | undefined {
  const text = flag ?? ctx.env[QUEUE_ENV];
  return text === undefined || text === '' ? undefined : parseQueueUrl(text);
}

/** The same, required. */
export function requireQueueUrl(ctx: CliContext, flag: string | undefined): QueueUrl {
  const url = queueUrlOf(ctx, flag);
  if (!url)
    throw new UsageError(`give --queue redis://HOST:PORT[/DB] (or set ${QUEUE_ENV})`, {
      hint: 'the Redis the run was sent to with `run --queue`',
    });
  return url;
}
