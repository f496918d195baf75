// **schedule** reads a catalog's schedule (`every: 24h` or a cron pattern) and says when it runs next.
import { CronExpressionParser } from 'cron-parser';
import { UsageError } from '../errors.js';
import type { Schedule } from '../history/model.js';

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** What `every` accepts: one or more amounts with a unit, `24h`, `1h30m`, `7d`. */
export const EVERY_PATTERN = '^([1-9][0-9]*(ms|s|m|h|d|w))+$';

/** The shortest interval a schedule may have. */
export const MIN_EVERY_MS = 60_000;

/** Milliseconds of an `every` text (`24h`, `1h30m`); a usage error naming `where` otherwise. */
export function parseEvery(text: string, where = 'every'): number {
  if (!new RegExp(EVERY_PATTERN).test(text)) {
    throw new UsageError(`${where}: "${text}" is not a duration`, {
      hint: 'write an amount and a unit (ms, s, m, h, d, w), e.g. every: 24h or every: 1h30m',
    });
  }
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/([0-9]+)(ms|s|m|h|d|w)/g))
    ms += Number(n) * (UNITS[unit as string] ?? 0);
  if (ms < MIN_EVERY_MS)
    throw new UsageError(`${where}: "${text}" is shorter than a minute`, {
      hint: 'catalogs run at most once a minute: use every: 1m or more',
    });
  return ms;
}

/** `every` as people write it: the largest units first (`1d12h`). */
export function formatEvery(ms: number): string {
  let rest = ms;
  let out = '';
  for (const unit of ['w', 'd', 'h', 'm', 's', 'ms']) {
    const size = UNITS[unit] as number;
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out || '0ms';
}

/** Checks a cron pattern (5 fields, or 6 with seconds); a usage error naming `where` otherwise. */
export function checkCron(pattern: string, where = 'cron'): string {
  try {
    CronExpressionParser.parse(pattern, { strict: false });
  } catch (error) {
    throw new UsageError(
      `${where}: "${pattern}" is not a cron pattern: ${(error as Error).message}`,
      {
        hint: 'five fields: minute hour day-of-month month day-of-week, e.g. cron: "0 3 * * *"',
      },
    );
  }
  return pattern;
}

/** The schedule of `every` and `cron` as written (one of them at most; both absent: none). */
export function scheduleOf(
  written: { every?: string; cron?: string },
  where = 'schedule',
): Schedule {
  if (written.every !== undefined && written.cron !== undefined)
    throw new UsageError(`${where}: give "every" or "cron", not both`);
  if (written.every !== undefined) return { everyMs: parseEvery(written.every, `${where}: every`) };
  if (written.cron !== undefined) return { cron: checkCron(written.cron, `${where}: cron`) };
  return {};
}

/**
 * When a catalog runs next: with `every`, that long after its last run started (now when it
 * never ran or is overdue); with `cron`, the pattern's next time after now. Undefined without a
 * schedule.
 */
export function nextRunAt(
  schedule: Schedule,
  lastStart: Date | undefined,
  now: Date,
): Date | undefined {
  if (schedule.everyMs !== undefined) {
    if (!lastStart) return now;
    const due = lastStart.getTime() + schedule.everyMs;
    return new Date(Math.max(due, now.getTime()));
  }
  if (schedule.cron !== undefined)
    return CronExpressionParser.parse(schedule.cron, { currentDate: now }).next().toDate();
  return undefined;
}
