// **score** turns a dataset's measurements into MQA points: piveau's best-distribution rule or the proportional method.
import { DIMENSIONS } from './dimensions.js';
import { INDICATORS } from './indicators/index.js';
import type { DatasetMeasurement, DistributionMeasurement } from './measure.js';
import type { PublisherRef } from './publisher.js';
import { rateScore, type Rating } from './rating.js';
import type { Check, DimensionId, Indicator } from './types.js';

/**
 * How distribution-level indicators count: `mqa` (piveau, data.europa.eu: only the single best
 * distribution counts) or `proportional` (share of distributions passing × points).
 */
export type ScoringMethod = 'mqa' | 'proportional';

/** The methods' names as every output prints them. */
export const METHOD_LABELS: Readonly<Record<ScoringMethod, string>> = {
  mqa: 'MQA (piveau: best distribution counts)',
  proportional: 'proportional (share of distributions passing × points)',
};

/** One indicator's outcome for one dataset, with why. */
export interface IndicatorOutcome {
  id: string;
  points: number;
  max: number;
  pass: boolean;
  /** False when nothing was measured (links not checked, compliance not run, no distribution). */
  measured: boolean;
  why: string;
  /** Distribution-level indicators: how many distributions pass. */
  passing?: number;
  /** The measured value when not a boolean (HTTP status or pseudo-code of the chosen distribution). */
  value?: number;
}

/** A scored dataset. */
export interface DatasetScore {
  id: string;
  title?: string;
  publisher?: PublisherRef;
  score: number;
  rating: Rating;
  /** Points per dimension. */
  dimensions: Record<DimensionId, number>;
  distributions: number;
  /** The distribution whose points count (method `mqa`). */
  chosen?: string;
  /** In {@link INDICATORS} order. */
  indicators: IndicatorOutcome[];
}

/**
 * Copies a string out of the parser's input: values read from a page are slices of the whole
 * page text, and keeping one alive would keep every page of the catalog in memory.
 */
export function detach(text: string): string {
  return (text + ' ').slice(0, -1);
}

const DISTRIBUTION_INDICATORS = INDICATORS.filter((i) => i.level === 'distribution');

function earned(indicator: Indicator, check: Check | undefined): number {
  return check?.pass ? indicator.points : 0;
}

/** Sum of a distribution's points (piveau `scoreDistribution`). */
export function distributionTotal(distribution: DistributionMeasurement): number {
  let total = 0;
  for (const indicator of DISTRIBUTION_INDICATORS) {
    total += earned(indicator, distribution.checks[indicator.id]);
  }
  return total;
}

/**
 * What breaks a tie between distributions of equal total, the same whatever the input order: an
 * IRI (smallest first) before any blank node, blank nodes by what was measured on them (their
 * labels change from one parse to the next).
 */
function tieKey(d: DistributionMeasurement): string {
  if (!d.id.startsWith('_:')) return `0${d.id}`;
  return `1${Object.keys(d.checks)
    .sort()
    .map((id) => `${id}\u0000${d.checks[id]?.why ?? ''}`)
    .join('\u0001')}`;
}

/**
 * The best distribution: the highest total (piveau's `reduce`), ties broken by {@link tieKey}
 * (piveau keeps the first in its store's order, which no export fixes).
 */
export function bestDistribution(
  distributions: readonly DistributionMeasurement[],
): DistributionMeasurement | undefined {
  let best: DistributionMeasurement | undefined;
  let bestTotal = -1;
  for (const d of distributions) {
    const total = distributionTotal(d);
    if (total > bestTotal || (total === bestTotal && best && tieKey(d) < tieKey(best)))
      [best, bestTotal] = [d, total];
  }
  return best;
}

const NO_CHECK: Check = { pass: false, measured: false, why: 'not measured' };

function fromDataset(indicator: Indicator, m: DatasetMeasurement, note = ''): IndicatorOutcome {
  const check = m.dataset[indicator.id] ?? NO_CHECK;
  return {
    id: indicator.id,
    points: earned(indicator, check),
    max: indicator.points,
    pass: check.pass,
    measured: check.measured,
    why: check.why + note,
  };
}

function countPassing(indicator: Indicator, m: DatasetMeasurement): number {
  return m.distributions.filter((d) => d.checks[indicator.id]?.pass === true).length;
}

/** Piveau: the chosen distribution's check; dates fall back to the dataset only when it was not measured. */
function mqaOutcome(
  indicator: Indicator,
  m: DatasetMeasurement,
  chosen: DistributionMeasurement,
): IndicatorOutcome {
  const check = chosen.checks[indicator.id] ?? NO_CHECK;
  if (indicator.datasetFallback && !check.measured) {
    return fromDataset(indicator, m, ' (on the dataset: the chosen distribution was not measured)');
  }
  let why = check.why;
  if (indicator.datasetFallback && !check.pass && m.dataset[indicator.id]?.pass) {
    why += ' on the chosen distribution; the dataset has it, but piveau skips the dataset value';
  }
  const outcome: IndicatorOutcome = {
    id: indicator.id,
    points: earned(indicator, check),
    max: indicator.points,
    pass: check.pass,
    measured: check.measured,
    why,
    passing: countPassing(indicator, m),
  };
  if (check.value !== undefined) outcome.value = check.value;
  return outcome;
}

/** Proportional: points × share of distributions passing (unmeasured ones count as failing). */
function proportionalOutcome(indicator: Indicator, m: DatasetMeasurement): IndicatorOutcome {
  const n = m.distributions.length;
  const passing = countPassing(indicator, m);
  const measured = m.distributions.some((d) => d.checks[indicator.id]?.measured === true);
  if (indicator.datasetFallback && !measured) {
    return fromDataset(indicator, m, ' (on the dataset: no distribution was measured)');
  }
  const failing = m.distributions.find((d) => d.checks[indicator.id]?.pass !== true);
  const sample = failing ?? m.distributions[0];
  const detail = sample?.checks[indicator.id]?.why ?? 'not measured';
  return {
    id: indicator.id,
    points: Math.round((indicator.points * passing * 100) / n) / 100,
    max: indicator.points,
    pass: passing === n,
    measured,
    why: `${passing} of ${n} distributions pass${failing ? `; e.g. ${detail}` : ` (${detail})`}`,
    passing,
  };
}

/**
 * Scores one dataset with the given method.
 *
 * @example
 * ```ts
 * import { measureDataset, scoreDataset } from 'dcat-harvest/audit';
 * import { extractRecords, parseText } from 'dcat-harvest/rdf';
 * import { Store } from 'n3';
 *
 * const turtle = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
 * PREFIX dct: <http://purl.org/dc/terms/>
 * <https://example.org/d1> a dcat:Dataset ; dct:title "Schools" .`;
 * const { quads } = await parseText(turtle, { format: 'turtle' });
 * const [record] = extractRecords(new Store(quads));
 * const score = scoreDataset(measureDataset(record!, { status: () => undefined, statusRange: [200, 399] }));
 * console.log(score.score, score.rating, score.dimensions);
 * ```
 */
export function scoreDataset(m: DatasetMeasurement, method: ScoringMethod = 'mqa'): DatasetScore {
  const chosen = method === 'mqa' ? bestDistribution(m.distributions) : undefined;
  const indicators: IndicatorOutcome[] = [];
  for (const indicator of INDICATORS) {
    if (indicator.level === 'dataset') indicators.push(fromDataset(indicator, m));
    else if (m.distributions.length === 0) {
      indicators.push(
        indicator.datasetFallback
          ? fromDataset(indicator, m, ' (on the dataset: no distributions)')
          : {
              id: indicator.id,
              points: 0,
              max: indicator.points,
              pass: false,
              measured: false,
              why: 'no distributions',
            },
      );
    } else if (chosen) indicators.push(mqaOutcome(indicator, m, chosen));
    else indicators.push(proportionalOutcome(indicator, m));
  }
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d.id, 0])) as Record<
    DimensionId,
    number
  >;
  let total = 0;
  INDICATORS.forEach((indicator, i) => {
    const points = (indicators[i] as IndicatorOutcome).points;
    dimensions[indicator.dimension] += points;
    total += points;
  });
  for (const d of DIMENSIONS) dimensions[d.id] = Math.round(dimensions[d.id] * 100) / 100;
  const score = Math.round(total);
  for (const o of indicators) o.why = detach(o.why);
  const out: DatasetScore = {
    id: detach(m.id),
    score,
    rating: rateScore(score),
    dimensions,
    distributions: m.distributions.length,
    indicators,
  };
  if (m.title !== undefined) out.title = detach(m.title);
  if (m.publisher) out.publisher = { id: detach(m.publisher.id), name: detach(m.publisher.name) };
  if (chosen) out.chosen = detach(chosen.id);
  return out;
}
