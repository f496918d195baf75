// **format-media-type-non-proprietary** is the MQA indicator "non-proprietary" (20 points, per distribution).
import { NON_PROPRIETARY } from '../data/file-types.js';
import { formatInList } from './format-list.js';

export const formatMediaTypeNonProprietary = formatInList(
  'formatMediaTypeNonProprietary',
  'Non-proprietary',
  NON_PROPRIETARY,
  'non-proprietary',
);
