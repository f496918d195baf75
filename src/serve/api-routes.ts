// **api-routes** registers the REST API: the two checks, the profiles and the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import { listProfiles } from '../shacl/profiles.js';
import { checkAnswer, submissionOf } from './check-flow.js';
import { CHECK_REQUEST_SCHEMA, openApiDocument } from './openapi.js';
import { formatsOf, negotiate, type CheckKind } from './report-formats.js';
import { contentTypeOf } from './render.js';
import type { ServeContext } from './serve-context.js';

/** A 406 naming what we produce. */
function notAcceptable(kind: CheckKind): Error & { statusCode: number } {
  const types = formatsOf(kind).map((f) => f.mediaType);
  return Object.assign(
    new Error(`none of the acceptable media types is produced; use one of ${types.join(', ')}`),
    {
      statusCode: 406,
    },
  );
}

/** Registers the API routes. */
export function registerApiRoutes(app: FastifyInstance, ctx: ServeContext): void {
  const rateLimit = ctx.rateLimit > 0 ? { max: ctx.rateLimit, timeWindow: 60_000 } : false;
  for (const kind of ['validate', 'audit'] as const) {
    app.post(
      `/api/${kind}`,
      {
        config: { rateLimit },
        schema: { body: { content: { 'application/json': { schema: CHECK_REQUEST_SCHEMA } } } },
      },
      async (req, reply) => {
        const format = negotiate(req.headers.accept, formatsOf(kind));
        if (!format) throw notAcceptable(kind);
        const submission = await submissionOf(ctx, req);
        try {
          const body = await checkAnswer(ctx, kind, format, submission);
          return await reply.type(contentTypeOf(format)).header('vary', 'Accept').send(body);
        } finally {
          await ctx.submissions.remove(submission.id);
        }
      },
    );
  }
  app.get('/api/profiles', async () =>
    listProfiles().map((p) => ({
      id: p.id,
      title: p.title,
      defaultLevel: p.defaultLevel,
      levels: Object.keys(p.levels),
    })),
  );
  const document = openApiDocument();
  app.get('/api/openapi.json', async () => document);
}
