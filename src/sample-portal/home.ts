// **home** serves the legacy /site/home/datasets/ and /site/home/reuses/ lists (GET public, PUT admin).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { datasetHeader, indexOfDatasetId, type CatalogConfig } from './catalog.js';
import type { Site } from './dataset-graph.js';
import { LATEST, objectId } from './ids.js';
import { sendError, sendJson } from './respond.js';

export const REUSE_COUNT = 12;

/** Reuse `k` of the portal. */
export function reuseAt(seed: number, site: Site, k: number): Record<string, unknown> {
  const id = objectId(seed, 'reuse', k, LATEST - k * 86400);
  return {
    id,
    title: `Réutilisation ${k + 1}`,
    slug: `reutilisation-${k + 1}`,
    page: `${site.base}/reuses/reutilisation-${k + 1}/`,
    uri: `${site.base}/api/1/reuses/${id}/`,
  };
}

function datasetSummary(config: CatalogConfig, site: Site, index: number): Record<string, unknown> {
  const h = datasetHeader(config, index);
  return {
    id: h.id,
    title: h.title,
    slug: h.slug,
    page: `${site.base}/datasets/${h.slug}/`,
    uri: `${site.base}/api/1/datasets/${h.id}/`,
  };
}

/** The mutable home lists of one portal. */
export class Home {
  datasets: string[];
  reuses: string[];

  constructor(
    private readonly config: CatalogConfig,
    private readonly site: Site,
  ) {
    this.datasets = Array.from(
      { length: Math.min(3, config.datasets) },
      (_, i) => datasetHeader(config, i).id,
    );
    this.reuses = [0, 1].map((k) => reuseAt(config.seed, site, k).id as string);
  }

  private list(kind: 'datasets' | 'reuses'): Record<string, unknown>[] {
    if (kind === 'datasets') {
      return this.datasets.map((id) =>
        datasetSummary(this.config, this.site, indexOfDatasetId(this.config, id) ?? 0),
      );
    }
    const all = Array.from({ length: REUSE_COUNT }, (_, k) =>
      reuseAt(this.config.seed, this.site, k),
    );
    return this.reuses
      .map((id) => all.find((r) => r.id === id))
      .filter((r): r is Record<string, unknown> => !!r);
  }

  /** Handles GET and PUT; `role` is the caller's (from X-API-KEY). */
  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    kind: 'datasets' | 'reuses',
    role: 'admin' | 'user' | undefined,
  ): Promise<void> {
    if (req.method === 'GET' || req.method === 'HEAD') return sendJson(res, 200, this.list(kind));
    if (req.method !== 'PUT')
      return sendError(res, 405, 'The method is not allowed for the requested URL.');
    if (!role) return sendError(res, 401, 'Unauthorized: an API key (X-API-KEY) is required');
    if (role !== 'admin')
      return sendError(res, 403, 'Forbidden: only site administrators may change the home page');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = undefined;
    }
    if (!Array.isArray(body) || !body.every((v) => typeof v === 'string')) {
      return sendError(res, 400, 'Expect a list of identifiers');
    }
    const ids = body as string[];
    if (kind === 'datasets')
      this.datasets = ids.filter((id) => indexOfDatasetId(this.config, id) !== undefined);
    else {
      const known = new Set(
        Array.from({ length: REUSE_COUNT }, (_, k) => reuseAt(this.config.seed, this.site, k).id),
      );
      this.reuses = ids.filter((id) => known.has(id));
    }
    return sendJson(res, 200, this.list(kind));
  }
}
