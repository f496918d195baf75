// **temporal-availability** is the MQA indicator "Time-based search": dct:temporal present on the dataset (20 points, findability).
import { DCT } from '../../vocab.js';
import { presence } from './presence.js';

export const temporalAvailability = presence({
  id: 'temporalAvailability',
  label: 'Time-based search',
  dimension: 'findability',
  points: 20,
  level: 'dataset',
  predicate: DCT.temporal,
  property: 'dct:temporal',
});
