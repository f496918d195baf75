// **queue-schedules** keeps catalogs on their schedules with BullMQ job schedulers: Redis holds the schedule, any server may take the tick.
import { Queue, Worker } from 'bullmq';
import type { Schedule } from '../history/model.js';
import { connectQueue, type QueueUrl } from '../queue/connection.js';
import type { ScheduleHost, Scheduler } from './timers.js';

/** The queue of schedule ticks (apart from the catalog jobs workers take). */
export const SCHEDULE_QUEUE = 'dcat-harvest-schedules';

/** The job scheduler id of a catalog. */
const schedulerId = (catalog: string) => `catalog:${catalog}`;

/**
 * A scheduler of BullMQ job schedulers (`upsertJobScheduler`): `every` or a cron `pattern` per
 * catalog, in Redis, so schedules outlive a restart and one server takes each tick. A tick calls
 * `host.due` in the server that takes it. An unchanged schedule is left as it is in Redis (an
 * `every` scheduler made again would run at once).
 */
export async function queueScheduler(url: QueueUrl, host: ScheduleHost): Promise<Scheduler> {
  const connection = await connectQueue(url, { blocking: true });
  const queue = new Queue(SCHEDULE_QUEUE, { connection });
  const worker = new Worker(
    SCHEDULE_QUEUE,
    async (job) => {
      host.due((job.data as { catalog: string }).catalog);
    },
    { connection, concurrency: 1 },
  );
  worker.on('error', () => {});
  await worker.waitUntilReady();
  return {
    async set(catalog: string, schedule: Schedule) {
      const id = schedulerId(catalog);
      const existing = await queue.getJobScheduler(id);
      if (schedule.everyMs === undefined && schedule.cron === undefined) {
        if (existing) await queue.removeJobScheduler(id);
        return;
      }
      if (
        existing &&
        (existing.every === undefined ? undefined : Number(existing.every)) === schedule.everyMs &&
        (existing.pattern ?? undefined) === schedule.cron
      )
        return;
      await queue.upsertJobScheduler(
        id,
        schedule.everyMs !== undefined ? { every: schedule.everyMs } : { pattern: schedule.cron },
        {
          name: 'scheduled-run',
          data: { catalog },
          opts: { removeOnComplete: 100, removeOnFail: 100 },
        },
      );
    },
    async ran() {},
    async remove(catalog: string) {
      await queue.removeJobScheduler(schedulerId(catalog));
    },
    async next(catalog: string) {
      const next = (await queue.getJobScheduler(schedulerId(catalog)))?.next;
      return next === undefined ? undefined : new Date(Number(next));
    },
    async close() {
      await worker.close();
      await queue.close();
      connection.disconnect();
    },
  };
}
