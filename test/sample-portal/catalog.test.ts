// The catalog generator: deterministic, skewed resources, decodable ids, unique base titles.
import { describe, expect, it } from 'vitest';
import {
  baseTitle,
  datasetHeader,
  giantPositions,
  indexOfDatasetId,
  resourceCount,
} from '../../src/sample-portal/catalog.js';
import { defectRates } from '../../src/sample-portal/defects.js';
import { hash, random } from '../../src/sample-portal/prng.js';

const config = (datasets: number, seed = 1) => ({
  datasets,
  seed,
  giants: Math.round(datasets / 15000),
  defectRates: defectRates({}),
});

describe('the seeded generator', () => {
  it('gives the same values for the same seed and different ones for another seed', () => {
    expect(hash(1, 'a', 2)).toBe(hash(1, 'a', 2));
    expect(hash(1, 'a', 2)).not.toBe(hash(2, 'a', 2));
    expect(random(3, 'x').hex(40)).toBe(random(3, 'x').hex(40));
    expect(random(3, 'x').uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('derives a dataset from its index alone', () => {
    const c = config(74200);
    expect(datasetHeader(c, 5000)).toEqual(datasetHeader(c, 5000));
    expect(datasetHeader(config(74200, 2), 5000).id).not.toBe(datasetHeader(c, 5000).id);
  });

  it('averages about 9.3 resources per dataset with a few giants of thousands', () => {
    const c = config(74200);
    let sum = 0;
    for (let i = 0; i < c.datasets; i += 1) sum += resourceCount(c, i);
    expect(sum / c.datasets).toBeGreaterThan(9.1);
    expect(sum / c.datasets).toBeLessThan(9.6);
    const giants = giantPositions(c);
    expect(giants.length).toBe(5);
    expect(giants.map((i) => resourceCount(c, i))).toEqual([8021, 4011, 2674, 2005, 1604]);
  });

  it('lists datasets newest first', () => {
    const c = config(1000);
    for (let i = 1; i < 1000; i += 1)
      expect(datasetHeader(c, i).created).toBeLessThan(datasetHeader(c, i - 1).created);
  });

  it('decodes a dataset ObjectId back to its index and rejects others', () => {
    const c = config(2000);
    expect(indexOfDatasetId(c, datasetHeader(c, 1234).id)).toBe(1234);
    expect(indexOfDatasetId(c, '000000000000000000000000')).toBeUndefined();
    expect(indexOfDatasetId(config(2000, 9), datasetHeader(c, 1234).id)).toBeUndefined();
  });

  it('gives unique base titles, so only planted duplicates repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20000; i += 1) seen.add(baseTitle(1, i));
    expect(seen.size).toBe(20000);
    const c = config(3000);
    const titles = new Map<string, number>();
    for (let i = 0; i < c.datasets; i += 1) {
      const h = datasetHeader(c, i);
      titles.set(h.title, (titles.get(h.title) ?? 0) + 1);
      if (h.defects.includes('duplicate-title'))
        expect(h.title).toBe(baseTitle(1, h.duplicateOf as number));
    }
    const duplicated = [...titles.values()].filter((n) => n > 1).length;
    const planted = Array.from({ length: c.datasets }, (_, i) => datasetHeader(c, i)).filter(
      (h) => h.duplicateOf !== undefined,
    );
    expect(duplicated).toBeGreaterThan(0);
    expect(new Set(planted.map((h) => h.title)).size).toBe(duplicated);
  });
});
