// **link-status** measures "URL accessible" indicators: the best checked status of a node's URLs.
import type { Check, MeasureContext, NodeView, UrlStatus } from '../types.js';

/** Describes a status for people, naming pseudo-codes. */
export function describeStatus(status: number): string {
  if (status === 1100) return 'connection failed (1100)';
  if (status === 1300) return 'invalid URL (1300)';
  return `HTTP ${status}`;
}

/** True when a status counts as accessible. */
export function inRange(status: number, range: readonly [number, number]): boolean {
  return status >= range[0] && status <= range[1];
}

/**
 * Checks the URLs of `predicate` on `node`: the best status counts (one accessible URL is enough).
 * Unchecked or inconclusive (429) URLs are not measured; `requireUrl` says whether a node with no
 * URL fails (access URL: mandatory) or is simply not measured (download URL: optional).
 */
export function linkStatus(
  node: NodeView,
  context: MeasureContext,
  predicate: string,
  property: string,
  requireUrl: boolean,
): Check {
  const urls = node.values(predicate).map((t) => t.value);
  if (urls.length === 0) {
    return requireUrl
      ? { pass: false, measured: true, why: `${property} missing` }
      : { pass: false, measured: false, why: `no ${property} to check` };
  }
  const checked: { url: string; status: UrlStatus }[] = [];
  for (const url of urls) {
    const status = context.status(url);
    if (status && !status.inconclusive) checked.push({ url, status });
  }
  if (checked.length === 0) {
    const inconclusive = urls.some((u) => context.status(u)?.inconclusive === true);
    return {
      pass: false,
      measured: false,
      why: inconclusive ? `${property} inconclusive (HTTP 429)` : `${property} not checked`,
    };
  }
  const good = checked.find((c) => inRange(c.status.status, context.statusRange));
  if (good) {
    const why = `${property} ${describeStatus(good.status.status)}`;
    return { pass: true, measured: true, why, value: good.status.status };
  }
  const first = checked[0] as { url: string; status: UrlStatus };
  return {
    pass: false,
    measured: true,
    why: `${property} ${describeStatus(first.status.status)}: ${first.url}`,
    value: first.status.status,
  };
}
