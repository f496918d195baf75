// **format-media-type-vocabulary-alignment** is the MQA indicator "format / media type from vocabulary" (10 points).
import { PV } from '../dimensions.js';
import type { Indicator } from '../types.js';
import { describeFormat, formatValues } from './format-codes.js';

/** Passes when there is a format value and every one is (or maps to) an EU file type or IANA media type. */
export const formatMediaTypeVocabularyAlignment: Indicator = {
  id: 'formatMediaTypeVocabularyAlignment',
  label: 'Format / media type from vocabulary',
  dimension: 'interoperability',
  points: 10,
  level: 'distribution',
  metric: PV + 'formatMediaTypeVocabularyAlignment',
  property: 'dct:format',
  fix: 'use EU file-type or IANA media-type values for dct:format / dcat:mediaType of',
  measure(node) {
    const values = formatValues(node);
    if (values.length === 0) {
      return { pass: false, measured: true, why: 'no dct:format or dcat:mediaType' };
    }
    const outside = values.find((v) => !v.resolved.fromVocabulary);
    if (outside) {
      return { pass: false, measured: true, why: `${describeFormat(outside)} is in no vocabulary` };
    }
    return {
      pass: true,
      measured: true,
      why: values.map(describeFormat).join(', ') + ' from vocabulary',
    };
  },
};
