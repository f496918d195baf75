// **access-rights-availability** is the MQA indicator "Access restrictions": dct:accessRights present on the dataset (10 points, reusability).
import { DCT } from '../../vocab.js';
import { presence } from './presence.js';

export const accessRightsAvailability = {
  ...presence({
    id: 'accessRightsAvailability',
    label: 'Access restrictions',
    dimension: 'reusability',
    points: 10,
    level: 'dataset',
    predicate: DCT.accessRights,
    property: 'dct:accessRights',
  }),
  fixWithDependents: 'add an EU access-right IRI as dct:accessRights',
};
