// **classes** a class and its subclasses in a data graph's store, computed once per store.
import type { Term } from '@rdfjs/types';
import type { Store } from 'n3';
import { RDFS } from '../../vocab.js';
import { termKey } from './internals.js';

/** Per data graph: a class's key → the class and its subclasses (keys and terms). */
const subclasses = new WeakMap<Store, Map<string, { keys: Set<string>; terms: Term[] }>>();

/** A class and its subclasses in the data graph (cycles are broken before validation). */
export function classesOf(store: Store, cls: Term): { keys: Set<string>; terms: Term[] } {
  let perStore = subclasses.get(store);
  if (!perStore) {
    perStore = new Map();
    subclasses.set(store, perStore);
  }
  const key = termKey(cls);
  let found = perStore.get(key);
  if (!found) {
    found = { keys: new Set([key]), terms: [cls] };
    for (let i = 0; i < found.terms.length; i++) {
      for (const sub of store.getSubjects(RDFS.subClassOf, found.terms[i] as Term, null)) {
        const k = termKey(sub);
        if (!found.keys.has(k)) {
          found.keys.add(k);
          found.terms.push(sub);
        }
      }
    }
    perStore.set(key, found);
  }
  return found;
}
