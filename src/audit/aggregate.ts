// **aggregate** sums dataset scores per group (catalog, publisher): averages, ratings, pass shares, fixes.
import { DIMENSIONS } from './dimensions.js';
import { rankFixes, type FixSuggestion, type IndicatorTally, type PortalLoss } from './fixes.js';
import { INDICATORS } from './indicators/index.js';
import type { PortalProfile } from './portal.js';
import { rateScore, RATING_BANDS, type Rating } from './rating.js';
import type { DatasetScore } from './score.js';
import type { DimensionId } from './types.js';

/** One indicator across a group. */
export interface IndicatorStats {
  id: string;
  label: string;
  dimension: DimensionId;
  max: number;
  /** Share of datasets (0..1) earning all its points. */
  passRate: number;
  passing: number;
  /** Datasets where it was not measured (links not checked, compliance not run). */
  unmeasured: number;
  /** Distribution-level indicators: share of distributions passing. */
  distributionPassRate?: number;
  /** Points lost per dataset on average, measured datasets only. */
  lost: number;
}

/** For each indicator, the index of the indicator it depends on (see `Indicator.dependsOn`). */
const PARENT: (number | undefined)[] = INDICATORS.map((i) => {
  const at = INDICATORS.findIndex((p) => p.id === i.dependsOn);
  return at < 0 ? undefined : at;
});

/** A catalog's or publisher's summary. */
export interface GroupSummary {
  id: string;
  name: string;
  datasets: number;
  distributions: number;
  /** Rounded average of the datasets' scores. */
  score: number;
  rating: Rating;
  /** Datasets per rating. */
  ratings: Record<Rating, number>;
  /** Average points per dimension (one decimal). */
  dimensions: Record<DimensionId, number>;
  indicators: IndicatorStats[];
  /** Fixes the publishers can make, most points first. */
  fixFirst: FixSuggestion[];
  /** Points lost because of what the portal's export never emits. */
  portalLosses: PortalLoss[];
}

/** Accumulates dataset scores for one group without keeping them. */
export class GroupAccumulator {
  readonly id: string;
  readonly name: string;
  datasets = 0;
  distributions = 0;
  private scoreSum = 0;
  private readonly ratings = Object.fromEntries(RATING_BANDS.map((b) => [b.rating, 0])) as Record<
    Rating,
    number
  >;
  private readonly dimensionSums = new Map<DimensionId, number>();
  readonly tallies: IndicatorTally[] = INDICATORS.map(() => ({
    passing: 0,
    unmeasured: 0,
    lostPoints: 0,
    failingDatasets: 0,
    failingDistributions: 0,
    bundledOut: 0,
    bundledOutDatasets: 0,
    bundledIn: 0,
    distributions: 0,
    passingDistributions: 0,
  }));

  constructor(id: string, name: string) {
    this.id = id;
    this.name = name;
  }

  add(score: DatasetScore): void {
    this.datasets += 1;
    this.distributions += score.distributions;
    this.scoreSum += score.score;
    this.ratings[score.rating] += 1;
    for (const d of DIMENSIONS) {
      this.dimensionSums.set(d.id, (this.dimensionSums.get(d.id) ?? 0) + score.dimensions[d.id]);
    }
    score.indicators.forEach((outcome, i) => {
      const tally = this.tallies[i] as IndicatorTally;
      if (outcome.points >= outcome.max) tally.passing += 1;
      if (!outcome.measured) tally.unmeasured += 1;
      else if (outcome.points < outcome.max) {
        tally.lostPoints += outcome.max - outcome.points;
        tally.failingDatasets += 1;
        if (outcome.passing !== undefined) {
          tally.failingDistributions += score.distributions - outcome.passing;
        }
        const parent = PARENT[i];
        const parentOutcome = parent === undefined ? undefined : score.indicators[parent];
        if (parentOutcome && parentOutcome.measured && parentOutcome.points < parentOutcome.max) {
          const lost = outcome.max - outcome.points;
          tally.bundledOut += lost;
          tally.bundledOutDatasets += 1;
          (this.tallies[parent as number] as IndicatorTally).bundledIn += lost;
        }
      }
      if (outcome.passing !== undefined) {
        tally.distributions += score.distributions;
        tally.passingDistributions += outcome.passing;
      }
    });
  }

  /** The group's summary; `portal` separates the export's losses from the publishers' fixes. */
  summary(portal?: PortalProfile): GroupSummary {
    const n = Math.max(this.datasets, 1);
    const score = Math.round(this.scoreSum / n);
    const dimensions = Object.fromEntries(
      DIMENSIONS.map((d) => [
        d.id,
        Math.round(((this.dimensionSums.get(d.id) ?? 0) / n) * 10) / 10,
      ]),
    ) as Record<DimensionId, number>;
    const indicators = INDICATORS.map((indicator, i): IndicatorStats => {
      const t = this.tallies[i] as IndicatorTally;
      const stats: IndicatorStats = {
        id: indicator.id,
        label: indicator.label,
        dimension: indicator.dimension,
        max: indicator.points,
        passRate: round3(t.passing / n),
        passing: t.passing,
        unmeasured: t.unmeasured,
        lost: Math.round((t.lostPoints / n) * 10) / 10,
      };
      if (t.distributions > 0)
        stats.distributionPassRate = round3(t.passingDistributions / t.distributions);
      return stats;
    });
    const { fixFirst, portalLosses } = rankFixes(this.tallies, this.datasets, score, portal);
    return {
      id: this.id,
      name: this.name,
      datasets: this.datasets,
      distributions: this.distributions,
      score,
      rating: rateScore(score),
      ratings: { ...this.ratings },
      dimensions,
      indicators,
      fixFirst,
      portalLosses,
    };
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
