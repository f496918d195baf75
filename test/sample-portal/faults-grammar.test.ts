// The --faults grammar: rates, pages, attempts, parameters and clear errors.
import { describe, expect, it } from 'vitest';
import { hits, pagesHit, parseFaults } from '../../src/sample-portal/faults.js';

describe('parseFaults', () => {
  it('parses the documented example', () => {
    const spec = parseFaults(
      '5xx=0.05,429=0.02,reset=p7,truncate=p9,drip=p3,malformed=p4,loop,cross-origin,oversized=p5,gzip,br,redirects=3,latency=100+2/page',
    );
    expect(spec['5xx']).toEqual({ rate: 0.05, times: 1 });
    expect(spec.reset).toEqual({ pages: [[7, 7]], times: 1 });
    expect(spec.drip).toEqual({ pages: [[3, 3]], times: Infinity });
    expect(spec.loop).toEqual({ pages: [[2, 2]], times: Infinity });
    expect(spec.crossOrigin).toEqual({ pages: [[1, 1]], times: Infinity });
    expect(spec.gzip).toBe(true);
    expect(spec.br).toBe(true);
    expect(spec.redirects).toBe(3);
    expect(spec.latency).toEqual({ base: 100, perPage: 2 });
  });

  it('parses page ranges, unions and attempt counts', () => {
    expect(parseFaults('5xx=p2-4+p9x3')['5xx']).toEqual({
      pages: [
        [2, 4],
        [9, 9],
      ],
      times: 3,
    });
    expect(parseFaults('reset=p1x*').reset).toEqual({ pages: [[1, 1]], times: Infinity });
    expect(parseFaults('malformed=p4x1').malformed).toEqual({ pages: [[4, 4]], times: 1 });
    expect(parseFaults('retry-after=2,drip-interval=10,oversized-mb=3')).toEqual({
      retryAfter: 2,
      dripInterval: 10,
      oversizedBytes: 3 * 1024 * 1024,
    });
  });

  it('parses drift: page 2 by default, every attempt', () => {
    expect(parseFaults('drift').drift).toEqual({ pages: [[2, 2]], times: Infinity });
    expect(parseFaults('drift=p3+p5').drift).toEqual({
      pages: [
        [3, 3],
        [5, 5],
      ],
      times: Infinity,
    });
  });

  it('rejects unknown faults, bad rates and bad values with a message naming them', () => {
    expect(() => parseFaults('boom')).toThrow(/unknown fault "boom"/);
    expect(() => parseFaults('5xx=2')).toThrow(/between 0 and 1/);
    expect(() => parseFaults('reset=page7')).toThrow(/reset=page7/);
    expect(() => parseFaults('5xx')).toThrow(/needs a rate/);
    expect(() => parseFaults('latency=fast')).toThrow(/latency=fast/);
  });
});

describe('hits', () => {
  it('hits the first N attempts of the chosen pages only', () => {
    const rule = { pages: [[3, 3]] as [number, number][], times: 2 };
    expect([1, 2, 3].map((a) => hits(1, 'reset', rule, 3, a))).toEqual([true, true, false]);
    expect(hits(1, 'reset', rule, 4, 1)).toBe(false);
  });

  it('picks about the given share of pages, the same ones for the same seed', () => {
    const rule = { rate: 0.1, times: 1 };
    const a = pagesHit(7, '5xx', rule, 1000);
    expect(a.length).toBeGreaterThan(60);
    expect(a.length).toBeLessThan(140);
    expect(pagesHit(7, '5xx', rule, 1000)).toEqual(a);
    expect(pagesHit(8, '5xx', rule, 1000)).not.toEqual(a);
  });
});
