// **check-flow** turns an API request into a stored submission and its check into a rendered answer.
import type { FastifyRequest } from 'fastify';
import { UsageError } from '../errors.js';
import { auditSubmission, validateSubmission } from './checks.js';
import { intakeDocument } from './document-intake.js';
import { renderAudit, renderValidation } from './render.js';
import type { CheckKind, ReportFormat } from './report-formats.js';
import type { ServeContext } from './serve-context.js';
import type { CheckRequest, Submission } from './submissions.js';

/** The JSON body of a check (validated against the OpenAPI schema before it gets here). */
interface JsonCheck extends CheckRequest {
  url: string;
  format?: string;
}

/** Query parameters of a check with an RDF body. */
interface CheckQuery extends CheckRequest {
  format?: string;
}

const isJson = (request: FastifyRequest) =>
  /^application\/json\b/i.test(request.headers['content-type'] ?? '');

const request = (profile?: string, level?: string): CheckRequest => ({
  ...(profile ? { profile } : {}),
  ...(level ? { level } : {}),
});

/** Stores the request's document: its RDF body, or the body's URL fetched. */
export async function submissionOf(ctx: ServeContext, req: FastifyRequest): Promise<Submission> {
  if (isJson(req)) {
    const body = req.body as JsonCheck;
    const wanted = request(body.profile, body.level);
    await ctx.validators.get(wanted.profile, wanted.level); // an unknown profile: 400 before fetching
    const document = await ctx.fetcher.fetch(body.url, body.format, ctx.signal);
    return ctx.submissions.add(document, wanted, body.url);
  }
  const query = req.query as CheckQuery;
  const wanted = request(query.profile, query.level);
  await ctx.validators.get(wanted.profile, wanted.level);
  if (!Buffer.isBuffer(req.body) || req.body.length === 0)
    throw new UsageError('the body is empty', {
      hint: 'Send RDF (with its Content-Type) or JSON {"url": …}.',
    });
  const fileName = /filename="?([^";]+)"?/i.exec(req.headers['content-disposition'] ?? '')?.[1];
  const document = await intakeDocument(
    req.body,
    {
      ...(fileName ? { fileName } : {}),
      ...(req.headers['content-type'] ? { mediaType: req.headers['content-type'] } : {}),
      ...(query.format ? { format: query.format } : {}),
      gzipEncoded: /\bgzip\b/i.test(String(req.headers['content-encoding'] ?? '')),
    },
    ctx.maxDecodedBytes,
  );
  return ctx.submissions.add(document, wanted);
}

/**
 * Runs a check on a submission and renders it. Validations run with the submission's profile;
 * audits judge compliance with `compliance` (the submission's own for the API).
 */
export async function checkAnswer(
  ctx: ServeContext,
  kind: CheckKind,
  format: ReportFormat,
  submission: Submission,
  options: { downloads?: boolean; compliance?: CheckRequest; signal?: AbortSignal } = {},
): Promise<Buffer> {
  const downloads = options.downloads ?? false;
  const where = { threads: ctx.threads, signal: options.signal ?? ctx.signal };
  if (kind === 'validate') {
    const run = await validateSubmission(submission, ctx.validators, where);
    try {
      return renderValidation(format, run, submission, downloads);
    } finally {
      run.dispose?.();
    }
  }
  const audit = await auditSubmission(
    submission,
    ctx.validators,
    options.compliance ?? submission,
    where,
  );
  try {
    return await renderAudit(format, audit, submission, downloads);
  } finally {
    audit.report.dispose?.();
  }
}
