// **defects** decides, from the seed and a dataset's position, which realistic defects it carries.
import { unit } from './prng.js';

/** The defects the generator plants, each at its own rate. */
export const DEFECT_IDS = [
  'missing-licence',
  'empty-description',
  'none-literal',
  'invalid-date',
  'iri-space',
  'missing-contact-point',
  'missing-keywords',
  'duplicate-title',
] as const;
/** The id of a defect the portal can plant in its datasets. */
export type DefectId = (typeof DEFECT_IDS)[number];

/** Default rate of each defect (probability per dataset). */
export const DEFAULT_DEFECT_RATES: Readonly<Record<DefectId, number>> = {
  'missing-licence': 0.04,
  'empty-description': 0.03,
  'none-literal': 0.05,
  'invalid-date': 0.02,
  'iri-space': 0.01,
  'missing-contact-point': 0.08,
  'missing-keywords': 0.05,
  'duplicate-title': 0.02,
};

/** Where each defect shows in the RDF (documented in the ground truth). */
export const DEFECT_WHERE: Readonly<Record<DefectId, string>> = {
  'missing-licence':
    'every distribution has dct:rights "<licence title>" and no dct:license (a licence without URL)',
  'empty-description': 'the dataset has dct:description ""',
  'none-literal': 'the first distribution has dct:description "None"',
  'invalid-date':
    'the dataset temporal period has dcat:startDate "YYYY-MM-DDThh:mm:ss"^^xsd:date and dcat:endDate ""^^xsd:date',
  'iri-space':
    'the first distribution dcat:downloadURL contains a space (raw in RDF/XML and JSON-LD, %20 in the Turtle family, as udata escapes it there)',
  'missing-contact-point': 'the dataset has no dcat:contactPoint',
  'missing-keywords': 'the dataset has no dcat:keyword',
  'duplicate-title': 'the dataset dct:title equals the title of an earlier dataset (duplicateOf)',
};

/** Normalises user rates: known ids only, each in [0, 1]. */
export function defectRates(
  rates: Partial<Record<DefectId, number>> | undefined,
): Record<DefectId, number> {
  const out = { ...DEFAULT_DEFECT_RATES };
  for (const [id, rate] of Object.entries(rates ?? {})) {
    if (!(DEFECT_IDS as readonly string[]).includes(id)) {
      throw new RangeError(`unknown defect "${id}" (known: ${DEFECT_IDS.join(', ')})`);
    }
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      throw new RangeError(`defect rate for "${id}" must be between 0 and 1, got ${String(rate)}`);
    }
    out[id as DefectId] = rate;
  }
  return out;
}

/** Defects that need at least one distribution to show. */
const NEEDS_DISTRIBUTION: ReadonlySet<DefectId> = new Set([
  'missing-licence',
  'none-literal',
  'iri-space',
]);

/**
 * The defects planted on dataset `index`: each independently with its rate, when applicable
 * (`resources` is the dataset's number of distributions; a duplicate needs an earlier dataset).
 */
export function defectsAt(
  seed: number,
  index: number,
  resources: number,
  rates: Readonly<Record<DefectId, number>>,
): DefectId[] {
  const out: DefectId[] = [];
  for (const id of DEFECT_IDS) {
    const rate = rates[id];
    if (rate <= 0) continue;
    if (NEEDS_DISTRIBUTION.has(id) && resources === 0) continue;
    if (id === 'duplicate-title' && index === 0) continue;
    if (unit(seed, 'defect', id, index) < rate) out.push(id);
  }
  return out;
}

/** True when dataset `index` has a duplicated title (cheap: no other defect computed). */
export function hasDuplicateTitle(
  seed: number,
  index: number,
  rates: Readonly<Record<DefectId, number>>,
): boolean {
  return index > 0 && unit(seed, 'defect', 'duplicate-title', index) < rates['duplicate-title'];
}
