// **home** reads and sets the home page's featured datasets and reuses (udata < 10.9).
import type { SiteApi } from './api.js';

/** Which home list. */
export type HomeKind = 'datasets' | 'reuses';

const REMOVED =
  '404 Not Found: this portal runs udata 10.9 or later, where /api/1/site/home/ was removed; featured content is now set with PATCH /api/1/site/';

/** `GET /api/1/site/home/<kind>/`: the featured objects, as udata returns them. */
export function getHome(api: SiteApi, kind: HomeKind): Promise<Record<string, unknown>[]> {
  return api.call({ path: `/site/home/${kind}/`, notFound: REMOVED });
}

/** `PUT /api/1/site/home/<kind>/` with a list of ids (admin API key required). */
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

export const getHomeDatasets = (api: SiteApi) => getHome(api, 'datasets');
export const setHomeDatasets = (api: SiteApi, ids: readonly string[]) =>
  setHome(api, 'datasets', ids);
export const getHomeReuses = (api: SiteApi) => getHome(api, 'reuses');
export const setHomeReuses = (api: SiteApi, ids: readonly string[]) => setHome(api, 'reuses', ids);
