// **date-issued-availability** is the MQA indicator "Date of issue": dct:issued on the distribution, the dataset as fallback (5 points).
import { DCT } from '../../vocab.js';
import { presence } from './presence.js';

export const dateIssuedAvailability = {
  ...presence({
    id: 'dateIssuedAvailability',
    label: 'Date of issue',
    dimension: 'contextuality',
    points: 5,
    level: 'distribution',
    predicate: DCT.issued,
    property: 'dct:issued',
  }),
  datasetFallback: true,
};
