import { describe, expect, it } from 'vitest';
import { KeySet } from '../../src/key-set.js';
import { DatasetTally } from '../../src/fetch/tally.js';

describe('KeySet', () => {
  it('holds 200,000 distinct keys, finds each and no other', () => {
    const keys = new KeySet();
    for (let i = 0; i < 200_000; i++) expect(keys.add(`http://d/${i}`)).toBe(true);
    expect(keys.size).toBe(200_000);
    expect(keys.add('http://d/123456')).toBe(false);
    expect(keys.has('http://d/0')).toBe(true);
    expect(keys.has('http://d/199999')).toBe(true);
    let strangers = 0;
    for (let i = 200_000; i < 300_000; i++) if (keys.has(`http://d/${i}`)) strangers++;
    expect(strangers).toBe(0);
    expect(keys.size).toBe(200_000);
  });

  it('tells apart keys that differ in one character or in case', () => {
    const keys = new KeySet();
    keys.add('Données');
    expect(keys.has('Donnees')).toBe(false);
    expect(keys.has('données')).toBe(false);
    expect(keys.has('Données')).toBe(true);
    expect(keys.has('')).toBe(false);
    keys.add('');
    expect(keys.has('')).toBe(true);
  });
});

describe('DatasetTally', () => {
  it('counts a dataset seen again by IRI or by identifier as a duplicate', () => {
    const tally = new DatasetTally();
    tally.add([
      { iri: 'http://d/1', identifier: 'a' },
      { iri: 'http://d/2', identifier: 'b' },
      { iri: 'http://d/3' },
    ]);
    tally.add([
      { iri: 'http://d/1', identifier: 'a' },
      { iri: 'http://d/4', identifier: 'b' },
      { iri: 'http://d/3', identifier: 'c' },
      { iri: 'http://d/5', identifier: 'e' },
    ]);
    expect(tally.seen).toBe(7);
    expect(tally.duplicates).toBe(3);
    expect(tally.unique).toBe(4);
    expect(tally.sample).toEqual(['http://d/1', 'http://d/4', 'http://d/3']);
  });
});
