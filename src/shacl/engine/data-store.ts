// **data-store** builds the N3 store a data graph is validated in, its entity ids counted from
// 2^20. N3 keys each layer of its three indexes by entity ids, in plain objects; V8 gives an object
// whose integer keys stay under about 1,000 an array as long as its largest key, so in a record's
// store (ids 1 to a few hundred) every (subject, predicate) layer was an array of hundreds of
// slots holding one or two objects: a quarter of a validation thread's allocation and the largest
// share of its garbage collection. Keys from 2^20 on are kept in a dictionary of their few entries
// instead. The same quads, their ids in the same order, and integer keys enumerate in ascending
// order either way: the engine reads the same nodes in the same order (bench/README.md, `## run`,
// stop 23).
import type { Quad } from '@rdfjs/types';
import * as n3 from 'n3';

/** The first entity id of a data graph's store, less one (below `store-reads`' key limit). */
export const FIRST_ID = 2 ** 20;

/** What we use of N3's entity index (n3 2.x, not in its types): the last id it gave. */
interface EntityIndex {
  _id: number;
}
const EntityIndexClass = (n3 as unknown as { EntityIndex?: new () => Partial<EntityIndex> })
  .EntityIndex;

/** An N3 store of `quads` whose entity ids start above {@link FIRST_ID}. */
export function dataStore(quads: readonly Quad[]): n3.Store {
  const entities = EntityIndexClass ? new EntityIndexClass() : undefined;
  // Another n3 (no such index or field): its own ids, the same results, only slower.
  if (!entities || typeof entities._id !== 'number') return new n3.Store(quads as Quad[]);
  entities._id = FIRST_ID;
  return new n3.Store(quads as Quad[], { entityIndex: entities } as n3.StoreOptions);
}
