// **known-licence** is the MQA indicator "known licence" (10 points, per distribution).
import type { Term } from '@rdfjs/types';
import { DCT, PREFIXES } from '../../vocab.js';
import { findLicence } from '../data/licences.js';
import { PV } from '../dimensions.js';
import type { Indicator, NodeView } from '../types.js';
import { show } from './presence.js';

const EXACT_MATCH = PREFIXES.skos + 'exactMatch';

/** Finds the known licence a licence value names, directly or via skos:exactMatch. */
function known(node: NodeView, term: Term): { label: string; via?: string } | undefined {
  const direct = findLicence(term.value.trim());
  if (direct) return { label: direct.label };
  if (term.termType === 'Literal') return undefined;
  for (const match of node.node(term).values(EXACT_MATCH)) {
    const hit = findLicence(match.value);
    if (hit) return { label: hit.label, via: match.value };
  }
  return undefined;
}

/** Passes when a dct:license value is in the EU licence vocabulary or a known portal licence. */
export const knownLicence: Indicator = {
  id: 'knownLicence',
  label: 'Known licence',
  dimension: 'reusability',
  points: 10,
  level: 'distribution',
  metric: PV + 'knownLicence',
  property: 'dct:license',
  fix: 'use a licence from the EU licence vocabulary (or skos:exactMatch one) for',
  dependsOn: 'licenceAvailability',
  measure(node) {
    const values = node.values(DCT.license);
    if (values.length === 0) return { pass: false, measured: true, why: 'dct:license missing' };
    for (const term of values) {
      const hit = known(node, term);
      if (hit) {
        const via = hit.via ? ` via skos:exactMatch <${hit.via}>` : '';
        return {
          pass: true,
          measured: true,
          why: `dct:license ${show(term)} is ${hit.label}${via}`,
        };
      }
    }
    return {
      pass: false,
      measured: true,
      why: `dct:license ${show(values[0] as Term)} is not a known licence`,
    };
  },
};
