// jsonWithArray: the same bytes as JSON.stringify, in pieces, whatever the indentation.
import { describe, expect, it } from 'vitest';
import { jsonWithArray } from '../../src/report/json-chunks.js';
import { renderChunks } from '../../src/report/renderer.js';
import { jsonRenderer } from '../../src/report/json.js';
import { sarifRenderer } from '../../src/report/sarif.js';
import { textRenderer } from '../../src/report/text.js';
import { sampleRun } from './run-fixture.js';

const items = [
  { a: 1, b: [1, { c: 'x\ny' }] },
  'text "quoted"',
  null,
  [],
  { nested: { deep: [] } },
];
const skeleton = (array: unknown) => ({
  head: { k: [1, 2] },
  runs: [{ list: array, after: true }],
});

describe('jsonWithArray', () => {
  it.each([0, 2, 4])('equals JSON.stringify with space %i', (space) => {
    for (const list of [items, [], [42]]) {
      const pieces = [...jsonWithArray(skeleton, list, space)];
      expect(pieces.join('')).toBe(JSON.stringify(skeleton(list), null, space));
      expect(pieces.length).toBe(list.length + 3);
    }
  });

  it('reads a lazy iterable once, item by item', () => {
    let pulled = 0;
    const lazy = (function* () {
      for (let i = 0; i < 3; i++) {
        pulled++;
        yield { i };
      }
    })();
    const pieces = jsonWithArray((a) => ({ a }), lazy);
    pieces.next();
    expect(pulled).toBe(0);
    expect([...pieces].join('')).toContain('"i": 2');
    expect(pulled).toBe(3);
  });

  it('takes what follows the array after the items when asked (what they gathered)', () => {
    const seen: number[] = [];
    const lazy = (function* () {
      for (const n of [3, 1, 2]) {
        seen.push(n);
        yield n;
      }
    })();
    const doc = (list: unknown) => ({ list, seen: [...seen].sort() });
    const text = [...jsonWithArray(doc, lazy, 2, 'compact', true)].join('');
    expect(JSON.parse(text)).toEqual({ list: [3, 1, 2], seen: [1, 2, 3] });
    // Without it, the document is the one from before the items: nothing seen yet.
    seen.length = 0;
    const early = [...jsonWithArray(doc, [4, 5], 2, 'compact')].join('');
    expect(JSON.parse(early)).toEqual({ list: [4, 5], seen: [] });
  });

  it('refuses a document whose head changed while the items were read', () => {
    let calls = 0;
    const doc = (list: unknown) => ({ head: ++calls, list });
    expect(() => [...jsonWithArray(doc, [1], 0, 'compact', true)]).toThrow(/precedes the array/);
  });
});

describe('renderChunks', () => {
  it('gives the json and sarif reports in pieces, equal to their whole text', () => {
    const run = sampleRun();
    for (const renderer of [jsonRenderer, sarifRenderer]) {
      const pieces = [...renderChunks(renderer, run, { version: '1.2.3' })];
      expect(pieces.length).toBeGreaterThan(3);
      expect(pieces.join('')).toBe(renderer.render(run, { version: '1.2.3' }));
      expect(() => JSON.parse(pieces.join(''))).not.toThrow();
    }
    expect([...renderChunks(textRenderer, run)]).toEqual([textRenderer.render(run)]);
  });
});
