// **format-media-type-machine-interpretable** is the MQA indicator "machine-readable" (20 points, per distribution).
import { MACHINE_READABLE } from '../data/file-types.js';
import { formatInList } from './format-list.js';

export const formatMediaTypeMachineInterpretable = formatInList(
  'formatMediaTypeMachineInterpretable',
  'Machine-readable',
  MACHINE_READABLE,
  'machine-readable',
);
