// **category-availability** is the MQA indicator "Categories": dcat:theme present on the dataset (30 points, findability).
import { DCAT } from '../../vocab.js';
import { presence } from './presence.js';

export const categoryAvailability = presence({
  id: 'categoryAvailability',
  label: 'Categories',
  dimension: 'findability',
  points: 30,
  level: 'dataset',
  predicate: DCAT.theme,
  property: 'dcat:theme',
});
