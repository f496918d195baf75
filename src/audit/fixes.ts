// **fixes** ranks what to fix first by the points it would add to a group's average score.
import { INDICATORS } from './indicators/index.js';
import type { PortalProfile } from './portal.js';
import { rateScore, RATING_BANDS, type Rating } from './rating.js';

/** Per-indicator running sums. */
export interface IndicatorTally {
  passing: number;
  unmeasured: number;
  /** Points lost on measured datasets. */
  lostPoints: number;
  /** Measured datasets losing points. */
  failingDatasets: number;
  /** Distributions failing, in datasets losing points. */
  failingDistributions: number;
  /** Points (and datasets) of this dependent indicator lost only because its parent failed. */
  bundledOut: number;
  bundledOutDatasets: number;
  /** Points of dependent indicators this parent's fix also earns. */
  bundledIn: number;
  distributions: number;
  passingDistributions: number;
}

/** A fix, ranked by points gained. */
export interface FixSuggestion {
  indicator: string;
  label: string;
  /** What to do, for people: `add dct:license to 847 distributions (in 120 datasets)`. */
  action: string;
  /** Datasets losing points on this indicator. */
  datasets: number;
  /** Distribution-level indicators: distributions failing in those datasets. */
  distributions?: number;
  /** Points the group's average score gains (one decimal). */
  gain: number;
  /** The rating the group reaches with this fix alone, when it is better than today's. */
  reaches?: Rating;
  /** The average score after this fix and all those ranked above it. */
  cumulative: number;
  /** Always false here: the portal's losses are listed apart ({@link PortalLoss}). */
  portal: false;
}

/** Points lost because the portal's export never emits what an indicator reads. */
export interface PortalLoss {
  indicator: string;
  label: string;
  /** Points per dataset. */
  points: number;
  datasets: number;
  /** Points of the group's average score. */
  gain: number;
}

function rank(r: Rating): number {
  return RATING_BANDS.findIndex((b) => b.rating === r);
}

/** Words a fix: `add X to N datasets`, `fix the DCAT-AP violations of N datasets`. */
function action(fix: string, datasets: number, distributions: number | undefined): string {
  const count =
    distributions === undefined
      ? `${datasets} dataset${datasets === 1 ? '' : 's'}`
      : `${distributions} distribution${distributions === 1 ? '' : 's'} (in ${datasets} dataset${datasets === 1 ? '' : 's'})`;
  return fix.startsWith('add ') ? `${fix} to ${count}` : `${fix} ${count}`;
}

/** Ranks a group's fixes; indicators the portal never emits become portal losses instead. */
export function rankFixes(
  tallies: readonly IndicatorTally[],
  datasets: number,
  score: number,
  portal?: PortalProfile,
): { fixFirst: FixSuggestion[]; portalLosses: PortalLoss[] } {
  const n = Math.max(datasets, 1);
  const fixes: Omit<FixSuggestion, 'cumulative'>[] = [];
  const portalLosses: PortalLoss[] = [];
  INDICATORS.forEach((indicator, i) => {
    const t = tallies[i] as IndicatorTally;
    const datasets = t.failingDatasets - t.bundledOutDatasets;
    if (datasets <= 0) return;
    const gain = Math.round(((t.lostPoints - t.bundledOut + t.bundledIn) / n) * 10) / 10;
    if (portal?.neverEmits.includes(indicator.id)) {
      portalLosses.push({
        indicator: indicator.id,
        label: indicator.label,
        points: indicator.points,
        datasets,
        gain,
      });
      return;
    }
    const distributions = indicator.level === 'distribution' ? t.failingDistributions : undefined;
    const fix: Omit<FixSuggestion, 'cumulative'> = {
      indicator: indicator.id,
      label: indicator.label,
      action: action(
        t.bundledIn > 0 && indicator.fixWithDependents
          ? indicator.fixWithDependents
          : indicator.fix,
        datasets,
        distributions,
      ),
      datasets,
      gain,
      portal: false,
    };
    if (distributions !== undefined) fix.distributions = distributions;
    const reached = rateScore(Math.round(score + gain));
    if (rank(reached) < rank(rateScore(score))) fix.reaches = reached;
    fixes.push(fix);
  });
  fixes.sort((a, b) => b.gain - a.gain || a.indicator.localeCompare(b.indicator));
  let running = score;
  const fixFirst = fixes.map((f): FixSuggestion => {
    running = Math.min(405, running + f.gain);
    return { ...f, cumulative: Math.round(running * 10) / 10 };
  });
  portalLosses.sort((a, b) => b.gain - a.gain);
  return { fixFirst, portalLosses };
}
