import { describe, expect, it } from 'vitest';
import { parseRating, rateScore } from '../../src/audit/rating.js';

describe('rateScore', () => {
  it.each([
    [0, 'bad'],
    [119, 'bad'],
    [120, 'sufficient'],
    [220, 'sufficient'],
    [221, 'good'],
    [350, 'good'],
    [351, 'excellent'],
    [405, 'excellent'],
  ])('rates %i as %s (the code: Sufficient from 120)', (score, rating) => {
    expect(rateScore(score)).toBe(rating);
  });

  it('parses rating names case-insensitively', () => {
    expect(parseRating('Good')).toBe('good');
    expect(parseRating('great')).toBeUndefined();
  });
});
