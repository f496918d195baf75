// JsonSpool: values on disk come back in order, many times, across read boundaries; cleaned up.
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonSpool } from '../../src/shacl/spool.js';

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
