// **catalog-routes** registers the dashboard's API: catalogs, their history and publishers, new catalogs and runs (admin), a run's status.
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkCatalogEntry } from '../catalogs/catalogs-file.js';
import type { CatalogOptions } from '../catalogs/catalog-options.js';
import { catalogHistory, catalogPublishers } from '../history/queries.js';
import { readRunReport } from '../run/read-report.js';
import { scheduleOf } from '../schedule/schedule.js';
import { accessOf } from './access.js';
import type { Dashboard } from './dashboard.js';
import { CATALOG_REQUEST_SCHEMA, RANGE_PATTERN } from './openapi-dashboard.js';
import type { ServeContext } from './serve-context.js';

const fail = (statusCode: number, message: string, hint?: string) =>
  Object.assign(new Error(message), { statusCode, ...(hint ? { hint } : {}) });

/** Writes need the admin key: 401 without a valid key, 403 with the read key or when none is set. */
export function requireAdmin(req: FastifyRequest, reply: FastifyReply, ctx: ServeContext): void {
  if (!ctx.keys.admin)
    throw fail(
      403,
      'writes are closed: this server was started without DCAT_HARVEST_ADMIN_KEY',
      'start the server with DCAT_HARVEST_ADMIN_KEY set to a long random secret',
    );
  const access = accessOf(req.headers.authorization, ctx.keys);
  if (access === 'write') return;
  if (access === 'read') throw fail(403, 'the read key cannot write: the admin key is needed');
  reply.header('www-authenticate', 'Bearer realm="dcat-harvest"');
  throw fail(
    401,
    'the admin key is needed: Authorization: Bearer KEY',
    'send the key the server was started with (DCAT_HARVEST_ADMIN_KEY)',
  );
}

const ID_PARAMS = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' } },
};
const RUN_PARAMS = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[0-9]{1,12}$' } },
};

interface CatalogRequest {
  id: string;
  source: string;
  title?: string;
  every?: string;
  cron?: string;
  options?: CatalogOptions;
}

/** Registers the catalog and run routes. */
export function registerCatalogRoutes(
  app: FastifyInstance,
  ctx: ServeContext,
  dashboard: Dashboard,
): void {
  const { store } = dashboard;
  const known = async (id: string) => {
    const view = await dashboard.view(id);
    if (!view) throw fail(404, `no catalog "${id}"`, 'GET /api/catalogs lists them');
    return view;
  };
  app.get('/api/catalogs', async () =>
    Promise.all(store.catalogs().map(async (c) => dashboard.view(c.id))),
  );
  app.get('/api/catalogs/:id', { schema: { params: ID_PARAMS } }, async (req) =>
    known((req.params as { id: string }).id),
  );
  app.get(
    '/api/catalogs/:id/history',
    {
      schema: {
        params: ID_PARAMS,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            from: { type: 'string', pattern: RANGE_PATTERN },
            to: { type: 'string', pattern: RANGE_PATTERN },
          },
        },
      },
    },
    async (req) => {
      const { id } = req.params as { id: string };
      const range = req.query as { from?: string; to?: string };
      await known(id);
      return { catalog: id, ...range, runs: catalogHistory(store, id, range) };
    },
  );
  app.get('/api/catalogs/:id/publishers', { schema: { params: ID_PARAMS } }, async (req) => {
    const { id } = req.params as { id: string };
    await known(id);
    const found = catalogPublishers(store, id);
    return { catalog: id, run: found?.run ?? null, publishers: found?.publishers ?? [] };
  });
  registerWrites(app, ctx, dashboard, known);
  app.get('/api/runs/:id', { schema: { params: RUN_PARAMS } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    const run = store.run(id);
    if (!run) throw fail(404, `no run ${id}`);
    if (run.status === 'queued' || run.status === 'running') {
      reply.header('retry-after', '5');
      return run;
    }
    if (run.status !== 'done' || !run.folder) return run;
    const { head } = await readRunReport(path.join(ctx.dataDir, run.folder));
    return { ...run, report: head, links: { html: `/runs/${id}/report` } };
  });
}

/** The admin's routes: a new catalog, a run now. */
function registerWrites(
  app: FastifyInstance,
  ctx: ServeContext,
  dashboard: Dashboard,
  known: (id: string) => Promise<unknown>,
): void {
  app.post(
    '/api/catalogs',
    {
      preHandler: async (req, reply) => requireAdmin(req, reply, ctx),
      schema: { body: { content: { 'application/json': { schema: CATALOG_REQUEST_SCHEMA } } } },
    },
    async (req, reply) => {
      const body = req.body as CatalogRequest;
      const problems = await checkCatalogEntry({
        id: body.id,
        source: body.source,
        ...body.options,
      });
      if (problems.length > 0) throw fail(400, `invalid catalog: ${problems.join('; ')}`);
      if (!/^(?:csw\+)?https?:\/\//i.test(body.source) && !path.isAbsolute(body.source))
        throw fail(400, `source "${body.source}" is neither a URL nor an absolute path`);
      const added = await dashboard.add({
        id: body.id,
        ...(body.title === undefined ? {} : { title: body.title }),
        source: body.source,
        options: body.options ?? {},
        schedule: scheduleOf(body, 'catalog'),
        origin: 'api',
      });
      if (!added) throw fail(409, `catalog "${body.id}" exists`, 'choose another id');
      return reply
        .code(201)
        .header('location', `/api/catalogs/${body.id}`)
        .send(await dashboard.view(body.id));
    },
  );
  app.post(
    '/api/catalogs/:id/runs',
    {
      preHandler: async (req, reply) => requireAdmin(req, reply, ctx),
      schema: { params: ID_PARAMS },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      await known(id);
      const run = dashboard.runner.request(id, 'api');
      return reply.code(202).header('location', `/api/runs/${run.id}`).send(run);
    },
  );
}
