// **keyword-availability** is the MQA indicator "Keyword usage": dcat:keyword present on the dataset (30 points, findability).
import { DCAT } from '../../vocab.js';
import { presence } from './presence.js';

export const keywordAvailability = presence({
  id: 'keywordAvailability',
  label: 'Keyword usage',
  dimension: 'findability',
  points: 30,
  level: 'dataset',
  predicate: DCAT.keyword,
  property: 'dcat:keyword',
});
