// **timers** runs catalogs on their schedules in this process: one timer per catalog, armed again after each run.
import type { Schedule } from '../history/model.js';
import { nextRunAt } from './schedule.js';

/** Node's timers hold at most 2^31-1 ms (24.8 days): longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a scheduler needs from its owner. */
export interface ScheduleHost {
  /** A catalog is due: start its run (the scheduler re-arms when {@link Scheduler.ran} is called). */
  due(catalog: string): void;
  /** The clock (tests give their own). */
  now?: () => Date;
}

/** Keeps catalogs on their schedules: `set` (re)arms one, `next` says when it runs. */
export interface Scheduler {
  /** (Re)arms a catalog: `lastStart` is when its last run started, if it ran. */
  set(catalog: string, schedule: Schedule, lastStart?: Date): Promise<void>;
  /** Tells the scheduler a run of the catalog started now (re-arms `every` from now). */
  ran(catalog: string): Promise<void>;
  remove(catalog: string): Promise<void>;
  /** When the catalog runs next; undefined when it has no schedule. */
  next(catalog: string): Promise<Date | undefined>;
  close(): Promise<void>;
}

interface Armed {
  schedule: Schedule;
  at: Date | undefined;
  timer?: NodeJS.Timeout;
}

/** A scheduler of in-process timers (the default; `--queue` uses BullMQ's job schedulers). */
export function timerScheduler(host: ScheduleHost): Scheduler {
  const now = host.now ?? (() => new Date());
  const armed = new Map<string, Armed>();
  let closed = false;

  const arm = (catalog: string, entry: Armed) => {
    clearTimeout(entry.timer);
    if (closed || !entry.at) return;
    const wait = Math.max(0, entry.at.getTime() - now().getTime());
    entry.timer = setTimeout(
      () => {
        if (entry.at && entry.at.getTime() > now().getTime()) return arm(catalog, entry);
        // Re-armed from now at once, so a cron catalog does not fire twice for one time.
        entry.at = nextRunAt(entry.schedule, now(), new Date(now().getTime() + 1));
        arm(catalog, entry);
        host.due(catalog);
      },
      Math.min(wait, MAX_TIMER_MS),
    );
    entry.timer.unref();
  };

  return {
    async set(catalog, schedule, lastStart) {
      const old = armed.get(catalog);
      clearTimeout(old?.timer);
      const entry: Armed = { schedule, at: nextRunAt(schedule, lastStart, now()) };
      armed.set(catalog, entry);
      arm(catalog, entry);
    },
    async ran(catalog) {
      const entry = armed.get(catalog);
      if (!entry || entry.schedule.everyMs === undefined) return;
      entry.at = nextRunAt(entry.schedule, now(), now());
      arm(catalog, entry);
    },
    async remove(catalog) {
      clearTimeout(armed.get(catalog)?.timer);
      armed.delete(catalog);
    },
    async next(catalog) {
      return armed.get(catalog)?.at;
    },
    async close() {
      closed = true;
      for (const entry of armed.values()) clearTimeout(entry.timer);
      armed.clear();
    },
  };
}
