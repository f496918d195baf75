// **indicators** is the table of the 23 MQA indicators, keyed by their piveau metric name.
import type { Indicator } from '../types.js';
import { accessRightsAvailability } from './access-rights-availability.js';
import { accessRightsVocabularyAlignment } from './access-rights-vocabulary-alignment.js';
import { accessUrlStatusCode } from './access-url-status-code.js';
import { byteSizeAvailability } from './byte-size-availability.js';
import { categoryAvailability } from './category-availability.js';
import { contactPointAvailability } from './contact-point-availability.js';
import { dateIssuedAvailability } from './date-issued-availability.js';
import { dateModifiedAvailability } from './date-modified-availability.js';
import { dcatApCompliance } from './dcat-ap-compliance.js';
import { downloadUrlAvailability } from './download-url-availability.js';
import { downloadUrlStatusCode } from './download-url-status-code.js';
import { formatAvailability } from './format-availability.js';
import { formatMediaTypeMachineInterpretable } from './format-media-type-machine-interpretable.js';
import { formatMediaTypeNonProprietary } from './format-media-type-non-proprietary.js';
import { formatMediaTypeVocabularyAlignment } from './format-media-type-vocabulary-alignment.js';
import { keywordAvailability } from './keyword-availability.js';
import { knownLicence } from './known-licence.js';
import { licenceAvailability } from './licence-availability.js';
import { mediaTypeAvailability } from './media-type-availability.js';
import { publisherAvailability } from './publisher-availability.js';
import { rightsAvailability } from './rights-availability.js';
import { spatialAvailability } from './spatial-availability.js';
import { temporalAvailability } from './temporal-availability.js';

/** The indicators in MQA order (23 indicators, 405 points). */
export const INDICATORS: readonly Indicator[] = [
  keywordAvailability,
  categoryAvailability,
  spatialAvailability,
  temporalAvailability,
  accessUrlStatusCode,
  downloadUrlAvailability,
  downloadUrlStatusCode,
  formatAvailability,
  mediaTypeAvailability,
  formatMediaTypeVocabularyAlignment,
  formatMediaTypeNonProprietary,
  formatMediaTypeMachineInterpretable,
  dcatApCompliance,
  licenceAvailability,
  knownLicence,
  accessRightsAvailability,
  accessRightsVocabularyAlignment,
  contactPointAvailability,
  publisherAvailability,
  rightsAvailability,
  byteSizeAvailability,
  dateIssuedAvailability,
  dateModifiedAvailability,
];

/** The indicators keyed by id. */
export const INDICATOR_BY_ID: ReadonlyMap<string, Indicator> = new Map(
  INDICATORS.map((i) => [i.id, i]),
);
