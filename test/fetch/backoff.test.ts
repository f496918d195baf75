import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../src/fetch/backoff.js';

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt and keeps at least half of it', () => {
    expect(backoffDelay(1, { baseMs: 100, random: () => 0 })).toBe(50);
    expect(backoffDelay(3, { baseMs: 100, random: () => 0.999999 })).toBe(400);
  });
  it('never exceeds the maximum', () => {
    expect(backoffDelay(30, { baseMs: 100, maxMs: 1000, random: () => 0.999999 })).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta seconds', () => expect(parseRetryAfter('7')).toBe(7000));
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('ignores garbage', () => expect(parseRetryAfter('soon')).toBeUndefined());
});
