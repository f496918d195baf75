// **rating** turns an MQA score into its rating band, as piveau's code has them.

/** MQA rating bands, best first. */
export type Rating = 'excellent' | 'good' | 'sufficient' | 'bad';

/** The bands' lower bounds (piveau's code: Sufficient starts at 120; the prose says 121). */
export const RATING_BANDS: readonly { rating: Rating; label: string; min: number }[] = [
  { rating: 'excellent', label: 'Excellent', min: 351 },
  { rating: 'good', label: 'Good', min: 221 },
  { rating: 'sufficient', label: 'Sufficient', min: 120 },
  { rating: 'bad', label: 'Bad', min: 0 },
];

/**
 * Excellent ≥ 351, Good 221–350, Sufficient 120–220, Bad 0–119.
 *
 * @example
 * ```ts
 * import { rateScore } from 'dcat-harvest/audit';
 *
 * rateScore(405); // 'excellent'
 * rateScore(120); // 'sufficient'
 * ```
 */
export function rateScore(score: number): Rating {
  for (const band of RATING_BANDS) if (score >= band.min) return band.rating;
  return 'bad';
}

/** The label of a rating (`Good`). */
export function ratingLabel(rating: Rating): string {
  return RATING_BANDS.find((b) => b.rating === rating)?.label ?? rating;
}

/** Parses a rating name, case-insensitively; undefined when it is not one. */
export function parseRating(text: string): Rating | undefined {
  const lower = text.toLowerCase();
  return RATING_BANDS.find((b) => b.rating === lower)?.rating;
}
