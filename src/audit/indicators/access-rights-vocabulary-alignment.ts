// **access-rights-vocabulary-alignment** is the MQA indicator "access restrictions vocabulary" (5 points).
import type { Term } from '@rdfjs/types';
import { DCT } from '../../vocab.js';
import { accessRightCode } from '../data/access-rights.js';
import { PV } from '../dimensions.js';
import type { Indicator } from '../types.js';
import { show } from './presence.js';

/** Passes when dct:accessRights is an entry of the EU access-right table. */
export const accessRightsVocabularyAlignment: Indicator = {
  id: 'accessRightsVocabularyAlignment',
  label: 'Access restrictions vocabulary',
  dimension: 'reusability',
  points: 5,
  level: 'dataset',
  metric: PV + 'accessRightsVocabularyAlignment',
  property: 'dct:accessRights',
  fix: 'use an EU access-right IRI for dct:accessRights of',
  dependsOn: 'accessRightsAvailability',
  measure(node) {
    const values = node.values(DCT.accessRights);
    if (values.length === 0)
      return { pass: false, measured: true, why: 'dct:accessRights missing' };
    for (const term of values) {
      const code = accessRightCode(term.value);
      if (code)
        return { pass: true, measured: true, why: `dct:accessRights is EU access right ${code}` };
    }
    return {
      pass: false,
      measured: true,
      why: `dct:accessRights ${show(values[0] as Term)} is not in the EU access-right table`,
    };
  },
};
