// **routes** the sample portal's URL table: each path pattern with the handler that answers it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { activityPage } from './activity.js';
import { indexOfDatasetId, type CatalogConfig } from './catalog.js';
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
import type { GroundTruth } from './ground-truth.js';
import type { Home } from './home.js';
import { isObjectId } from './ids.js';
import type { PortalSettings } from './options.js';
import { redirect, sendBody, sendError, sendJson } from './respond.js';

/** Counters of what the portal served. */
export interface PortalStats {
  requests: number;
  /** Body bytes sent (after encoding). */
  bytes: number;
  byStatus: Record<string, number>;
}

/** Answers one request whose path matched the route's pattern. */
export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  match: RegExpExecArray,
) => Promise<void> | void;

/** What the routes answer from: the portal's state. */
export interface RouteContext {
  ctx: CatalogContext;
  settings: PortalSettings;
  stats: PortalStats;
  groundTruth(options: { pageSize?: number }): GroundTruth;
  roleOf(req: IncomingMessage): 'admin' | 'user' | undefined;
  /** The home page's lists, made on first use. */
  home(): Home;
}

/** A positive integer query parameter: `fallback` when absent, NaN when not a positive integer. */
export function positiveParam(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : NaN;
}

/** The portal's routes, in the order they are tried. */
export function portalRoutes(env: RouteContext): [RegExp, Handler][] {
  const { ctx, settings, stats, groundTruth, roleOf, home } = env;
  const { config, site } = ctx;
  return [
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
    [/^\/api\/1\/activity\/?$/, (req, res, url) => serveActivity(config, site, req, res, url)],
    [
      /^\/api\/1\/site\/home\/(datasets|reuses)\/?$/,
      (req, res, _url, m) => {
        if (!settings.homeEndpoints)
          return sendError(res, 404, 'The requested URL was not found on the server.');
        return home().handle(req, res, m[1] as 'datasets' | 'reuses', roleOf(req));
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
}

/** `GET /api/1/activity/`: a page of the activity stream, filtered and masked as udata does. */
function serveActivity(
  config: CatalogConfig,
  site: Site,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
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
}
