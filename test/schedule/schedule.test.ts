// Schedules: `every` durations, cron patterns, the next run, and the in-process timers on a fake clock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkCron,
  formatEvery,
  nextRunAt,
  parseEvery,
  scheduleOf,
} from '../../src/schedule/schedule.js';
import { timerScheduler } from '../../src/schedule/timers.js';

describe('A schedule', () => {
  it('reads every as amounts with units, and writes it back', () => {
    expect(parseEvery('24h')).toBe(86_400_000);
    expect(parseEvery('1h30m')).toBe(5_400_000);
    expect(parseEvery('1w')).toBe(604_800_000);
    expect(formatEvery(5_400_000)).toBe('1h30m');
    expect(formatEvery(86_400_000)).toBe('1d');
  });

  it('refuses what is not a duration, or shorter than a minute, saying what to write', () => {
    expect(() => parseEvery('daily', 'catalogs.yaml:3:5: every')).toThrow(
      'catalogs.yaml:3:5: every: "daily" is not a duration',
    );
    expect(() => parseEvery('30s')).toThrow(/shorter than a minute/);
    expect(() => parseEvery('0h')).toThrow(/not a duration/);
  });

  it('checks cron patterns', () => {
    expect(checkCron('0 3 * * *')).toBe('0 3 * * *');
    expect(() => checkCron('61 * * * *', 'x: cron')).toThrow(
      /^x: cron: "61 \* \* \* \*" is not a cron pattern/,
    );
    expect(() => scheduleOf({ every: '1h', cron: '* * * * *' })).toThrow(/not both/);
    expect(scheduleOf({})).toEqual({});
  });

  it('says when a catalog runs next', () => {
    const now = new Date('2026-12-04T10:00:00Z');
    const every = { everyMs: 3_600_000 };
    expect(nextRunAt(every, undefined, now)).toEqual(now);
    expect(nextRunAt(every, new Date('2026-12-04T09:30:00Z'), now)).toEqual(
      new Date('2026-12-04T10:30:00Z'),
    );
    expect(nextRunAt(every, new Date('2026-12-01T00:00:00Z'), now)).toEqual(now);
    const cron = nextRunAt({ cron: '15 * * * *' }, undefined, now);
    expect(cron?.getUTCMinutes()).toBe(15);
    expect(cron && cron > now).toBe(true);
    expect(nextRunAt({}, undefined, now)).toBeUndefined();
  });
});

describe('The in-process timers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fire a catalog when due, then every interval from its start', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-04T10:00:00Z') });
    const due: string[] = [];
    const scheduler = timerScheduler({ due: (c) => due.push(c) });
    await scheduler.set('a', { everyMs: 60_000 }, new Date('2026-12-04T09:59:30Z'));
    await scheduler.set('b', {});
    expect(await scheduler.next('a')).toEqual(new Date('2026-12-04T10:00:30Z'));
    expect(await scheduler.next('b')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(due).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(due).toEqual(['a']);
    await scheduler.ran('a');
    expect(await scheduler.next('a')).toEqual(new Date('2026-12-04T10:01:30Z'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(due).toEqual(['a', 'a']);
    await scheduler.remove('a');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(due).toEqual(['a', 'a']);
    await scheduler.close();
  });

  it('fire a cron catalog once per time, and wait past Node’s longest timer', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-04T10:00:00Z') });
    const due: string[] = [];
    const scheduler = timerScheduler({ due: (c) => due.push(c) });
    await scheduler.set('c', { cron: '*/10 * * * *' });
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(due).toEqual(['c', 'c', 'c']);
    await scheduler.set('yearly', { cron: '0 0 1 6 *' });
    await vi.advanceTimersByTimeAsync(30 * 86_400_000);
    expect(due.filter((c) => c === 'yearly')).toEqual([]);
    await scheduler.close();
  });
});
