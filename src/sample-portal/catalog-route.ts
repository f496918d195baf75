// **catalog-route** answers catalog pages (site and organization) and single datasets, faults included.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CatalogConfig } from './catalog.js';
import { indexOfDatasetId } from './catalog.js';
import { addDataset, type Site } from './dataset-graph.js';
import { driftedPage } from './drift.js';
import { hits, type FaultSpec } from './faults.js';
import { type DatasetFilter, type Selections, words } from './filters.js';
import { blankLabel, PageGraph } from './graph.js';
import { counterOf } from './ids.js';
import { organizationAt, organizationCount, type Organization } from './owners.js';
import { buildPage, catalogPath } from './page.js';
import {
  chooseEncoding,
  corrupt,
  redirect,
  sendBody,
  sendError,
  sendServerError,
  sleep,
  type BodyFault,
} from './respond.js';
import { BROKEN_EXTENSIONS, negotiate, WIRE_FORMATS } from './wire.js';

/** What the catalog handlers share with the server. */
export interface CatalogContext {
  config: CatalogConfig;
  site: Site;
  faults: FaultSpec;
  pageLatency: number;
  selections: Selections;
  /** The other origin a cross-origin next link points to. */
  otherOrigin: string;
  /** Counts attempts per page key (1 on the first request). */
  attempt(key: string): number;
  /** Called with the bytes of each body served. */
  served(bytes: number): void;
}

/** page_size from which the portal answers 502, as data.gouv.fr does. */
export const MAX_PAGE_SIZE = 2000;

/** Parses a positive integer query value; undefined when absent, NaN when invalid. */
function positive(value: string | null): number | undefined {
  if (value === null) return undefined;
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : NaN;
}

/** The organization with ObjectId `id`, or undefined. */
export function organizationById(config: CatalogConfig, id: string): Organization | undefined {
  const k = counterOf(config.seed, 'organization', id);
  if (k === undefined || k >= organizationCount(config.datasets)) return undefined;
  const org = organizationAt(config.seed, k);
  return org.id === id ? org : undefined;
}

/** Redirects an extension-less request to the negotiated extension (relative Location). */
export function negotiateRedirect(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  path: string,
  paged: boolean,
): void {
  const ext = negotiate(req.headers.accept);
  if (!paged) return redirect(res, `${path}.${ext}`);
  const query = new URLSearchParams(url.search);
  const page = query.get('page') ?? '1';
  const size = query.get('page_size') ?? '100';
  query.delete('page');
  query.delete('page_size');
  const rest = query.toString();
  redirect(res, `${path}.${ext}?page=${page}&page_size=${size}${rest ? '&' + rest : ''}`);
}

/** Serves `/api/1/site/catalog.<ext>` or `/api/1/organizations/<id>/catalog.<ext>`. */
export async function serveCatalog(
  ctx: CatalogContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ext: string,
  organization?: Organization,
): Promise<void> {
  if (BROKEN_EXTENSIONS.has(ext)) return sendServerError(res);
  const wire = WIRE_FORMATS[ext];
  if (!wire) return sendError(res, 404, 'The requested URL was not found on the server.');
  const q = url.searchParams;
  const page = positive(q.get('page')) ?? 1;
  const pageSize = positive(q.get('page_size')) ?? 100;
  if (Number.isNaN(page)) return sendError(res, 400, 'page: must be a positive integer');
  if (Number.isNaN(pageSize)) return sendError(res, 400, 'page_size: must be a positive integer');
  // data.gouv.fr's proxy gives up on pages this big (and they would not fit in memory here).
  if (pageSize >= MAX_PAGE_SIZE) return sendServerError(res, 502);
  const filter: DatasetFilter = { tags: q.getAll('tag') };
  const extra = new URLSearchParams();
  for (const tag of filter.tags) extra.append('tag', tag);
  const orgId = organization?.id ?? q.get('organization');
  if (orgId !== null && orgId !== undefined) {
    filter.organization = organizationById(ctx.config, orgId)?.index ?? -1;
    if (!organization) extra.append('organization', orgId);
  }
  const badge = q.get('badge');
  if (badge !== null) {
    filter.hvd = true;
    if (badge !== 'hvd') filter.tags.push(`\u0000badge:${badge}`);
    extra.append('badge', badge);
  }
  const text = q.get('q');
  if (text !== null) {
    filter.q = words(text);
    extra.append('q', text);
  }
  const filterQuery = extra.size > 0 ? '&' + extra.toString() : '';
  const selection = ctx.selections.select(filter);
  const { faults } = ctx;
  // Without the drift fault: total as is, page (page − 1) × pageSize onwards.
  const served = driftedPage(
    ctx.config.seed,
    faults.drift,
    selection ? selection.length : ctx.config.datasets,
    pageSize,
    page,
  );
  if (page > Math.max(1, served.last))
    return sendError(res, 404, `page ${page} is past the last page (${served.last})`);

  const hop = Number(q.get('_hop') ?? '0');
  if (faults.redirects && hop < faults.redirects) {
    const next = new URLSearchParams(url.search);
    next.set('_hop', String(hop + 1));
    return redirect(res, `${url.pathname}?${next.toString()}`);
  }
  const key = `${catalogPath(organization)}.${ext}?page=${page}&page_size=${pageSize}${filterQuery}`;
  const attempt = ctx.attempt(key);
  const seed = ctx.config.seed;
  await serveFaulted(
    ctx,
    req,
    res,
    { page, attempt, format: wire.format, contentType: wire.contentType },
    () => {
      const indices: number[] = [];
      for (let i = served.start; i < served.end; i += 1)
        indices.push(selection ? (selection[i] as number) : i);
      const writer = wire.writer(blankLabel(seed, 'graph', page));
      buildPage(
        ctx.config,
        ctx.site,
        {
          ...(organization ? { organization } : {}),
          ext,
          page,
          pageSize,
          total: served.announced,
          filterQuery,
          indices,
          loop: hits(seed, 'loop', faults.loop, page, attempt),
          ...(hits(seed, 'crossOrigin', faults.crossOrigin, page, attempt)
            ? { nextOrigin: ctx.otherOrigin }
            : {}),
        },
        writer,
      );
      return writer.finish();
    },
  );
}

/** Which page of a walk, which attempt at it, and how its body is written. */
export interface FaultedPage {
  page: number;
  attempt: number;
  format: string;
  contentType: string;
}

/**
 * Sends a page body through the fault rules: latency, 429, 5xx, then the body (`build`) malformed,
 * reset, truncated, oversized or dripped as the rules say for this page and attempt.
 */
export async function serveFaulted(
  ctx: CatalogContext,
  req: IncomingMessage,
  res: ServerResponse,
  { page, attempt, format, contentType }: FaultedPage,
  build: () => Buffer,
): Promise<void> {
  const { faults } = ctx;
  const seed = ctx.config.seed;
  const delay =
    ctx.pageLatency + (faults.latency ? faults.latency.base + faults.latency.perPage * page : 0);
  if (delay > 0) await sleep(delay);
  if (hits(seed, '429', faults['429'], page, attempt)) {
    return sendError(res, 429, 'Too many requests', {
      'Retry-After': String(faults.retryAfter ?? 1),
    });
  }
  if (hits(seed, '5xx', faults['5xx'], page, attempt))
    return sendServerError(res, [502, 503, 500][attempt % 3]);
  let body = build();
  if (hits(seed, 'malformed', faults.malformed, page, attempt)) {
    body = Buffer.from(corrupt(body.toString('utf8'), format));
  }
  let fault: BodyFault | undefined;
  if (hits(seed, 'reset', faults.reset, page, attempt)) fault = { kind: 'reset' };
  else if (hits(seed, 'truncate', faults.truncate, page, attempt)) fault = { kind: 'truncate' };
  else if (hits(seed, 'oversized', faults.oversized, page, attempt)) {
    const padding = format === 'rdfxml' ? 'xml' : format === 'jsonld' ? 'space' : 'comment';
    fault = { kind: 'oversized', bytes: faults.oversizedBytes ?? 64 * 1024 * 1024, padding };
  } else if (hits(seed, 'drip', faults.drip, page, attempt)) {
    fault = { kind: 'drip', interval: faults.dripInterval ?? 200, chunks: 16 };
  }
  const encoding = chooseEncoding(req, faults);
  ctx.served(
    await sendBody(res, body, contentType, {
      ...(fault ? { fault } : {}),
      encoding,
    }),
  );
}

/** Serves `/api/1/datasets/<id>/rdf.<ext>`: one dataset's graph, no catalog, no paging. */
export async function serveDatasetRdf(
  ctx: CatalogContext,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  ext: string,
): Promise<void> {
  if (BROKEN_EXTENSIONS.has(ext)) return sendServerError(res);
  const wire = WIRE_FORMATS[ext];
  if (!wire) return sendError(res, 404, 'The requested URL was not found on the server.');
  const index = indexOfDatasetId(ctx.config, id);
  if (index === undefined) return sendError(res, 404, 'Dataset not found');
  const writer = wire.writer(blankLabel(ctx.config.seed, 'dataset-graph', index));
  addDataset(ctx.config, ctx.site, index, new PageGraph(writer));
  const body = writer.finish();
  ctx.served(
    await sendBody(res, body, wire.contentType, { encoding: chooseEncoding(req, ctx.faults) }),
  );
}
