// **publisher** names a dataset's publisher (dct:publisher → foaf:name, skos:prefLabel or vcard:fn).
import { DCT, FOAF, PREFIXES } from '../vocab.js';
import type { NodeView } from './types.js';

/** A publisher as reports group by it. */
export interface PublisherRef {
  /** The publisher node (IRI), or its name for a blank node. */
  id: string;
  name: string;
}

const NAME_PREDICATES = [
  FOAF.name,
  PREFIXES.skos + 'prefLabel',
  PREFIXES.vcard + 'fn',
  PREFIXES.rdfs + 'label',
];

/** Returns the dataset's first publisher, or undefined when it has none. */
export function publisherOf(dataset: NodeView): PublisherRef | undefined {
  const term = dataset.values(DCT.publisher)[0];
  if (!term) return undefined;
  if (term.termType === 'Literal') return { id: term.value, name: term.value };
  const node = dataset.node(term);
  let name: string | undefined;
  for (const predicate of NAME_PREDICATES) {
    const values = node.values(predicate);
    const best = values.find(
      (v) => 'language' in v && (v.language === 'fr' || v.language === 'en'),
    );
    name = (best ?? values[0])?.value;
    if (name) break;
  }
  const id = term.termType === 'BlankNode' ? (name ?? node.id) : term.value;
  return { id, name: name ?? id };
}
