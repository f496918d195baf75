// **dashboard-pages** registers the dashboard's pages: catalogs, one catalog, one publisher, and a run's full HTML report.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { catalogHistory, catalogPublishers, publisherDetail } from '../history/queries.js';
import { REPORT_FILES } from '../run/run.js';
import type { Dashboard } from './dashboard.js';
import { catalogPage } from './pages/catalog-page.js';
import { catalogsPage } from './pages/catalogs-page.js';
import { DATASETS_PER_PAGE, publisherPage } from './pages/publisher-page.js';
import type { StoredDiff } from './run-diff.js';
import type { ServeContext } from './serve-context.js';

/**
 * The HTML report carries its own inline script and style: it is served sandboxed (an opaque
 * origin: it can reach nothing of this server's), its inline code allowed, nothing else.
 */
export const REPORT_CSP =
  "sandbox allow-scripts; default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const notFound = (message: string) => Object.assign(new Error(message), { statusCode: 404 });
const HTML = 'text/html; charset=utf-8';
const ID = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' };
const NUMBER = { type: 'string', pattern: '^[0-9]{1,12}$' };

/** Registers the dashboard's pages. */
export function registerDashboardPages(
  app: FastifyInstance,
  ctx: ServeContext,
  dashboard: Dashboard,
): void {
  const { store } = dashboard;
  const viewOf = async (id: string) => {
    const view = await dashboard.view(id);
    if (!view) throw notFound(`no catalog "${id}"`);
    return view;
  };
  app.get('/catalogs', async (_req, reply) => {
    const views = await Promise.all(store.catalogs().map((c) => viewOf(c.id)));
    return reply.type(HTML).send(catalogsPage(views));
  });
  app.get(
    '/catalogs/:id',
    { schema: { params: { type: 'object', properties: { id: ID } } } },
    async (req, reply) => {
      const view = await viewOf((req.params as { id: string }).id);
      const diffFile = view.latest ? store.diffOf(view.latest.id) : undefined;
      const diff = diffFile
        ? (JSON.parse(await readFile(path.join(ctx.dataDir, diffFile), 'utf8')) as StoredDiff)
        : undefined;
      const html = catalogPage({
        view,
        runs: catalogHistory(store, view.id),
        publishers: catalogPublishers(store, view.id)?.publishers ?? [],
        ...(diff ? { diff } : {}),
      });
      return reply.type(HTML).send(html);
    },
  );
  app.get(
    '/catalogs/:id/publishers/:publisher',
    {
      schema: {
        params: { type: 'object', properties: { id: ID, publisher: NUMBER } },
        querystring: {
          type: 'object',
          properties: { page: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' } },
        },
      },
    },
    async (req, reply) => {
      const { id, publisher } = req.params as { id: string; publisher: string };
      const pageNo = Number((req.query as { page?: string }).page ?? '1');
      const view = await viewOf(id);
      const detail = publisherDetail(store, id, Number(publisher), {
        limit: DATASETS_PER_PAGE,
        offset: (pageNo - 1) * DATASETS_PER_PAGE,
      });
      if (!detail) throw notFound(`no publisher ${publisher} in the latest run of "${id}"`);
      return reply.type(HTML).send(publisherPage(view, detail, pageNo));
    },
  );
  app.get(
    '/runs/:id/report',
    { schema: { params: { type: 'object', properties: { id: NUMBER } } } },
    async (req, reply) => {
      const id = Number((req.params as { id: string }).id);
      const run = store.run(id);
      const file = run?.folder ? path.join(ctx.dataDir, run.folder, REPORT_FILES.html) : undefined;
      if (!file || run?.status !== 'done' || !(await stat(file).catch(() => undefined)))
        throw notFound(`run ${id} has no report (yet)`);
      return reply
        .type(HTML)
        .header('content-security-policy', REPORT_CSP)
        .send(createReadStream(file));
    },
  );
}
