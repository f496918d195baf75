// GroupCounts: every result's counts per group in one typed array, past its first sizes, replaced in place.
import { describe, expect, it } from 'vitest';
import { GroupCounts } from '../../src/run/group-counts.js';
import type { Tally } from '../../src/shacl/summary.js';

/** A tally of `[group key, findings]`; a key starts with its severity, as a summary's do. */
function tally(groups: [string, number][]): Tally {
  return {
    conforms: !groups.some(([key, n]) => n > 0 && key.startsWith('violation')),
    each(each) {
      for (const [key, n] of groups)
        for (let i = 0; i < n; i++)
          each(key, key.split('\u0000', 1)[0] as 'violation', () => {
            throw new Error('no finding');
          });
    },
  };
}

function counted(t: Tally): Record<string, number> {
  const out: Record<string, number> = {};
  t.each((key) => (out[key] = (out[key] ?? 0) + 1));
  return out;
}

describe('GroupCounts', () => {
  const a = 'violation\u0000minCount';
  const b = 'warning\u0000pattern';
  // 20,000 results of three groups each: past the first 4,096 positions and 65,536 words.
  const count = 20_000;
  const groups = new GroupCounts();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    groups.set(
      i,
      tally([
        [a, (i % 3) + 1],
        [b, i % 2],
        [`info\u0000g${i % 7}`, 1],
      ]),
    );
    ids.push(`https://example.org/d/${i % 10_000}`);
  }

  it('gives each result back its counts and conformance', () => {
    for (const i of [0, 1, 4095, 4096, 19_999]) {
      const t = groups.tally(i);
      expect(t.conforms).toBe(false);
      expect(counted(t)).toEqual({
        [a]: (i % 3) + 1,
        ...(i % 2 ? { [b]: 1 } : {}),
        [`info\u0000g${i % 7}`]: 1,
      });
    }
    expect(counted(groups.tally(count + 5))).toEqual({});
    expect(groups.tally(count + 5).conforms).toBe(true);
  });

  it('replaces a result in place and finds the positions of a group', () => {
    groups.set(7, tally([[b, 4]]));
    expect(counted(groups.tally(7))).toEqual({ [b]: 4 });
    expect(groups.tally(7).conforms).toBe(true);
    expect(counted(groups.tally(8))).toEqual({ [a]: 3, [`info\u0000g1`]: 1 });
    const withA = groups.positionsOf(a);
    expect(withA).toHaveLength(count - 1);
    expect(withA).not.toContain(7);
    expect(groups.positionsOf(`info\u0000g3`)).toEqual(
      Array.from({ length: count }, (_, i) => i).filter((i) => i % 7 === 3 && i !== 7),
    );
    expect(groups.positionsOf('violation\u0000never')).toEqual([]);
  });

  it('sums a record over the positions that carry its id', () => {
    const of = groups.byRecord(ids)('https://example.org/d/3');
    // positions 3 and 10,003: a = 1 + 2, b = 1 + 1, info g3 and g0
    expect(Object.fromEntries(of)).toEqual({
      [a]: 3,
      [b]: 2,
      'info\u0000g3': 1,
      'info\u0000g0': 1,
    });
  });
});
