// **openapi** is the API's contract (OpenAPI 3.1): routes take their JSON schemas from it, tests check against it.
import { FORMATS } from '../rdf/formats.js';
import { VERSION } from '../version.js';
import { DASHBOARD_SCHEMAS, dashboardApiPaths, dashboardPagePaths } from './openapi-dashboard.js';
import { AUDIT_ANSWERS, VALIDATE_ANSWERS, type ReportFormat } from './report-formats.js';

/** The JSON request of the checks: a document by URL, with a profile and level. */
export const CHECK_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    url: { type: 'string', pattern: '^[hH][tT][tT][pP][sS]?://', maxLength: 2048 },
    profile: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]*$', maxLength: 64 },
    level: { type: 'string', pattern: '^[a-z]+$', maxLength: 32 },
    format: { type: 'string', maxLength: 64 },
  },
} as const;

/** An RFC 9457 problem, with a parse error's position. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    hint: { type: 'string' },
    source: { type: 'string' },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 0 },
    retryAfter: { type: 'integer' },
  },
} as const;

/** A job: a large check's status (`GET /api/jobs/{id}`). */
export const JOB_SCHEMA = {
  type: 'object',
  required: ['id', 'kind', 'status', 'document', 'createdAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    kind: { enum: ['validate', 'audit'] },
    status: { enum: ['queued', 'running', 'done', 'failed'] },
    document: {
      type: 'object',
      required: ['name', 'bytes'],
      properties: { name: { type: 'string' }, bytes: { type: 'integer' } },
    },
    createdAt: { type: 'string', format: 'date-time' },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time' },
    ahead: { type: 'integer', minimum: 0 },
    error: { $ref: '#/components/schemas/Problem' },
  },
} as const;

const PROFILE_QUERY = [
  { name: 'profile', in: 'query', schema: CHECK_REQUEST_SCHEMA.properties.profile },
  { name: 'level', in: 'query', schema: CHECK_REQUEST_SCHEMA.properties.level },
  { name: 'format', in: 'query', schema: CHECK_REQUEST_SCHEMA.properties.format },
  {
    name: 'Content-Disposition',
    in: 'header',
    description: 'names the document in the report: attachment; filename="catalog.ttl"',
    schema: { type: 'string' },
  },
];

const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: PROBLEM_TEXT[status] ?? 'problem',
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
        ...(status === 429 || status === 503
          ? { headers: { 'Retry-After': { schema: { type: 'string' } } } }
          : {}),
      },
    ]),
  );

const PROBLEM_TEXT: Record<number, string> = {
  400: 'bad request: unknown profile or level, refused or malformed URL, bad JSON',
  401: 'a key is needed (Authorization: Bearer KEY)',
  403: 'this key cannot do that, or writes are closed (no admin key set)',
  404: 'no such resource (results expire after an hour)',
  406: 'none of the acceptable media types is produced',
  413: 'the body, or the document decompressed, is larger than the cap',
  415: 'the Content-Type is not an RDF format or JSON, or the format cannot be told',
  409: 'the job has not ended well: no report (yet); or the catalog exists',
  422: 'unparsable RDF (with line and column) or an unreadable document',
  429: 'too many requests from this client: wait Retry-After seconds',
  502: 'the URL given could not be fetched',
  503: 'the server is busy (checks running or waiting at --max-pending, or large documents waiting as jobs): try again after Retry-After seconds',
};

function reportContent(formats: readonly ReportFormat[]): Record<string, object> {
  const content: Record<string, object> = {};
  for (const f of formats)
    content[f.mediaType] = {
      schema: /json$/.test(f.mediaType) ? { type: 'object' } : { type: 'string' },
    };
  return content;
}

function rdfBodies(): Record<string, object> {
  const content: Record<string, object> = {
    'application/json': { schema: { $ref: '#/components/schemas/CheckRequest' } },
  };
  for (const format of Object.values(FORMATS))
    for (const type of format.mediaTypes)
      if (!content[type]) content[type] = { schema: { type: 'string' } };
  content['application/gzip'] = { schema: { type: 'string', contentEncoding: 'binary' } };
  return content;
}

function checkOperation(kind: 'validate' | 'audit', formats: readonly ReportFormat[]): object {
  const what =
    kind === 'validate'
      ? 'SHACL validation, as `dcat-harvest validate` (default profile dcat-ap-3 at its default level)'
      : 'MQA quality score, as `dcat-harvest audit` (compliance against dcat-ap-2, base, unless profile and level say otherwise; URLs not checked)';
  return {
    operationId: kind,
    summary: what,
    description:
      'The body is RDF in any serialization (its Content-Type names the format; gzip by magic number or Content-Encoding), or JSON naming a URL. The answer follows Accept.',
    parameters: PROFILE_QUERY,
    requestBody: { required: true, content: rdfBodies() },
    responses: {
      '200': { description: 'the report', content: reportContent(formats) },
      '202': {
        description: 'a large document: checked as a job, whose status is at Location',
        headers: { Location: { schema: { type: 'string' } } },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Job' } } },
      },
      ...problems(400, 401, 406, 413, 415, 422, 429, 502, 503),
    },
  };
}

const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: { type: 'string' } } },
});

const JOB_ID = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
};
const jobContent = { 'application/json': { schema: { $ref: '#/components/schemas/Job' } } };

/**
 * The OpenAPI 3.1 document of the server: the contract every route is tested against.
 *
 * @example
 * ```ts
 * import { openApiDocument } from 'dcat-harvest/serve';
 *
 * const document = openApiDocument();
 * console.log(document.openapi, Object.keys(document.paths as object));
 * ```
 */
export function openApiDocument(): Record<string, unknown> {
  const document = baseDocument();
  // With --read-key every route but the stylesheet answers 401 without a key: pages as the form.
  for (const [route, item] of Object.entries(document.paths as Record<string, object>))
    for (const operation of Object.values(item) as { responses: Record<string, unknown> }[]) {
      if (route === '/assets/style.css' || operation.responses['401']) continue;
      operation.responses['401'] =
        route === '/' || route === '/validator'
          ? html(`the form, with the problem: ${PROBLEM_TEXT[401]}`)
          : problems(401)['401'];
    }
  return document;
}

function baseDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'dcat-harvest serve',
      version: VERSION,
      description:
        'The DCAT-AP validator and MQA quality score of dcat-harvest as a web API. Reads are open unless the server runs with --read-key (then Authorization: Bearer KEY).',
    },
    components: {
      schemas: {
        CheckRequest: CHECK_REQUEST_SCHEMA,
        Problem: PROBLEM_SCHEMA,
        Job: JOB_SCHEMA,
        ...DASHBOARD_SCHEMAS,
      },
      securitySchemes: { key: { type: 'http', scheme: 'bearer' } },
    },
    paths: {
      '/api/validate': { post: checkOperation('validate', VALIDATE_ANSWERS) },
      '/api/audit': { post: checkOperation('audit', AUDIT_ANSWERS) },
      '/api/jobs/{id}': {
        get: {
          operationId: 'job',
          summary: 'a large check: queued, running, failed (with why), or done (303 to its report)',
          parameters: [JOB_ID],
          responses: {
            '200': { description: 'queued, running or failed', content: jobContent },
            '303': {
              description: 'done: the report is at Location',
              headers: { Location: { schema: { type: 'string' } } },
              content: jobContent,
            },
            ...problems(400, 401, 404, 429),
          },
        },
      },
      '/api/jobs/{id}/report': {
        get: {
          operationId: 'jobReport',
          summary: 'the report of a finished job, by Accept',
          parameters: [JOB_ID],
          responses: {
            '200': {
              description: 'the report',
              content: reportContent([...VALIDATE_ANSWERS, ...AUDIT_ANSWERS]),
            },
            ...problems(400, 401, 404, 406, 409, 429),
          },
        },
      },
      '/api/profiles': {
        get: {
          operationId: 'profiles',
          summary: 'the bundled SHACL profiles and their levels',
          responses: {
            '200': {
              description: 'profiles',
              content: {
                'application/json': {
                  schema: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'title', 'defaultLevel', 'levels'],
                      properties: {
                        id: { type: 'string' },
                        title: { type: 'string' },
                        defaultLevel: { type: 'string' },
                        levels: { type: 'array', items: { type: 'string' } },
                      },
                    },
                  },
                },
              },
            },
            ...problems(401, 429),
          },
        },
      },
      '/api/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'this document',
          responses: {
            '200': {
              description: 'OpenAPI 3.1',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
      ...dashboardApiPaths(problems),
      ...pagePaths(),
      ...dashboardPagePaths(problems, html),
    },
  };
}

/** The paths of the pages (the validator form, its results and downloads, the stylesheet). */
function pagePaths(): Record<string, unknown> {
  const downloads = [...VALIDATE_ANSWERS, ...AUDIT_ANSWERS];
  return {
    '/': {
      get: {
        operationId: 'validatorPage',
        summary: 'the validator form',
        responses: { '200': html('the form') },
      },
    },
    '/validator': {
      post: {
        operationId: 'validatorResult',
        summary: 'the form posted: validation and quality score on one page',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  text: { type: 'string' },
                  file: { type: 'string', contentEncoding: 'binary' },
                  url: { type: 'string' },
                  format: { type: 'string' },
                  profile: { type: 'string' },
                  level: { type: 'string' },
                  shapes: { type: 'string', contentEncoding: 'binary' },
                },
              },
            },
          },
        },
        responses: {
          '200': html('the result page'),
          ...Object.fromEntries(
            [400, 413, 415, 422, 429, 502, 503].map((s) => [
              String(s),
              {
                ...html(`the form again, with the problem: ${PROBLEM_TEXT[s]}`),
                ...(s === 429 || s === 503
                  ? { headers: { 'Retry-After': { schema: { type: 'string' } } } }
                  : {}),
              },
            ]),
          ),
        },
      },
    },
    '/results/{id}/{report}': {
      get: {
        operationId: 'download',
        summary: 'a result of the validator page in another format (kept for an hour)',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          {
            name: 'report',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^(validation|audit)\\.[a-z]+$' },
          },
        ],
        responses: {
          '200': {
            description: 'the report',
            content: Object.fromEntries(downloads.map((f) => [f.mediaType, { schema: {} }])),
          },
          ...problems(401, 404, 429, 503),
        },
      },
    },
    '/assets/style.css': {
      get: {
        operationId: 'stylesheet',
        summary: "the pages' stylesheet",
        responses: {
          '200': { description: 'CSS', content: { 'text/css': { schema: { type: 'string' } } } },
        },
      },
    },
  };
}
