// **home** reads and sets the home page's featured datasets and reuses (udata < 10.9).
import type { SiteApi } from './api.js';

/** Which home list. */
export type HomeKind = 'datasets' | 'reuses';

const REMOVED =
  '404 Not Found: this portal runs udata 10.9 or later, where /api/1/site/home/ was removed; featured content is now set with PATCH /api/1/site/';

/**
 * `GET /api/1/site/home/<kind>/`: the featured objects, as udata returns them.
 *
 * @example
 * ```ts
 * import { createSiteApi, getHome } from 'dcat-harvest/udata';
 *
 * const api = createSiteApi({ portal: 'https://demo.data.gouv.fr' });
 * const featured = await getHome(api, 'datasets');
 * console.log(featured.map((d) => d.title));
 * await api.close();
 * ```
 */
export function getHome(api: SiteApi, kind: HomeKind): Promise<Record<string, unknown>[]> {
  return api.call({ path: `/site/home/${kind}/`, notFound: REMOVED });
}

/**
 * `PUT /api/1/site/home/<kind>/` with a list of ids (admin API key required).
 *
 * @example
 * ```ts
 * import { createSiteApi, setHome } from 'dcat-harvest/udata';
 *
 * const api = createSiteApi({ portal: 'https://demo.data.gouv.fr', apiKey: process.env.UDATA_API_KEY! });
 * await setHome(api, 'datasets', ['5de8f397634f4164071119c5']);
 * await api.close();
 * ```
 */
export function setHome(
  api: SiteApi,
  kind: HomeKind,
  ids: readonly string[],
): Promise<Record<string, unknown>[]> {
  return api.call({
    method: 'PUT',
    path: `/site/home/${kind}/`,
    body: [...ids],
    auth: true,
    notFound: REMOVED,
  });
}

/**
 * `GET /api/1/site/home/datasets/`: the featured datasets, as udata returns them.
 *
 * @example
 * ```ts
 * import { createSiteApi, getHomeDatasets } from 'dcat-harvest/udata';
 *
 * const api = createSiteApi({ portal: 'https://demo.data.gouv.fr' });
 * console.log((await getHomeDatasets(api)).length);
 * await api.close();
 * ```
 */
export const getHomeDatasets = (api: SiteApi) => getHome(api, 'datasets');
/**
 * `PUT /api/1/site/home/datasets/` with a list of dataset ids (admin API key required).
 *
 * @example
 * ```ts
 * import { createSiteApi, setHomeDatasets } from 'dcat-harvest/udata';
 *
 * const api = createSiteApi({ portal: 'https://demo.data.gouv.fr', apiKey: process.env.UDATA_API_KEY! });
 * await setHomeDatasets(api, ['5de8f397634f4164071119c5']);
 * await api.close();
 * ```
 */
export const setHomeDatasets = (api: SiteApi, ids: readonly string[]) =>
  setHome(api, 'datasets', ids);
/**
 * `GET /api/1/site/home/reuses/`: the featured reuses, as udata returns them.
 *
 * @example
 * ```ts
 * import { createSiteApi, getHomeReuses } from 'dcat-harvest/udata';
 *
 * const api = createSiteApi({ portal: 'https://demo.data.gouv.fr' });
 * console.log((await getHomeReuses(api)).length);
 * await api.close();
 * ```
 */
export const getHomeReuses = (api: SiteApi) => getHome(api, 'reuses');
/**
 * `PUT /api/1/site/home/reuses/` with a list of reuse ids (admin API key required).
 *
 * @example
 * ```ts
 * import { createSiteApi, setHomeReuses } from 'dcat-harvest/udata';
 *
 * const api = createSiteApi({ portal: 'https://demo.data.gouv.fr', apiKey: process.env.UDATA_API_KEY! });
 * await setHomeReuses(api, ['5e3a0b5e634f4165cc0d2f6e']);
 * await api.close();
 * ```
 */
export const setHomeReuses = (api: SiteApi, ids: readonly string[]) => setHome(api, 'reuses', ids);
