// **context** fetches udata's JSON-LD context (a bare term map) and wraps it for JSON-LD use.
import { wrapContext } from '../fetch/context.js';
import type { SiteApi } from './api.js';

/**
 * `GET /api/1/site/context.jsonld`: the context as served and as a usable `{"@context": …}`.
 *
 * @example
 * ```ts
 * import { createSiteApi, getSiteContext } from 'dcat-harvest/udata';
 *
 * const api = createSiteApi({ portal: 'https://www.data.gouv.fr' });
 * const { served, wrapped } = await getSiteContext(api); // as served, and as a JSON-LD context document
 * await api.close();
 * ```
 */
export async function getSiteContext(
  api: SiteApi,
): Promise<{ served: unknown; wrapped: Record<string, unknown> }> {
  const served = await api.call<unknown>({ path: '/site/context.jsonld' });
  return { served, wrapped: wrapContext(served) };
}
