/**
 * **dcat-harvest/udata**: a client of the udata Site API (activity stream, home page, context).
 *
 * @module dcat-harvest/udata
 */
export { createSiteApi } from './api.js';
export type { SiteApi, SiteApiOptions } from './api.js';
export { getActivity, walkActivity } from './activity.js';
export type { ActivityPage, ActivityQuery } from './activity.js';
export {
  getHome,
  getHomeDatasets,
  getHomeReuses,
  setHome,
  setHomeDatasets,
  setHomeReuses,
} from './home.js';
export type { HomeKind } from './home.js';
export { getSiteContext } from './context.js';
export type { ApiRequest } from './api.js';
