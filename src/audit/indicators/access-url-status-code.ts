// **access-url-status-code** is the MQA indicator "access URL accessible" (50 points, per distribution).
import { DCAT } from '../../vocab.js';
import { PV } from '../dimensions.js';
import type { Indicator } from '../types.js';
import { linkStatus } from './link-status.js';

export const accessUrlStatusCode: Indicator = {
  id: 'accessUrlStatusCode',
  label: 'Access URL accessible',
  dimension: 'accessibility',
  points: 50,
  level: 'distribution',
  metric: PV + 'accessUrlStatusCode',
  property: 'dcat:accessURL',
  fix: 'add or repair the dcat:accessURL of',
  needsLinks: true,
  measure: (node, context) => linkStatus(node, context, DCAT.accessURL, 'dcat:accessURL', true),
};
