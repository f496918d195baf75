// **store-reads** reads one step of a path in an N3 store without the garbage of its public
// reads: the values of `(s, p, ?)` and the subjects of `(?, p, o)` over all graphs.
import type { Term } from '@rdfjs/types';
import type { Store } from 'n3';

type Index = Record<string, Record<string, Record<string, null> | undefined> | undefined>;

/** What we read of the N3 store's internals (n3 2.x): ids, entities and the three indexes. */
interface StoreInternals {
  _graphs: Record<string, { subjects: Index; predicates: Index } | undefined>;
  _entities: Record<string, string>;
  _termToNumericId(term: Term | string): number | undefined;
  _termFromId(id: string): Term;
}

/** Whether the store has the internals this module reads (else: the public reads). */
function internalsOf(store: Store): StoreInternals | undefined {
  const s = store as unknown as Partial<StoreInternals>;
  return typeof s._graphs === 'object' &&
    typeof s._entities === 'object' &&
    typeof s._termToNumericId === 'function' &&
    typeof s._termFromId === 'function'
    ? (s as StoreInternals)
    : undefined;
}

/** Reads `index[k0][k1]` once per store (see {@link readIndex}). */
function read(s: StoreInternals, which: 'subjects' | 'predicates', k0: number, k1: number): Term[] {
  // The same read comes again for each shape on the same path (each level has its shapes).
  const key =
    k0 < KEY_LIMIT && k1 < KEY_LIMIT ? (k0 * KEY_LIMIT + k1) * 2 + +(which === 'subjects') : -1;
  let memo = memos.get(s);
  if (!memo) {
    memo = new Map();
    memos.set(s, memo);
  }
  let found = memo.get(key);
  if (found === undefined) {
    found = readIndex(s, which, k0, k1);
    if (key >= 0) memo.set(key, found);
  }
  return found;
}

/**
 * Ids under this bound make a composite key that a double holds exactly (2 × 2^50); a data graph's
 * ids start at 2^20 (see `data-store`).
 */
const KEY_LIMIT = 2 ** 25;

/** Reads made in each store: a validation's data graph does not change while it is read. */
const memos = new WeakMap<StoreInternals, Map<number, Term[]>>();

/**
 * The third keys of `index[k0][k1]` over all graphs, as terms, each once, in N3's order. N3's
 * `getObjects` gives the same terms, but makes a dictionary object and a closure per call, and a
 * new term per value (about 5 KB and 2 µs a call; a validation makes millions).
 */
function readIndex(
  s: StoreInternals,
  which: 'subjects' | 'predicates',
  k0: number,
  k1: number,
): Term[] {
  const found: Term[] = [];
  let first: Record<string, null> | undefined;
  let several = false;
  for (const g in s._graphs) {
    const keys = s._graphs[g]?.[which][k0]?.[k1];
    if (!keys) continue;
    if (first) {
      several = true;
      break;
    }
    first = keys;
  }
  if (!first) return found;
  if (!several) {
    for (const id in first) found.push(s._termFromId(s._entities[id] as string));
    return found;
  }
  const ids = new Set<string>(); // a value stated in several graphs counts once
  for (const g in s._graphs) {
    const keys = s._graphs[g]?.[which][k0]?.[k1];
    if (!keys) continue;
    for (const id in keys) {
      if (ids.has(id)) continue;
      ids.add(id);
      found.push(s._termFromId(s._entities[id] as string));
    }
  }
  return found;
}

/**
 * The objects of `(subject, predicate, ?)` in every graph of the store, each once. For stores that
 * do not change once read (a validation's data graph): reads are remembered; never change the
 * array returned.
 */
export function objectsOf(store: Store, subject: Term, predicate: Term | string): Term[] {
  const s = internalsOf(store);
  if (!s) return store.getObjects(subject, predicate, null);
  const sId = s._termToNumericId(subject);
  const pId = sId && s._termToNumericId(predicate);
  return sId && pId ? read(s, 'subjects', sId, pId) : [];
}

/** The subjects of `(?, predicate, object)` in every graph of the store, each once (see {@link objectsOf}). */
export function subjectsOf(store: Store, predicate: Term | string, object: Term): Term[] {
  const s = internalsOf(store);
  if (!s) return store.getSubjects(predicate, object, null);
  const pId = s._termToNumericId(predicate);
  const oId = pId && s._termToNumericId(object);
  return pId && oId ? read(s, 'predicates', pId, oId) : [];
}
