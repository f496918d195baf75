// **spatial-availability** is the MQA indicator "Geo search": dct:spatial present on the dataset (20 points, findability).
import { DCT } from '../../vocab.js';
import { presence } from './presence.js';

export const spatialAvailability = presence({
  id: 'spatialAvailability',
  label: 'Geo search',
  dimension: 'findability',
  points: 20,
  level: 'dataset',
  predicate: DCT.spatial,
  property: 'dct:spatial',
});
