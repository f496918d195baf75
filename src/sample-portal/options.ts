// **options** are what startSamplePortal accepts, resolved to validated settings.
import type { CatalogConfig } from './catalog.js';
import { defectRates, type DefectId } from './defects.js';
import { parseFaults, type FaultSpec } from './faults.js';

/** Options of `startSamplePortal` (all optional). */
export interface SamplePortalOptions {
  /** Number of datasets (default 2,000; data.gouv.fr has ≈ 74,200). */
  datasets?: number;
  /** Seed of every generated value (default 1). Same seed, same bytes. */
  seed?: number;
  /** TCP port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Faults to inject, as a spec string (`5xx=0.05,reset=p7`) or object. */
  faults?: FaultSpec | string;
  /** Fixed delay in ms before every catalog page (added to the `latency` fault). */
  pageLatency?: number;
  /** Defect rates per dataset, by defect id (defaults in DEFAULT_DEFECT_RATES). */
  defects?: Partial<Record<DefectId, number>>;
  /** Datasets with thousands of resources (default: one per 15,000 datasets). */
  giants?: number;
  /** Origin the IRIs and links are minted with (default: the server's own `http://127.0.0.1:<port>`). */
  baseUrl?: string;
  /** Site title (default "Sample udata portal"). */
  title?: string;
  /** API keys accepted in X-API-KEY: admins may PUT the home lists, users get 403. */
  apiKeys?: { admin?: string[]; user?: string[] };
  /** Serve /site/home/datasets/ and /site/home/reuses/ (default true); false answers 404 as udata ≥ 10.9. */
  homeEndpoints?: boolean;
}

/** The options of a portal resolved: every default filled in. */
export interface PortalSettings {
  catalog: CatalogConfig;
  port: number;
  faults: FaultSpec;
  pageLatency: number;
  baseUrl?: string;
  title: string;
  adminKeys: ReadonlySet<string>;
  userKeys: ReadonlySet<string>;
  homeEndpoints: boolean;
}

export const DEFAULT_ADMIN_KEY = 'sample-admin-key';
export const DEFAULT_USER_KEY = 'sample-user-key';

function integer(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `sample portal option "${name}" must be an integer from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}

/** Validates options (RangeError naming the option when one is wrong). */
export function resolveOptions(options: SamplePortalOptions = {}): PortalSettings {
  const datasets = integer('datasets', options.datasets, 2000, 0, 16_000_000);
  return {
    catalog: {
      datasets,
      seed: integer('seed', options.seed, 1, 0, 0xffffffff),
      giants: integer('giants', options.giants, Math.round(datasets / 15000), 0, 100),
      defectRates: defectRates(options.defects),
    },
    port: integer('port', options.port, 0, 0, 65535),
    faults:
      typeof options.faults === 'string' ? parseFaults(options.faults) : (options.faults ?? {}),
    pageLatency: integer('pageLatency', options.pageLatency, 0, 0, 600_000),
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
    title: options.title ?? 'Sample udata portal',
    adminKeys: new Set(options.apiKeys?.admin ?? [DEFAULT_ADMIN_KEY]),
    userKeys: new Set(options.apiKeys?.user ?? [DEFAULT_USER_KEY]),
    homeEndpoints: options.homeEndpoints ?? true,
  };
}
