/**
 * **dcat-harvest/fetch**: the HTTP client, catalog sources, paging and the harvest folder.
 *
 * @module dcat-harvest/fetch
 */
export { createHttpClient, ensureOk, isRetryableStatus } from './http.js';
export type {
  HttpClient,
  HttpClientOptions,
  HttpResponse,
  RequestOptions,
  RetryEvent,
} from './http.js';
export { harvest, readHarvestFolder } from './harvest.js';
export type { HarvestEvent, HarvestOptions, HarvestSummary } from './harvest.js';
export type { HarvestFolder, HarvestFolderPage } from './harvest-folder.js';
export type { Completeness, HarvestManifest, PageEntry, PageError } from './manifest.js';
export { readPaging } from './paging.js';
export type { PagingLinks } from './paging.js';
export { resolveSource } from './source.js';
export type { CatalogFilters, ResolvedSource } from './source.js';
export type { CswManifest, RepairLine } from './manifest.js';
export type { BackoffOptions } from './backoff.js';
export type { HostLease, HostLimiter, HostLimits, HostLimitsFactory } from './host-limiter.js';
