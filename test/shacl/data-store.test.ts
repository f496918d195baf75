// dataStore: the store a data graph is validated in holds the same quads as a plain N3 store, its
// entity ids above FIRST_ID, and its reads give the same terms in the same order.
import { DataFactory, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { dataStore, FIRST_ID } from '../../src/shacl/engine/data-store.js';
import { objectsOf, subjectsOf } from '../../src/shacl/engine/store-reads.js';

const { namedNode, literal, blankNode, quad } = DataFactory;
const ex = (s: string) => namedNode(`http://example.org/${s}`);

/** A dataset with a few hundred values, as a record with its distributions. */
function record() {
  const quads = [];
  for (let i = 0; i < 300; i++) {
    const d = i % 3 === 0 ? blankNode(`d${i}`) : ex(`dist/${i}`);
    quads.push(quad(ex('ds'), ex('distribution'), d));
    quads.push(quad(d, ex('title'), literal(`Distribution ${i}`, 'fr')));
    quads.push(quad(d, ex('format'), ex(`format/${i % 7}`)));
  }
  return quads;
}

describe('dataStore', () => {
  it('numbers its entities from FIRST_ID on', () => {
    const store = dataStore(record());
    const ids = (store as unknown as { _termToNumericId(t: unknown): number })._termToNumericId;
    expect(ids(ex('ds'))).toBeGreaterThan(FIRST_ID);
    expect(ids(ex('format/6'))).toBeGreaterThan(FIRST_ID);
    expect(ids(literal('Distribution 299', 'fr'))).toBeGreaterThan(FIRST_ID);
  });

  it('holds and reads what a plain store holds, in the same order', () => {
    const quads = record();
    const ours = dataStore(quads);
    const plain = new Store(quads);
    expect(ours.size).toBe(900);
    expect(ours.getQuads(null, null, null, null)).toEqual(plain.getQuads(null, null, null, null));
    expect(objectsOf(ours, ex('ds'), ex('distribution')).map((t) => t.value)).toEqual(
      objectsOf(plain, ex('ds'), ex('distribution')).map((t) => t.value),
    );
    expect(subjectsOf(ours, ex('format'), ex('format/3')).map((t) => t.value)).toEqual(
      subjectsOf(plain, ex('format'), ex('format/3')).map((t) => t.value),
    );
    expect(subjectsOf(ours, ex('format'), ex('format/3'))).toHaveLength(43);
  });
});
