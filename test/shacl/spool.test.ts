// JsonSpool: values on disk come back in order, many times, across read boundaries; cleaned up.
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonSpool } from '../../src/spool.js';

let parent: string;
beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'dh-spool-'));
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('JsonSpool', () => {
  it('gives back every value in order, twice, with non-ASCII text across 1 MB reads', () => {
    const spool = new JsonSpool<{ i: number; text: string }>(parent, 0);
    const values = Array.from({ length: 30_000 }, (_, i) => ({
      i,
      text: `données «${i}» ${'é'.repeat(i % 97)} 🌍\nline`,
    }));
    for (const v of values) spool.add(v);
    expect(spool.length).toBe(30_000);
    expect([...spool]).toEqual(values);
    spool.add({ i: -1, text: 'after a read' });
    const again = [...spool];
    expect(again.length).toBe(30_001);
    expect(again.at(-1)).toEqual({ i: -1, text: 'after a read' });
    spool.close();
    expect(readdirSync(parent)).toEqual([]);
    expect(() => spool.add({ i: 0, text: '' })).toThrow(/after close/);
  });

  it('is empty when nothing was added, and closing twice is harmless', () => {
    const spool = new JsonSpool<number>(parent, 0);
    expect([...spool]).toEqual([]);
    spool.close();
    spool.close();
    expect(existsSync(parent)).toBe(true);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('keeps the first values in memory, then moves them all to disk in order', () => {
    const spool = new JsonSpool<{ i: number }>(parent, 3);
    for (let i = 0; i < 3; i++) spool.add({ i });
    expect(spool.onDisk).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
    expect([...spool].map((v) => v.i)).toEqual([0, 1, 2]);
    spool.add({ i: 3 });
    expect(spool.onDisk).toBe(true);
    expect(readdirSync(parent)).toHaveLength(1);
    expect(spool.length).toBe(4);
    expect([...spool].map((v) => v.i)).toEqual([0, 1, 2, 3]);
    spool.close();
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('JsonSpool.replace', () => {
  it.each([
    ['in memory', 100],
    ['on disk', 0],
  ])('replaces a value for every later read (%s)', (_where, keep) => {
    const spool = new JsonSpool<{ i: number }>(parent, keep);
    for (let i = 0; i < 10; i++) spool.add({ i });
    expect(spool.get(3)).toEqual({ i: 3 });
    spool.replace(3, { i: -3 });
    spool.replace(9, { i: -9 });
    expect([0, 3, 8, 9].map((i) => spool.get(i))).toEqual([
      { i: 0 },
      { i: -3 },
      { i: 8 },
      { i: -9 },
    ]);
    expect(() => spool.get(10)).toThrow(RangeError);
    const expected = Array.from({ length: 10 }, (_, i) => ({ i: i === 3 || i === 9 ? -i : i }));
    expect([...spool]).toEqual(expected);
    expect([...spool]).toEqual(expected);
    expect(spool.length).toBe(10);
    expect(() => spool.replace(10, { i: 0 })).toThrow(RangeError);
    expect(() => spool.replace(-1, { i: 0 })).toThrow(/no value at -1/);
    spool.close();
    expect(() => spool.replace(0, { i: 0 })).toThrow(/after close/);
  });

  it('keeps a replacement on disk, not the object given (thousands are revised at the end of a large run)', () => {
    const spool = new JsonSpool<{ i: number; text: string }>(parent, 0);
    for (let i = 0; i < 5; i++) spool.add({ i, text: 'x' });
    const replacement = { i: 2, text: 'é'.repeat(3000) };
    spool.replace(2, replacement);
    replacement.text = 'changed after the replace';
    spool.replace(4, { i: 4, text: 'first' });
    spool.replace(4, { i: 4, text: 'second' }); // replaced twice: the last one counts
    expect(spool.get(2)).toEqual({ i: 2, text: 'é'.repeat(3000) });
    expect([...spool].map((v) => v.text.slice(0, 6))).toEqual(['x', 'x', 'éééééé', 'x', 'second']);
    expect([...spool.buffers()].map((b) => JSON.parse(b.toString('utf8')).text.length)).toEqual([
      1, 1, 3000, 1, 6,
    ]);
    const dir = readdirSync(parent);
    expect(readdirSync(path.join(parent, dir[0] as string)).sort()).toEqual([
      'replaced.jsonl',
      'values.jsonl',
    ]);
    spool.close();
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('JsonSpool.get', () => {
  it('reads any value back from disk, multi-byte text included, before and after a flush', () => {
    const spool = new JsonSpool<{ i: number; text: string }>(parent, 0);
    const values = Array.from({ length: 5000 }, (_, i) => ({ i, text: 'é🌍'.repeat(i % 300) }));
    for (const v of values) spool.add(v);
    expect(spool.get(4999)).toEqual(values[4999]); // still buffered: flushed on demand
    for (const i of [0, 1, 2500, 4998]) expect(spool.get(i)).toEqual(values[i]);
    spool.close();
  });
});

describe('JsonSpool.texts', () => {
  it('gives each value’s JSON text unparsed, lines longer than a read included, replacements too', () => {
    const spool = new JsonSpool<{ i: number; text: string }>(parent, 0);
    const values = [
      { i: 0, text: 'court' },
      { i: 1, text: 'é'.repeat(1_500_000) }, // 3 MB of UTF-8: longer than the 1 MB read
      { i: 2, text: '«fin» 🌍' },
    ];
    for (const v of values) spool.add(v);
    spool.replace(2, { i: 2, text: 'remplacé' });
    const texts = [...spool.texts()];
    expect(texts).toEqual([
      JSON.stringify(values[0]),
      JSON.stringify(values[1]),
      JSON.stringify({ i: 2, text: 'remplacé' }),
    ]);
    expect([...spool].map((v) => v.text.length)).toEqual([5, 1_500_000, 8]);
    spool.close();
  });
});

describe('JsonSpool pieces', () => {
  it('writes a value given in pieces as the same line as JSON.stringify, read back whole', () => {
    type V = { head: string; items: number[]; tail: string };
    const pieces = function* (v: V) {
      yield `{"head":${JSON.stringify(v.head)},"items":[`;
      for (let i = 0; i < v.items.length; i += 100_000)
        yield (i === 0 ? '' : ',') + v.items.slice(i, i + 100_000).join(',');
      yield `],"tail":${JSON.stringify(v.tail)}}`;
    };
    const spool = new JsonSpool<V>(parent, 0, pieces);
    const big: V = { head: 'é🌍', items: Array.from({ length: 300_000 }, (_, i) => i), tail: '«' };
    const small: V = { head: 'a', items: [1], tail: 'b' };
    spool.add(small);
    spool.add(big); // ≈ 2 MB of text: crosses the 1 MB flush mid-line
    spool.add(small);
    expect([...spool.texts()]).toEqual([small, big, small].map((v) => JSON.stringify(v)));
    expect(spool.get(1)).toEqual(big);
    expect(spool.get(2)).toEqual(small);
    spool.close();
  });
});

describe('JsonSpool.buffers', () => {
  it('gives each value as the UTF-8 bytes of its text, replaced ones included, in memory and on disk', () => {
    for (const keep of [100, 2]) {
      const spool = new JsonSpool<{ n: number; text: string }>(parent, keep);
      const values = [0, 1, 2, 3, 4].map((n) => ({ n, text: `«${'é'.repeat(n * 300_000)}»` }));
      for (const v of values) spool.add(v);
      spool.replace(3, { n: 33, text: '–' });
      const expected = values.map((v) => JSON.stringify(v.n === 3 ? { n: 33, text: '–' } : v));
      expect([...spool.buffers()].map((b) => b.toString('utf8'))).toEqual(expected);
      expect([...spool.texts()]).toEqual(expected);
      spool.close();
    }
  });
});

describe('JsonSpool.replaceText', () => {
  it('replaces a value with its text in pieces on disk, and with the value itself in memory', () => {
    for (const keep of [100, 0]) {
      const spool = new JsonSpool<{ i: number; text?: string }>(parent, keep);
      for (let i = 0; i < 4; i++) spool.add({ i });
      let made = 0;
      const value = () => {
        made++;
        return { i: 1, text: 'ö' };
      };
      spool.replaceText(1, ['{"i":1,', Buffer.from('"text":"ö"}', 'utf8')], value);
      expect(spool.get(1)).toEqual({ i: 1, text: 'ö' });
      expect([...spool.texts()]).toEqual(['{"i":0}', '{"i":1,"text":"ö"}', '{"i":2}', '{"i":3}']);
      expect(made).toBe(keep > 0 ? 1 : 0); // on disk the value is never made
      spool.close();
    }
  });
});
