// **page-routes** registers the validator's pages: the form, its result, downloads and the stylesheet.
import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UsageError } from '../errors.js';
import { checkAnswer } from './check-flow.js';
import { admitChecks, checkWork } from './check-gate.js';
import { AUDIT_LEVEL, AUDIT_PROFILE, auditSubmission, validateSubmission } from './checks.js';
import { intakeDocument, type IntakeDocument } from './document-intake.js';
import { SERVE_CSS } from './pages/layout.js';
import { resultPage } from './pages/result-page.js';
import { validatorPage, type FormState } from './pages/validator-page.js';
import { byExtension, formatsOf } from './report-formats.js';
import { contentTypeOf } from './render.js';
import type { ServeContext } from './serve-context.js';
import type { Submission } from './submissions.js';

/** The posted form: its fields and the uploaded file, if any. */
interface PostedForm extends FormState {
  file?: Upload;
  /** The user's own SHACL shapes, instead of a profile. */
  shapes?: Upload;
}

interface Upload {
  bytes: Buffer;
  name: string;
  mediaType: string;
}

const FIELDS = new Set(['text', 'url', 'format', 'profile', 'level']);

async function readForm(req: FastifyRequest): Promise<PostedForm> {
  const form: PostedForm = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if ((part.fieldname === 'file' || part.fieldname === 'shapes') && bytes.length > 0)
        form[part.fieldname] = { bytes, name: part.filename, mediaType: part.mimetype };
    } else if (FIELDS.has(part.fieldname) && typeof part.value === 'string' && part.value !== '') {
      (form as Record<string, string>)[part.fieldname] = part.value;
    }
  }
  return form;
}

/** The document the form gives: the file, else the pasted text, else the URL. */
async function formDocument(ctx: ServeContext, form: PostedForm): Promise<IntakeDocument> {
  const format = form.format ? { format: form.format } : {};
  if (form.file)
    return intakeDocument(
      form.file.bytes,
      { fileName: form.file.name, mediaType: form.file.mediaType, ...format },
      ctx.maxDecodedBytes,
    );
  if (form.text?.trim())
    return intakeDocument(
      Buffer.from(form.text, 'utf8'),
      { fileName: 'pasted', ...format },
      ctx.maxDecodedBytes,
    );
  if (form.url?.trim()) return ctx.fetcher.fetch(form.url.trim(), form.format, ctx.signal);
  throw new UsageError('no document given', {
    hint: 'Paste RDF, choose a file or give a URL.',
  });
}

/** The result page of a form: the validation and the audit, side by side on the threads. */
async function formResult(
  ctx: ServeContext,
  submission: Submission,
  signal: AbortSignal,
): Promise<string> {
  const where = { threads: ctx.threads, signal };
  const [run, audit] = await Promise.allSettled([
    validateSubmission(submission, ctx.validators, where),
    auditSubmission(
      submission,
      ctx.validators,
      { profile: AUDIT_PROFILE, level: AUDIT_LEVEL },
      where,
    ),
  ]);
  try {
    if (run.status === 'rejected') throw run.reason;
    if (audit.status === 'rejected') throw audit.reason;
    return resultPage(submission, run.value, audit.value, { downloads: true });
  } finally {
    if (run.status === 'fulfilled') run.value.dispose?.();
    if (audit.status === 'fulfilled') audit.value.report.dispose?.();
  }
}

/** Registers the page routes; errors on them answer the form again (see server.ts). */
export function registerPageRoutes(app: FastifyInstance, ctx: ServeContext): void {
  const rateLimit = ctx.rateLimit > 0 ? { max: ctx.rateLimit, timeWindow: 60_000 } : false;
  app.get('/', { config: { page: true } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(validatorPage()),
  );
  app.get('/assets/style.css', async (_req, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(SERVE_CSS),
  );
  const onRequest = admitChecks(ctx.gate);
  app.post('/validator', { config: { page: true, rateLimit }, onRequest }, async (req, reply) => {
    const form = await readForm(req);
    (req as FastifyRequest & { form?: FormState }).form = form;
    // Shapes of one's own replace the profile and level.
    const wanted = form.shapes
      ? {}
      : {
          ...(form.profile ? { profile: form.profile } : {}),
          ...(form.level ? { level: form.level } : {}),
        };
    await ctx.validators.get(wanted.profile, wanted.level);
    const shapes = form.shapes
      ? await intakeDocument(
          form.shapes.bytes,
          { fileName: form.shapes.name, mediaType: form.shapes.mediaType },
          ctx.maxDecodedBytes,
        )
      : undefined;
    const submission = await ctx.submissions.add(
      await formDocument(ctx, form),
      wanted,
      form.url,
      shapes,
    );
    try {
      const html = await checkWork(req, ctx.signal, (signal) =>
        formResult(ctx, submission, signal),
      );
      return await reply.type('text/html; charset=utf-8').send(html);
    } catch (error) {
      await ctx.submissions.remove(submission.id);
      throw error;
    }
  });
  app.get(
    '/results/:id/:report',
    {
      config: { rateLimit },
      onRequest,
      schema: {
        params: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            report: { type: 'string', pattern: '^(validation|audit)\\.[a-z]+$' },
          },
        },
      },
    },
    async (req, reply) => {
      const { id, report } = req.params as { id: string; report: string };
      const [name = '', extension = ''] = report.split('.');
      const kind = name === 'validation' ? 'validate' : 'audit';
      const format = byExtension(extension, formatsOf(kind));
      const submission = ctx.submissions.get(id);
      if (!format || !submission)
        throw Object.assign(new Error(`no result ${id}/${report} (results are kept for an hour)`), {
          statusCode: 404,
        });
      const body = await checkWork(req, ctx.signal, (signal) =>
        checkAnswer(ctx, kind, format, submission, {
          compliance: { profile: AUDIT_PROFILE, level: AUDIT_LEVEL },
          signal,
        }),
      );
      const file = `${name}-${submission.name.replace(/\.[^.]*$/, '')}.${format.extension}`;
      return reply
        .type(contentTypeOf(format))
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(body);
    },
  );
}
