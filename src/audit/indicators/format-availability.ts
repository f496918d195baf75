// **format-availability** is the MQA indicator "Format": dct:format present on the distribution (20 points, interoperability).
import { DCT } from '../../vocab.js';
import { presence } from './presence.js';

export const formatAvailability = presence({
  id: 'formatAvailability',
  label: 'Format',
  dimension: 'interoperability',
  points: 20,
  level: 'distribution',
  predicate: DCT.format,
  property: 'dct:format',
});
