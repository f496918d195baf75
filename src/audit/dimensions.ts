// **dimensions** lists the five MQA dimensions, their maxima and their piveau IRIs.
import type { DimensionId } from './types.js';

/** The piveau vocabulary namespace of the MQA metrics and dimensions. */
export const PV = 'https://piveau.eu/ns/voc#';

/** One dimension of the MQA. */
export interface Dimension {
  id: DimensionId;
  label: string;
  max: number;
  /** The dimension IRI (`https://piveau.eu/ns/voc#findability`). */
  iri: string;
}

/** The dimensions in MQA order (100 + 100 + 110 + 75 + 20 = 405 points). */
export const DIMENSIONS: readonly Dimension[] = [
  { id: 'findability', label: 'Findability', max: 100, iri: PV + 'findability' },
  { id: 'accessibility', label: 'Accessibility', max: 100, iri: PV + 'accessibility' },
  { id: 'interoperability', label: 'Interoperability', max: 110, iri: PV + 'interoperability' },
  { id: 'reusability', label: 'Reusability', max: 75, iri: PV + 'reusability' },
  { id: 'contextuality', label: 'Contextuality', max: 20, iri: PV + 'contextuality' },
];

/** The MQA maximum. */
export const MAX_POINTS = 405;
