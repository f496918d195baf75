// **publisher-availability** is the MQA indicator "Publisher": dct:publisher present on the dataset (10 points, reusability).
import { DCT } from '../../vocab.js';
import { presence } from './presence.js';

export const publisherAvailability = presence({
  id: 'publisherAvailability',
  label: 'Publisher',
  dimension: 'reusability',
  points: 10,
  level: 'dataset',
  predicate: DCT.publisher,
  property: 'dct:publisher',
});
