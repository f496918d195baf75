// **format-codes** reads a distribution's format values (dct:format, dcat:mediaType) as EU codes.
import type { Term } from '@rdfjs/types';
import { DCAT, DCT } from '../../vocab.js';
import { resolveFormat, type ResolvedFormat } from '../data/file-types.js';
import type { NodeView } from '../types.js';
import { meaningful, show } from './presence.js';

/** One format value and what it resolves to. */
export interface FormatValue {
  term: Term;
  property: 'dct:format' | 'dcat:mediaType';
  resolved: ResolvedFormat;
}

/** The value of a format term: an IRI, a literal, or a node with an rdf:value/label. */
function valueOf(node: NodeView, term: Term): string {
  if (term.termType !== 'BlankNode') return term.value;
  const inner = node.node(term);
  for (const p of [
    'http://www.w3.org/1999/02/22-rdf-syntax-ns#value',
    'http://www.w3.org/2000/01/rdf-schema#label',
  ]) {
    const v = inner.values(p)[0];
    if (v) return v.value;
  }
  return '';
}

/** Every format value of a distribution, dct:format first. */
export function formatValues(node: NodeView): FormatValue[] {
  const out: FormatValue[] = [];
  for (const [predicate, property] of [
    [DCT.format, 'dct:format'],
    [DCAT.mediaType, 'dcat:mediaType'],
  ] as const) {
    for (const term of node.values(predicate).filter(meaningful)) {
      out.push({ term, property, resolved: resolveFormat(valueOf(node, term)) });
    }
  }
  return out;
}

/** Describes a value and its resolution: `dct:format "csv" (EU file type CSV)`. */
export function describeFormat(value: FormatValue): string {
  const code = value.resolved.code;
  return `${value.property} ${show(value.term)}${code ? ` (EU file type ${code})` : ''}`;
}
