// **format-list** builds the indicators that pass when a format is in an MQA list.
import { PV } from '../dimensions.js';
import type { Indicator } from '../types.js';
import { describeFormat, formatValues } from './format-codes.js';

/** Builds an indicator passing when a format value's EU code is in `list`. */
export function formatInList(
  id: string,
  label: string,
  list: ReadonlySet<string>,
  adjective: string,
): Indicator {
  return {
    id,
    label,
    dimension: 'interoperability',
    points: 20,
    level: 'distribution',
    metric: PV + id,
    property: 'dct:format',
    fix: `publish a ${adjective} format (dct:format) for`,
    measure(node) {
      const values = formatValues(node);
      if (values.length === 0) {
        return { pass: false, measured: true, why: 'no dct:format or dcat:mediaType' };
      }
      const hit = values.find((v) => v.resolved.code !== undefined && list.has(v.resolved.code));
      if (hit) return { pass: true, measured: true, why: `${describeFormat(hit)} is ${adjective}` };
      const first = values[0] as (typeof values)[number];
      return {
        pass: false,
        measured: true,
        why: `${describeFormat(first)} is not ${adjective}`,
      };
    },
  };
}
