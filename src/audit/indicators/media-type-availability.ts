// **media-type-availability** is the MQA indicator "Media type": dcat:mediaType present on the distribution (10 points, interoperability).
import { DCAT } from '../../vocab.js';
import { presence } from './presence.js';

export const mediaTypeAvailability = presence({
  id: 'mediaTypeAvailability',
  label: 'Media type',
  dimension: 'interoperability',
  points: 10,
  level: 'distribution',
  predicate: DCAT.mediaType,
  property: 'dcat:mediaType',
});
