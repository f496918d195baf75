// **byte-size-availability** is the MQA indicator "File size": dcat:byteSize present on the distribution (5 points, contextuality).
import { DCAT } from '../../vocab.js';
import { presence } from './presence.js';

export const byteSizeAvailability = presence({
  id: 'byteSizeAvailability',
  label: 'File size',
  dimension: 'contextuality',
  points: 5,
  level: 'distribution',
  predicate: DCAT.byteSize,
  property: 'dcat:byteSize',
});
