// **api-routes** registers the REST API: the two checks, the profiles and the OpenAPI document.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { listProfiles } from '../shacl/profiles.js';
import { checkAnswer, submissionOf } from './check-flow.js';
import { admitChecks, checkWork } from './check-gate.js';
import { CHECK_REQUEST_SCHEMA, openApiDocument } from './openapi.js';
import { formatsOf, negotiate, type CheckKind } from './report-formats.js';
import { contentTypeOf } from './render.js';
import type { ServeContext } from './serve-context.js';
import type { Submission } from './submissions.js';

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

/** Answers 202 with the job's status and `Location`, or 503 when too many jobs wait. */
async function acceptJob(
  ctx: ServeContext,
  kind: CheckKind,
  submission: Submission,
  reply: FastifyReply,
): Promise<FastifyReply> {
  if (ctx.jobs.full) {
    await ctx.submissions.remove(submission.id);
    reply.header('retry-after', '60');
    throw Object.assign(new Error('too many large documents wait to be checked; try later'), {
      statusCode: 503,
    });
  }
  const job = ctx.jobs.add(kind, submission, submission);
  return reply.code(202).header('location', `/api/jobs/${job.view.id}`).send(job.view);
}

/** Registers the API routes. */
export function registerApiRoutes(app: FastifyInstance, ctx: ServeContext): void {
  const rateLimit = ctx.rateLimit > 0 ? { max: ctx.rateLimit, timeWindow: 60_000 } : false;
  for (const kind of ['validate', 'audit'] as const) {
    app.post(
      `/api/${kind}`,
      {
        config: { rateLimit },
        onRequest: admitChecks(ctx.gate),
        schema: { body: { content: { 'application/json': { schema: CHECK_REQUEST_SCHEMA } } } },
      },
      async (req, reply) => {
        const format = negotiate(req.headers.accept, formatsOf(kind));
        if (!format) throw notAcceptable(kind);
        const submission = await submissionOf(ctx, req);
        if (submission.bytes > ctx.jobAboveBytes) return acceptJob(ctx, kind, submission, reply);
        try {
          const body = await checkWork(req, ctx.signal, (signal) =>
            checkAnswer(ctx, kind, format, submission, { signal }),
          );
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
