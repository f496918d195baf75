// **job-routes** registers the job resources: a large check's status, then its report by Accept.
import type { FastifyInstance } from 'fastify';
import type { AuditOutcome } from './checks.js';
import type { JobResult } from './check-jobs.js';
import type { Job } from './jobs.js';
import { contentTypeOf, renderAudit, renderValidation } from './render.js';
import { formatsOf, negotiate } from './report-formats.js';
import type { ServeContext } from './serve-context.js';

const notFound = (id: string) =>
  Object.assign(new Error(`no job ${id} (jobs are kept for an hour after they end)`), {
    statusCode: 404,
  });

/** Registers `GET /api/jobs/{id}` and `GET /api/jobs/{id}/report`. */
export function registerJobRoutes(app: FastifyInstance, ctx: ServeContext): void {
  const params = {
    type: 'object',
    properties: { id: { type: 'string', pattern: '^[0-9a-f-]{36}$' } },
  };
  app.get('/api/jobs/:id', { schema: { params } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const job = ctx.jobs.get(id);
    if (!job) throw notFound(id);
    if (job.view.status === 'done')
      return reply.code(303).header('location', `/api/jobs/${id}/report`).send(job.view);
    if (job.view.status !== 'failed') reply.header('retry-after', '2');
    return reply.send(job.view);
  });
  app.get('/api/jobs/:id/report', { schema: { params } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const job: Job<JobResult> | undefined = ctx.jobs.get(id);
    if (!job) throw notFound(id);
    if (job.view.status !== 'done' || !job.result)
      throw Object.assign(new Error(`job ${id} is ${job.view.status}, it has no report`), {
        statusCode: 409,
      });
    const formats = formatsOf(job.view.kind);
    const format = negotiate(req.headers.accept, formats);
    if (!format)
      throw Object.assign(new Error(`use one of ${formats.map((f) => f.mediaType).join(', ')}`), {
        statusCode: 406,
      });
    const { run, audit } = job.result;
    const body = run
      ? renderValidation(format, run, job.submission)
      : await renderAudit(format, audit as AuditOutcome, job.submission);
    return reply.type(contentTypeOf(format)).header('vary', 'Accept').send(body);
  });
}
