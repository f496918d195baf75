// **harvest-url** harvests a catalog URL: the portal's context, the first page, then the others
// by number (regular paging) or by next link; a URL answering GetCapabilities is walked as CSW.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fetchContext } from './context.js';
import { harvestCsw } from './harvest-csw.js';
import { obtainPage, type PageContext } from './harvest-page.js';
import type { HarvestOptions } from './harvest-types.js';
import { pageId, type HarvestWalk } from './harvest-walk.js';
import type { HarvestManifest } from './manifest.js';
import { regularLastPage } from './paging.js';
import { plannedOutcome, type HarvestPlan } from './plan.js';
import type { ResolvedSource } from './source.js';
import { walkByNext } from './walk-by-next.js';
import { walkByNumber } from './walk-by-number.js';

/**
 * Walks the catalog whose first page is `resolved.firstPage`; with `stopAtPlan`, a catalog whose
 * pages are numbered stops after page 1 and gives the plan of the others instead.
 */
export async function harvestUrl(
  walk: HarvestWalk,
  ctx: PageContext,
  resolved: Extract<ResolvedSource, { kind: 'url' }>,
  options: HarvestOptions,
  previous: HarvestManifest | undefined,
  stopAtPlan = false,
): Promise<HarvestPlan | undefined> {
  const { manifest, stopped } = walk;
  if (resolved.udata && !(options.resume && manifest.context && 'served' in manifest.context)) {
    manifest.context = await fetchContext(ctx.client, resolved.origin, walk.out, options.signal);
  }
  const first = await obtainPage(ctx, pageId(1), 1, resolved.firstPage);
  if (first.analyses[0]?.error?.capabilities) {
    // The URL answered GetCapabilities: a CSW service, harvested as one.
    const stored = first.entries[0]?.file;
    if (stored) await rm(path.join(walk.out, stored), { force: true });
    await harvestCsw(
      walk,
      ctx,
      first.entries[0]?.finalUrl ?? resolved.firstPage,
      options,
      previous,
    );
    return undefined;
  }
  walk.record(first);
  const links = first.analyses[first.analyses.length - 1]?.paging ?? {};
  const firstUrl = first.entries[0]?.finalUrl ?? resolved.firstPage;
  const origin = new URL(firstUrl).origin;
  const allowed = (link: string): boolean => {
    if (options.allowCrossOrigin || new URL(link).origin === origin) return true;
    stopped.push(
      `refused a paging link to another origin: ${link} (pass --allow-cross-origin to follow it)`,
    );
    walk.emit({ type: 'warning', message: stopped[stopped.length - 1]! });
    return false;
  };
  const maxPages = options.maxPages ?? Infinity;
  const signal = options.signal ? { signal: options.signal } : {};
  // Follow the pattern of the URL asked for (a redirect may have added parameters).
  const sameOrigin = (link?: string) => link === undefined || new URL(link).origin === origin;
  const patternLinks = sameOrigin(links.next) ? links : { ...links, next: undefined };
  const base =
    regularLastPage(resolved.firstPage, patternLinks) !== undefined ? resolved.firstPage : firstUrl;
  const last = regularLastPage(base, patternLinks);
  if (last !== undefined && allowed(links.last!)) {
    if (patternLinks !== links)
      stopped.push(
        `ignored a paging link to another origin: ${links.next} (pages are fetched by number)`,
      );
    if (stopAtPlan) {
      walk.manifest.mode = 'pattern';
      walk.pagesExpected = last;
      return {
        schema: 'dcat-harvest/plan/1',
        base,
        last,
        final: Math.min(last, maxPages),
        ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
        ...(ctx.format === undefined ? {} : { format: ctx.format }),
        adaptive: ctx.adaptive,
        stopped: [...stopped],
        first: plannedOutcome(first),
      };
    }
    const concurrency = options.concurrency ?? 4;
    await walkByNumber(walk, ctx, { base, last, maxPages, concurrency, ...signal });
  } else {
    const next = links.next;
    const firstPage = resolved.firstPage;
    await walkByNext(walk, ctx, { firstPage, firstUrl, next, allowed, maxPages, ...signal });
  }
  return undefined;
}
