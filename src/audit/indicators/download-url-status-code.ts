// **download-url-status-code** is the MQA indicator "download URL accessible" (30 points, per distribution).
import { DCAT } from '../../vocab.js';
import { PV } from '../dimensions.js';
import type { Indicator } from '../types.js';
import { linkStatus } from './link-status.js';

export const downloadUrlStatusCode: Indicator = {
  id: 'downloadUrlStatusCode',
  label: 'Download URL accessible',
  dimension: 'accessibility',
  points: 30,
  level: 'distribution',
  metric: PV + 'downloadUrlStatusCode',
  property: 'dcat:downloadURL',
  fix: 'repair the dcat:downloadURL of',
  needsLinks: true,
  measure: (node, context) =>
    linkStatus(node, context, DCAT.downloadURL, 'dcat:downloadURL', false),
};
