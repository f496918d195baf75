// **server** is startSamplePortal: a udata-compatible portal on 127.0.0.1, generated on demand from a seed.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { activityPage } from './activity.js';
import { indexOfDatasetId } from './catalog.js';
import {
  negotiateRedirect,
  organizationById,
  serveCatalog,
  serveDatasetRdf,
  type CatalogContext,
} from './catalog-route.js';
import { UDATA_CONTEXT } from './context.js';
import { serveCsw } from './csw.js';
import type { Site } from './dataset-graph.js';
import { applyMask, parseMask } from './field-mask.js';
import { Selections } from './filters.js';
import { computeGroundTruth, type GroundTruth } from './ground-truth.js';
import { Home } from './home.js';
import { isObjectId } from './ids.js';
import { resolveOptions, type PortalSettings, type SamplePortalOptions } from './options.js';
import { redirect, sendBody, sendError, sendJson } from './respond.js';

/** Counters of what the portal served. */
export interface PortalStats {
  requests: number;
  /** Body bytes sent (after encoding). */
  bytes: number;
  byStatus: Record<string, number>;
}

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

type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  match: RegExpExecArray,
) => Promise<void> | void;

function positiveParam(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : NaN;
}

/** Starts a portal; resolves once it listens on 127.0.0.1. */
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
  let home: Home | undefined;
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

  const routes: [RegExp, Handler][] = [
    [
      /^\/geonetwork\/srv\/[a-z]{3}\/csw(?:-[\w-]+)?\/?$/,
      (req, res, url) => serveCsw(ctx, req, res, url),
    ],
    [
      /^\/api\/1\/site\/catalog(?:\.([^/]+))?$/,
      (req, res, url, m) =>
        m[1] === undefined
          ? negotiateRedirect(req, res, url, '/api/1/site/catalog', true)
          : serveCatalog(ctx, req, res, url, m[1]),
    ],
    [
      /^\/api\/1\/site\/data\.([^/]+)$/,
      (_req, res, _url, m) => redirect(res, `/api/1/site/catalog.${m[1] ?? ''}`),
    ],
    [
      /^\/api\/1\/site\/context\.jsonld$/,
      (_req, res) => sendJson(res, 200, UDATA_CONTEXT, { 'Content-Type': 'application/ld+json' }),
    ],
    [
      /^\/api\/1\/organizations\/([^/]+)\/catalog(?:\.([^/]+))?$/,
      (req, res, url, m) => {
        const org = organizationById(config, m[1] ?? '');
        if (!org) return sendError(res, 404, 'Organization not found');
        if (org.deleted) return sendError(res, 410, 'Organization has been deleted');
        const path = `/api/1/organizations/${org.id}/catalog`;
        return m[2] === undefined
          ? negotiateRedirect(req, res, url, path, true)
          : serveCatalog(ctx, req, res, url, m[2], org);
      },
    ],
    [
      /^\/api\/1\/datasets\/([^/]+)\/rdf(?:\.([^/]+))?$/,
      (req, res, url, m) =>
        m[2] === undefined
          ? negotiateRedirect(req, res, url, `/api/1/datasets/${m[1] ?? ''}/rdf`, false)
          : serveDatasetRdf(ctx, req, res, m[1] ?? '', m[2]),
    ],
    [
      /^\/api\/1\/activity\/?$/,
      (req, res, url) => {
        const q = url.searchParams;
        const page = positiveParam(q.get('page'), 1);
        const pageSize = positiveParam(q.get('page_size'), 20);
        if (Number.isNaN(page) || Number.isNaN(pageSize))
          return sendError(res, 400, 'page and page_size must be positive integers');
        const related = q.get('related_to');
        if (related !== null && !isObjectId(related))
          return sendError(res, 400, `related_to: "${related}" is not a valid ObjectId`);
        let relatedTo: number | undefined;
        if (related !== null) relatedTo = indexOfDatasetId(config, related) ?? -1;
        const body =
          relatedTo === -1
            ? {
                data: [],
                next_page: null,
                previous_page: null,
                page,
                page_size: pageSize,
                total: 0,
              }
            : activityPage(config, site, {
                page,
                pageSize,
                ...(relatedTo === undefined ? {} : { relatedTo }),
                ...(q.get('user') ? { user: q.get('user') as string } : {}),
                ...(q.get('organization') ? { organization: q.get('organization') as string } : {}),
              });
        const fields = req.headers['x-fields'];
        if (typeof fields === 'string' && fields.trim()) {
          try {
            return sendJson(res, 200, applyMask(body, parseMask(fields)));
          } catch (error) {
            return sendError(res, 400, (error as Error).message);
          }
        }
        return sendJson(res, 200, body);
      },
    ],
    [
      /^\/api\/1\/site\/home\/(datasets|reuses)\/?$/,
      (req, res, _url, m) => {
        if (!settings.homeEndpoints)
          return sendError(res, 404, 'The requested URL was not found on the server.');
        home ??= new Home(config, site);
        return home.handle(req, res, m[1] as 'datasets' | 'reuses', roleOf(req));
      },
    ],
    [
      /^\/_sample\/ground-truth\.json$/,
      (_req, res, url) => {
        const pageSize = positiveParam(url.searchParams.get('page_size'), 100);
        if (Number.isNaN(pageSize))
          return sendError(res, 400, 'page_size: must be a positive integer');
        sendJson(res, 200, groundTruth({ pageSize }));
      },
    ],
    [/^\/_sample\/stats\.json$/, (_req, res) => sendJson(res, 200, stats)],
    [
      /^\/(?:_sample\/files\/.+|api\/1\/datasets\/r\/[^/]+)$/,
      async (_req, res) => {
        stats.bytes += await sendBody(
          res,
          Buffer.from('sample resource\n'),
          'text/plain; charset=utf-8',
        );
      },
    ],
    [
      /^\/$/,
      async (_req, res) => {
        const html = `<!doctype html><title>${settings.title}</title><h1>${settings.title}</h1><p>Site catalog: <a href="/api/1/site/catalog.ttl">/api/1/site/catalog.ttl</a></p>\n`;
        stats.bytes += await sendBody(res, Buffer.from(html), 'text/html; charset=utf-8');
      },
    ],
  ];

  const roleOf = (req: IncomingMessage): 'admin' | 'user' | undefined => {
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string') return undefined;
    return settings.adminKeys.has(key) ? 'admin' : settings.userKeys.has(key) ? 'user' : undefined;
  };

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

/** The ground truth of a portal with these options, without starting it (IRIs use `options.baseUrl`). */
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
