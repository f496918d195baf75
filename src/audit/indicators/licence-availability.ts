// **licence-availability** is the MQA indicator "Licence": dct:license present on the distribution (20 points, reusability).
import { DCT } from '../../vocab.js';
import { presence } from './presence.js';

export const licenceAvailability = {
  ...presence({
    id: 'licenceAvailability',
    label: 'Licence',
    dimension: 'reusability',
    points: 20,
    level: 'distribution',
    predicate: DCT.license,
    property: 'dct:license',
  }),
  fixWithDependents: 'add a known dct:license (EU licence vocabulary)',
};
