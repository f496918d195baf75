// **rights-availability** is the MQA indicator "Rights": dct:rights present on the distribution (5 points, contextuality).
import { DCT } from '../../vocab.js';
import { presence } from './presence.js';

export const rightsAvailability = presence({
  id: 'rightsAvailability',
  label: 'Rights',
  dimension: 'contextuality',
  points: 5,
  level: 'distribution',
  predicate: DCT.rights,
  property: 'dct:rights',
});
