// **openapi-dashboard** is the dashboard's part of the OpenAPI document: catalogs, history, publishers, runs, and the pages.
import { EVERY_PATTERN } from '../schedule/schedule.js';

/** `from` and `to` of a history: a date or a date-time (UTC, ISO 8601). */
export const RANGE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]+Z?)?$';

const CATALOG_ID = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' } as const;

/** The body of `POST /api/catalogs`: a catalogs file's entry, its options apart. */
export const CATALOG_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'source'],
  properties: {
    id: CATALOG_ID,
    source: { type: 'string', minLength: 1, maxLength: 2048 },
    title: { type: 'string', maxLength: 300 },
    every: { type: 'string', pattern: EVERY_PATTERN, maxLength: 32 },
    cron: { type: 'string', minLength: 1, maxLength: 100 },
    options: { type: 'object', description: 'options of a catalogs file entry (docs/catalogs.md)' },
  },
} as const;

const COUNTS = {
  type: 'object',
  required: ['violation', 'warning', 'info'],
  properties: {
    violation: { type: 'integer' },
    warning: { type: 'integer' },
    info: { type: 'integer' },
  },
};
const RATING = { enum: ['excellent', 'good', 'sufficient', 'bad'] };
const DIMENSIONS = { type: 'object', additionalProperties: { type: 'number' } };
const DATE_TIME = { type: 'string', format: 'date-time' };

/** A run: its status, then its results (and, from `GET /api/runs/{id}`, its report's head). */
export const RUN_SCHEMA = {
  type: 'object',
  required: ['id', 'catalog', 'status', 'trigger', 'queuedAt'],
  properties: {
    id: { type: 'integer' },
    catalog: { type: 'string' },
    status: { enum: ['queued', 'running', 'done', 'failed'] },
    trigger: { enum: ['schedule', 'api', 'start'] },
    queuedAt: DATE_TIME,
    startedAt: DATE_TIME,
    finishedAt: DATE_TIME,
    error: { type: 'string' },
    exitCode: { type: 'integer' },
    folder: { type: 'string' },
    score: { type: 'number' },
    maxPoints: { type: 'number' },
    rating: RATING,
    dimensions: DIMENSIONS,
    records: { type: 'integer' },
    conformingRecords: { type: 'integer' },
    datasets: { type: 'integer' },
    distributions: { type: 'integer' },
    publishers: { type: 'integer' },
    findings: COUNTS,
    brokenLinks: { type: 'integer' },
    harvest: {
      type: 'object',
      required: ['pages', 'missingPages', 'records', 'complete'],
      properties: {
        pages: { type: 'integer' },
        missingPages: { type: 'integer' },
        records: { type: 'integer' },
        totalItems: { type: 'integer' },
        complete: { type: 'boolean' },
      },
    },
    durationMs: { type: 'integer' },
    report: { type: 'object', description: "the run's report.json without its dataset rows" },
    links: { type: 'object', properties: { html: { type: 'string' } } },
  },
};

/** A catalog: settings, latest run, trend, next run. */
export const CATALOG_SCHEMA = {
  type: 'object',
  required: ['id', 'source', 'origin', 'options', 'schedule', 'trend'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    source: { type: 'string' },
    origin: { enum: ['file', 'api'] },
    options: { type: 'object' },
    schedule: {
      type: 'object',
      additionalProperties: false,
      properties: { every: { type: 'string' }, cron: { type: 'string' } },
    },
    latest: { $ref: '#/components/schemas/Run' },
    lastRun: { $ref: '#/components/schemas/Run' },
    nextRunAt: DATE_TIME,
    trend: { type: 'array', items: { type: 'number' } },
  },
};

/** A publisher of the latest run, with its trend. */
export const PUBLISHER_SCHEMA = {
  type: 'object',
  required: ['id', 'key', 'name', 'datasets', 'score', 'rating', 'dimensions', 'findings', 'trend'],
  properties: {
    id: { type: 'integer' },
    key: { type: 'string' },
    name: { type: 'string' },
    datasets: { type: 'integer' },
    score: { type: 'number' },
    rating: RATING,
    dimensions: DIMENSIONS,
    findings: COUNTS,
    brokenLinks: { type: 'integer' },
    trend: { type: 'array', items: { type: 'number' } },
  },
};

type Problems = (...statuses: number[]) => Record<string, unknown>;
type Html = (description: string) => object;

const json = (schema: object) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const idParam = { name: 'id', in: 'path', required: true, schema: CATALOG_ID };
const runParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9]{1,12}$' },
};
const admin = [{ key: [] }];

/** A catalog's history and publishers. */
function historyPaths(problems: Problems): Record<string, unknown> {
  return {
    '/api/catalogs/{id}/history': {
      get: {
        operationId: 'catalogHistory',
        summary:
          'the finished runs (done or failed) by their end, oldest first; from included, to excluded',
        parameters: [
          idParam,
          { name: 'from', in: 'query', schema: { type: 'string', pattern: RANGE_PATTERN } },
          { name: 'to', in: 'query', schema: { type: 'string', pattern: RANGE_PATTERN } },
        ],
        responses: {
          '200': {
            description: 'the runs',
            content: json({
              type: 'object',
              required: ['catalog', 'runs'],
              properties: {
                catalog: { type: 'string' },
                from: { type: 'string' },
                to: { type: 'string' },
                runs: { type: 'array', items: ref('Run') },
              },
            }),
          },
          ...problems(400, 404),
        },
      },
    },
    '/api/catalogs/{id}/publishers': {
      get: {
        operationId: 'catalogPublishers',
        summary:
          'the publishers of the latest run, worst first, with the scores of the last 30 runs',
        parameters: [idParam],
        responses: {
          '200': {
            description: 'the publishers (none before a first run)',
            content: json({
              type: 'object',
              required: ['catalog', 'run', 'publishers'],
              properties: {
                catalog: { type: 'string' },
                run: { type: ['integer', 'null'] },
                publishers: { type: 'array', items: ref('Publisher') },
              },
            }),
          },
          ...problems(400, 404),
        },
      },
    },
  };
}

/** The dashboard's API paths (`problems` builds the shared answers). */
export function dashboardApiPaths(problems: Problems): Record<string, unknown> {
  return {
    '/api/catalogs': {
      get: {
        operationId: 'catalogs',
        summary: 'every catalog: latest run, trend, next run',
        responses: {
          '200': {
            description: 'catalogs',
            content: json({ type: 'array', items: ref('Catalog') }),
          },
          ...problems(429),
        },
      },
      post: {
        operationId: 'addCatalog',
        summary: 'adds a catalog (admin key), on its schedule',
        security: admin,
        requestBody: { required: true, content: json(ref('CatalogRequest')) },
        responses: {
          '201': {
            description: 'added; at Location',
            headers: { Location: { schema: { type: 'string' } } },
            content: json(ref('Catalog')),
          },
          ...problems(400, 401, 403, 409, 415),
        },
      },
    },
    '/api/catalogs/{id}': {
      get: {
        operationId: 'catalog',
        summary: 'one catalog',
        parameters: [idParam],
        responses: {
          '200': { description: 'the catalog', content: json(ref('Catalog')) },
          ...problems(400, 404),
        },
      },
    },
    ...historyPaths(problems),
    '/api/catalogs/{id}/runs': {
      post: {
        operationId: 'runCatalog',
        summary: 'runs a catalog now (admin key); a run already waiting is answered instead',
        security: admin,
        parameters: [idParam],
        responses: {
          '202': {
            description: 'queued; its status at Location',
            headers: { Location: { schema: { type: 'string' } } },
            content: json(ref('Run')),
          },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    '/api/runs/{id}': {
      get: {
        operationId: 'run',
        summary:
          "a run's status (Retry-After while it waits or runs), then its report's head and a link to its HTML report",
        parameters: [runParam],
        responses: {
          '200': { description: 'the run', content: json(ref('Run')) },
          ...problems(400, 404),
        },
      },
    },
  };
}

/** The dashboard's pages. */
export function dashboardPagePaths(problems: Problems, html: Html): Record<string, unknown> {
  const pub = {
    name: 'publisher',
    in: 'path',
    required: true,
    schema: { type: 'string', pattern: '^[0-9]{1,12}$' },
  };
  return {
    '/catalogs': {
      get: {
        operationId: 'catalogsPage',
        summary: 'the catalogs page',
        responses: { '200': html('the catalogs') },
      },
    },
    '/catalogs/{id}': {
      get: {
        operationId: 'catalogPage',
        summary: 'one catalog: history, publishers, diff',
        parameters: [idParam],
        responses: { '200': html('the catalog'), ...problems(400, 404) },
      },
    },
    '/catalogs/{id}/publishers/{publisher}': {
      get: {
        operationId: 'publisherPage',
        summary: 'one publisher: fixes first, then its datasets worst first',
        parameters: [
          idParam,
          pub,
          { name: 'page', in: 'query', schema: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' } },
        ],
        responses: { '200': html('the publisher'), ...problems(400, 404) },
      },
    },
    '/runs/{id}/report': {
      get: {
        operationId: 'runReport',
        summary: "a run's full HTML report (sandboxed)",
        parameters: [runParam],
        responses: { '200': html('the report'), ...problems(400, 404) },
      },
    },
  };
}

/** The dashboard's component schemas. */
export const DASHBOARD_SCHEMAS = {
  Run: RUN_SCHEMA,
  Catalog: CATALOG_SCHEMA,
  Publisher: PUBLISHER_SCHEMA,
  CatalogRequest: CATALOG_REQUEST_SCHEMA,
};

/** The dashboard's operations (`GET /api/catalogs`…), as `METHOD /path`. */
export function dashboardOperations(): string[] {
  const paths = {
    ...dashboardApiPaths(() => ({})),
    ...dashboardPagePaths(
      () => ({}),
      () => ({}),
    ),
  };
  return Object.entries(paths).flatMap(([route, item]) =>
    Object.keys(item as object).map((method) => `${method.toUpperCase()} ${route}`),
  );
}
