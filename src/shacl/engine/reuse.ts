// **reuse** keeps the engine from making the same terms again and again: namespace terms made
// once, and one term object per entity of a data graph's store.
import type { Term } from '@rdfjs/types';
import type { Store } from 'n3';

/**
 * A namespace builder (`sh.minCount`, `sh('minCount')`) that returns the same term for the same
 * name: @rdfjs/namespace makes a new NamedNode on every property read, and the engine reads
 * `sh.PropertyConstraintComponent` and its parameters for every constraint of every focus node
 * (a twentieth of a validation's allocations).
 */
export function cachedNamespace<T extends object>(builder: T): T {
  const terms = new Map<string | symbol, unknown>();
  return new Proxy(builder, {
    get(target, name) {
      let term = terms.get(name);
      if (term === undefined) {
        term = Reflect.get(target, name) as unknown;
        terms.set(name, term);
      }
      return term;
    },
  });
}

/** What we use of the N3 store's internals: it keeps entities as strings, terms made per read. */
interface StoreInternals {
  _termFromId(id: string): Term;
}

const cached = new WeakSet<Store>();

/**
 * Makes a data graph's store return one term object per entity instead of a new one for every
 * match (`getObjects`, `getSubjects`, `match`): every value node the shapes read was a new term,
 * the largest share of a validation's allocations. Terms are immutable, so sharing them is safe.
 */
export function reuseTerms(store: Store): void {
  if (cached.has(store)) return;
  cached.add(store);
  const internals = store as unknown as StoreInternals;
  const make = internals._termFromId.bind(store);
  const terms = new Map<string, Term>();
  internals._termFromId = (id) => {
    let term = terms.get(id);
    if (term === undefined) {
      term = make(id);
      terms.set(id, term);
    }
    return term;
  };
}
