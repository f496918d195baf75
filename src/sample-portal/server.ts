// **server** is startSamplePortal: a udata-compatible portal on 127.0.0.1, generated on demand from a seed.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CatalogContext } from './catalog-route.js';
import type { Site } from './dataset-graph.js';
import { Selections } from './filters.js';
import { computeGroundTruth, type GroundTruth } from './ground-truth.js';
import { Home } from './home.js';
import { resolveOptions, type PortalSettings, type SamplePortalOptions } from './options.js';
import { sendError } from './respond.js';
import { portalRoutes, type PortalStats } from './routes.js';

export type { PortalStats } from './routes.js';

/** A running sample portal. */
export interface SamplePortal {
  /** The portal root, e.g. `http://127.0.0.1:43123` (the site catalog is `<url>/api/1/site/catalog`). */
  url: string;
  port: number;
  settings: PortalSettings;
  /** Which dataset has which planted defect, and what drift does to a walk at `pageSize` (default 100). */
  groundTruth(options?: { pageSize?: number }): GroundTruth;
  /** What the portal has served so far. */
  stats(): PortalStats;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Starts a portal; resolves once it listens on 127.0.0.1.
 *
 * @example
 * ```ts
 * import { harvest } from 'dcat-harvest';
 * import { startSamplePortal } from 'dcat-harvest/sample-portal';
 *
 * const portal = await startSamplePortal({ datasets: 1000, seed: 7, faults: '5xx=0.05' });
 * try {
 *   const summary = await harvest(portal.url, { out: 'harvest-sample' });
 *   console.log(summary.manifest.completeness?.uniqueDatasets, portal.stats().requests);
 * } finally {
 *   await portal.close();
 * }
 * ```
 */
export async function startSamplePortal(options: SamplePortalOptions = {}): Promise<SamplePortal> {
  const settings = resolveOptions(options);
  const { catalog: config } = settings;
  const stats: PortalStats = { requests: 0, bytes: 0, byStatus: {} };
  const attempts = new Map<string, number>();
  const site: Site = { base: settings.baseUrl ?? 'http://127.0.0.1', title: settings.title };
  const ctx: CatalogContext = {
    config,
    site,
    faults: settings.faults,
    pageLatency: settings.pageLatency,
    selections: new Selections(config),
    otherOrigin: '',
    attempt: (key) => {
      const n = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, n);
      return n;
    },
    served: (bytes) => {
      stats.bytes += bytes;
    },
  };
  const truths = new Map<number, GroundTruth>();
  const groundTruth = ({ pageSize = 100 } = {}): GroundTruth => {
    let truth = truths.get(pageSize);
    if (!truth) {
      truth = computeGroundTruth(config, site, settings.faults, pageSize);
      // The page size only matters to drift; keep a few.
      if (truths.size >= 4) truths.delete(truths.keys().next().value as number);
      truths.set(pageSize, truth);
    }
    return truth;
  };

  const roleOf = (req: IncomingMessage): 'admin' | 'user' | undefined => {
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string') return undefined;
    return settings.adminKeys.has(key) ? 'admin' : settings.userKeys.has(key) ? 'user' : undefined;
  };

  let home: Home | undefined;
  const routes = portalRoutes({
    ctx,
    settings,
    stats,
    groundTruth,
    roleOf,
    home: () => (home ??= new Home(config, site)),
  });

  const server = createServer((req, res) => {
    stats.requests += 1;
    res.on('finish', () => {
      stats.byStatus[res.statusCode] = (stats.byStatus[res.statusCode] ?? 0) + 1;
    });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = req.headers['x-api-key'];
    if (key !== undefined && roleOf(req) === undefined)
      return sendError(res, 401, 'Invalid API Key');
    for (const [pattern, handler] of routes) {
      const match = pattern.exec(url.pathname);
      if (!match) continue;
      Promise.resolve(handler(req, res, url, match)).catch(() => {
        if (!res.headersSent) sendError(res, 500, 'Internal Server Error');
        else res.destroy();
      });
      return;
    }
    sendError(res, 404, 'The requested URL was not found on the server.');
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  site.base = settings.baseUrl ?? url;
  ctx.otherOrigin = `http://localhost:${port}`;
  return {
    url,
    port,
    settings,
    groundTruth,
    stats: () => ({ ...stats, byStatus: { ...stats.byStatus } }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The ground truth of a portal with these options, without starting it (IRIs use `options.baseUrl`).
 *
 * @example
 * ```ts
 * import { groundTruth } from 'dcat-harvest/sample-portal';
 *
 * const truth = groundTruth({ datasets: 500, seed: 7 });
 * console.log(truth.counts['missing-licence'], 'datasets without a licence');
 * ```
 */
export function groundTruth(
  options: SamplePortalOptions = {},
  { pageSize = 100 }: { pageSize?: number } = {},
): GroundTruth {
  const settings = resolveOptions(options);
  return computeGroundTruth(
    settings.catalog,
    { base: settings.baseUrl ?? 'http://127.0.0.1', title: settings.title },
    settings.faults,
    pageSize,
  );
}
