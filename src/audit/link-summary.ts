// **link-summary** picks the URLs to check (all or a seeded sample) and sums up their results.
import { createHash } from 'node:crypto';
import type { LinkCheckResult } from './link-types.js';
import type { DatasetMeasurement } from './measure.js';

/** URL checks in an audit. */
export interface LinkSummary {
  mode: 'off' | 'all' | 'sample';
  /** Distinct URLs found. */
  urls: number;
  checked: number;
  ok: number;
  broken: number;
  inconclusive: number;
  redirected: number;
  /** Broken and inconclusive ones, with how many datasets reference each. */
  problems: (LinkCheckResult & { datasets: number })[];
}

/** URL → number of datasets referencing it. */
export function urlReferences(measurements: readonly DatasetMeasurement[]): Map<string, number> {
  const refs = new Map<string, number>();
  for (const m of measurements) {
    const urls = new Set<string>();
    for (const d of m.distributions)
      for (const u of [...d.accessUrls, ...d.downloadUrls]) urls.add(u);
    for (const u of urls) refs.set(u, (refs.get(u) ?? 0) + 1);
  }
  return refs;
}

/** A deterministic sample: the `n` URLs with the smallest seeded hash. */
export function sample(urls: readonly string[], n: number, seed: string): string[] {
  if (n >= urls.length) return [...urls];
  const keyed = urls.map((url) => ({
    url,
    key: createHash('sha1').update(seed).update('\0').update(url).digest('hex'),
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.slice(0, n).map((k) => k.url);
}

export function emptyLinks(mode: LinkSummary['mode']): LinkSummary {
  return {
    mode,
    urls: 0,
    checked: 0,
    ok: 0,
    broken: 0,
    inconclusive: 0,
    redirected: 0,
    problems: [],
  };
}

export function summarizeLinks(
  mode: LinkSummary['mode'],
  urls: number,
  results: Map<string, LinkCheckResult>,
  refs: Map<string, number>,
): LinkSummary {
  const out = emptyLinks(mode);
  out.urls = urls;
  for (const r of results.values()) {
    out.checked += 1;
    out[r.outcome] += 1;
    if (r.redirects && r.redirects.length > 0) out.redirected += 1;
    if (r.outcome !== 'ok') out.problems.push({ ...r, datasets: refs.get(r.url) ?? 0 });
  }
  out.problems.sort((a, b) => b.datasets - a.datasets || a.url.localeCompare(b.url));
  return out;
}
