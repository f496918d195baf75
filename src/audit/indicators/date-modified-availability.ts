// **date-modified-availability** is the MQA indicator "Modification date": dct:modified on the distribution, the dataset as fallback (5 points).
import { DCT } from '../../vocab.js';
import { presence } from './presence.js';

export const dateModifiedAvailability = {
  ...presence({
    id: 'dateModifiedAvailability',
    label: 'Modification date',
    dimension: 'contextuality',
    points: 5,
    level: 'distribution',
    predicate: DCT.modified,
    property: 'dct:modified',
  }),
  datasetFallback: true,
};
