// **download-url-availability** is the MQA indicator "Download URL": dcat:downloadURL present on the distribution (20 points, accessibility).
import { DCAT } from '../../vocab.js';
import { presence } from './presence.js';

export const downloadUrlAvailability = presence({
  id: 'downloadUrlAvailability',
  label: 'Download URL',
  dimension: 'accessibility',
  points: 20,
  level: 'distribution',
  predicate: DCAT.downloadURL,
  property: 'dcat:downloadURL',
});
