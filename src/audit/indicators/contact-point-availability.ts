// **contact-point-availability** is the MQA indicator "Contact point": dcat:contactPoint present on the dataset (20 points, reusability).
import { DCAT } from '../../vocab.js';
import { presence } from './presence.js';

export const contactPointAvailability = presence({
  id: 'contactPointAvailability',
  label: 'Contact point',
  dimension: 'reusability',
  points: 20,
  level: 'dataset',
  predicate: DCAT.contactPoint,
  property: 'dcat:contactPoint',
});
