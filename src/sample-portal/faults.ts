// **faults** parses the `--faults` grammar and decides, deterministically, which fault a page request gets.
import { unit } from './prng.js';

/** Which pages a fault hits, and on how many attempts of each. */
export interface FaultRule {
  /** Page ranges, inclusive (`p7`, `p7-9`, `p2+p5`). */
  pages?: [number, number][];
  /** Or a share of pages picked from the seed (`0.05`). */
  rate?: number;
  /** The fault hits the first `times` attempts of a page (Infinity: every attempt). */
  times: number;
}

/** The faults a portal injects into catalog pages (see the grammar in the README). */
export interface FaultSpec {
  '5xx'?: FaultRule;
  '429'?: FaultRule;
  reset?: FaultRule;
  truncate?: FaultRule;
  drip?: FaultRule;
  malformed?: FaultRule;
  oversized?: FaultRule;
  /** Page whose hydra:next points back to page 1. */
  loop?: FaultRule;
  /** Page whose hydra:next points to another origin (`localhost` instead of `127.0.0.1`). */
  crossOrigin?: FaultRule;
  /** Pages served after one more dataset was published at the head of the list (skip/limit drift). */
  drift?: FaultRule;
  /** Compress with gzip / brotli when the request accepts it. */
  gzip?: boolean;
  br?: boolean;
  /** Every page request first goes through this many 302 redirects. */
  redirects?: number;
  /** Delay before each page: `base + perPage × page` milliseconds. */
  latency?: { base: number; perPage: number };
  /** Seconds in Retry-After of a 429 (default 1). */
  retryAfter?: number;
  /** Milliseconds between the chunks of a drip body (default 200, 16 chunks). */
  dripInterval?: number;
  /** Bytes of an oversized page (default 64 MiB). */
  oversizedBytes?: number;
}

export type RuleName =
  | '5xx'
  | '429'
  | 'reset'
  | 'truncate'
  | 'drip'
  | 'malformed'
  | 'oversized'
  | 'loop'
  | 'crossOrigin'
  | 'drift';

/** Faults a retry can get past (default: first attempt only); the others hit every attempt. */
const RECOVERABLE: ReadonlySet<RuleName> = new Set(['5xx', '429', 'reset', 'truncate']);
const RULE_NAMES: Readonly<Record<string, RuleName>> = {
  '5xx': '5xx',
  '429': '429',
  reset: 'reset',
  truncate: 'truncate',
  drip: 'drip',
  malformed: 'malformed',
  oversized: 'oversized',
  loop: 'loop',
  'cross-origin': 'crossOrigin',
  drift: 'drift',
};
const DEFAULT_PAGE: Partial<Record<RuleName, number>> = { loop: 2, crossOrigin: 1, drift: 2 };

function number(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n) || n < min) {
    throw new RangeError(`fault "${name}" needs a number ≥ ${min}, got "${value ?? ''}"`);
  }
  return n;
}

function parseRule(name: RuleName, value: string | undefined): FaultRule {
  const fallback = RECOVERABLE.has(name) ? 1 : Infinity;
  if (value === undefined || value === '') {
    const page = DEFAULT_PAGE[name];
    if (page === undefined)
      throw new RangeError(`fault "${name}" needs a rate (0.05) or pages (p7, p7-9, p2+p5)`);
    return { pages: [[page, page]], times: Infinity };
  }
  const match = /^(?:(\d*\.?\d+)|(p\d+(?:-\d+)?(?:\+p\d+(?:-\d+)?)*))(?:x(\d+|\*))?$/.exec(value);
  if (!match) {
    throw new RangeError(
      `fault "${name}=${value}": expected a rate (0.05) or pages (p7, p7-9, p2+p5), optionally followed by x<attempts> or x*`,
    );
  }
  const times = match[3] === undefined ? fallback : match[3] === '*' ? Infinity : Number(match[3]);
  if (match[1] !== undefined) {
    const rate = Number(match[1]);
    if (!(rate >= 0 && rate <= 1))
      throw new RangeError(`fault "${name}" rate must be between 0 and 1, got ${rate}`);
    return { rate, times };
  }
  const pages = (match[2] as string).split('+').map((part): [number, number] => {
    const [from, to] = part.slice(1).split('-').map(Number) as [number, number | undefined];
    return [from, to ?? from];
  });
  return { pages, times };
}

/**
 * Parses `5xx=0.05,429=p3x2,reset=p7,gzip,redirects=3,latency=100+2/page`.
 *
 * @example
 * ```ts
 * import { parseFaults, startSamplePortal } from 'dcat-harvest/sample-portal';
 *
 * const faults = parseFaults('5xx=0.1,429=0.05,retry-after=1,gzip');
 * const portal = await startSamplePortal({ datasets: 1000, faults });
 * await portal.close();
 * ```
 */
export function parseFaults(spec: string): FaultSpec {
  const out: FaultSpec = {};
  for (const entry of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf('=');
    const name = eq < 0 ? entry : entry.slice(0, eq);
    const value = eq < 0 ? undefined : entry.slice(eq + 1);
    const rule = RULE_NAMES[name];
    if (rule) out[rule] = parseRule(rule, value);
    else if (name === 'gzip' || name === 'br') out[name] = true;
    else if (name === 'redirects') out.redirects = number(name, value, 0);
    else if (name === 'retry-after') out.retryAfter = number(name, value, 0);
    else if (name === 'drip-interval') out.dripInterval = number(name, value, 0);
    else if (name === 'oversized-mb') out.oversizedBytes = number(name, value, 0) * 1024 * 1024;
    else if (name === 'latency') {
      const m = /^(\d+)(?:\+(\d+(?:\.\d+)?)\/page)?$/.exec(value ?? '');
      if (!m)
        throw new RangeError(`fault "latency=${value ?? ''}": expected <ms> or <ms>+<ms>/page`);
      out.latency = { base: Number(m[1]), perPage: Number(m[2] ?? 0) };
    } else {
      throw new RangeError(
        `unknown fault "${name}" (known: ${[...Object.keys(RULE_NAMES), 'gzip', 'br', 'redirects', 'latency', 'retry-after', 'drip-interval', 'oversized-mb'].join(', ')})`,
      );
    }
  }
  return out;
}

/** True when `rule` hits `page` on its `attempt`-th request (1-based). */
export function hits(
  seed: number,
  name: RuleName,
  rule: FaultRule | undefined,
  page: number,
  attempt: number,
): boolean {
  if (!rule || attempt > rule.times) return false;
  if (rule.pages) return rule.pages.some(([from, to]) => page >= from && page <= to);
  return rule.rate !== undefined && unit(seed, 'fault', name, page) < rule.rate;
}

/** The page numbers a rule hits among pages 1..last (for tests and reports). */
export function pagesHit(
  seed: number,
  name: RuleName,
  rule: FaultRule | undefined,
  last: number,
): number[] {
  const out: number[] = [];
  for (let page = 1; page <= last; page += 1) if (hits(seed, name, rule, page, 1)) out.push(page);
  return out;
}
