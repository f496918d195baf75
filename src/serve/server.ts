// **server** builds the web validator: Fastify with our parsers, limits, keys, headers, errors and routes.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { RunSummary } from '../history/model.js';
import type { QueueUrl } from '../queue/connection.js';
import { FORMATS } from '../rdf/formats.js';
import { ValidationThreads } from '../shacl/threads.js';
import { accessOf, type AccessKeys } from './access.js';
import type { AddressPolicy } from './address-guard.js';
import { registerApiRoutes } from './api-routes.js';
import { registerCatalogRoutes } from './catalog-routes.js';
import { openDashboard, type Dashboard } from './dashboard.js';
import { registerDashboardPages } from './dashboard-pages.js';
import { CheckGate } from './check-gate.js';
import { createJobQueue } from './check-jobs.js';
import { registerJobRoutes } from './job-routes.js';
import { PAGE_CSP } from './pages/layout.js';
import { validatorPage, type FormState } from './pages/validator-page.js';
import { registerPageRoutes } from './page-routes.js';
import { problemOf, type Problem } from './problem.js';
import type { ServeContext } from './serve-context.js';
import { SubmissionStore } from './submissions.js';
import { createUrlFetcher } from './url-intake.js';
import { ValidatorCache } from './validators.js';

/** Options of {@link createServer}. */
export interface ServeOptions {
  /** Folder for submissions, the history and the run folders; default a temporary folder removed on close. */
  dataDir?: string;
  /** Largest request body, MB (default 50); a `.gz` may decompress to four times as much. */
  maxBodyMb?: number;
  /** Let URLs reach loopback, private and link-local addresses. */
  allowPrivateUrls?: boolean;
  /**
   * Which addresses validated URLs may not reach (default: all but public unicast; tests narrow
   * it to prove redirects are checked). Ignored with `allowPrivateUrls`.
   */
  refuseAddress?: AddressPolicy;
  /** Admin key (writes) and read key. */
  keys?: AccessKeys;
  /** Close reads and the validator: a key is needed. */
  readKey?: boolean;
  /** Checks per minute per client (default 60; 0: no limit). */
  rateLimit?: number;
  /** Documents larger than this, MB (decompressed), are checked as jobs: 202 (default 5). */
  jobAboveMb?: number;
  /** Fastify's request log (default off). */
  logger?: boolean;
  /** A catalogs file (as `run --catalogs`, with `every` or `cron` per catalog) for the dashboard. */
  catalogsFile?: string;
  /** Catalog runs go to this queue's workers; schedules are BullMQ job schedulers. */
  queue?: QueueUrl;
  /**
   * Validation threads: the pool every check of the validator and the API runs on (default
   * min(2, cores)), and each catalog run's in this process (default one per core).
   */
  workers?: number;
  /**
   * Checks running or waiting for a thread, at most (default 4 per thread): past it, `503` with
   * `Retry-After` before the body is read. Jobs have their own queue.
   */
  maxPending?: number;
  /** Hears of each catalog run as it starts and ends. */
  onRun?: (run: RunSummary) => void;
}

/** A built server: the Fastify instance and how to close it with everything it holds. */
export interface DcatServer {
  app: FastifyInstance;
  /**
   * The catalogs, their history, schedules and runs (for tests and embedding; its shape may change).
   *
   * @internal
   */
  dashboard: Dashboard;
  /**
   * The validation threads of the checks and their places (for tests and embedding).
   *
   * @internal
   */
  checks: { threads: ValidationThreads; gate: CheckGate };
  /** Every route registered, as `METHOD /url` (HEAD routes left out). */
  routes: string[];
  /**
   * Stops the server, its jobs, its validation threads, its URL fetcher and its submissions;
   * removes its own temporary folder.
   */
  close(): Promise<void>;
}

/**
 * Every media type of an RDF serialization, plus gzip and unknown bytes: read as a Buffer.
 * `application/json` is the JSON request (`{url, profile, level}`); JSON-LD is `application/ld+json`.
 */
const RAW_TYPES = [
  ...new Set(Object.values(FORMATS).flatMap((f) => f.mediaTypes)),
  'application/gzip',
  'application/x-gzip',
  'application/octet-stream',
  'text/plain',
].filter((type) => type !== 'application/json');

const SECURITY_HEADERS = {
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
};

function sendProblem(req: FastifyRequest, reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.status === 429 || problem.status === 503) {
    const after = Number(reply.getHeader('retry-after'));
    if (Number.isFinite(after)) problem.retryAfter = after;
  }
  reply.code(problem.status);
  if ((req.routeOptions.config as { page?: boolean }).page) {
    const state = (req as FastifyRequest & { form?: FormState }).form ?? {};
    return reply.type('text/html; charset=utf-8').send(validatorPage(state, problem));
  }
  return reply.type('application/problem+json').send(problem);
}

/** What every route shares, from the options and the stores and threads made for them. */
function serveContext(
  options: ServeOptions,
  parts: {
    dataDir: string;
    submissions: SubmissionStore;
    validators: ValidatorCache;
    threads: ValidationThreads;
    closing: AbortController;
  },
): ServeContext {
  const maxBodyBytes = Math.round((options.maxBodyMb ?? 50) * 1024 * 1024);
  return {
    dataDir: path.resolve(parts.dataDir),
    submissions: parts.submissions,
    validators: parts.validators,
    fetcher: createUrlFetcher({
      allowPrivate: options.allowPrivateUrls ?? false,
      maxBytes: maxBodyBytes,
      maxDecodedBytes: maxBodyBytes * 4,
      ...(options.refuseAddress ? { refuse: options.refuseAddress } : {}),
    }),
    maxBodyBytes,
    maxDecodedBytes: maxBodyBytes * 4,
    keys: options.keys ?? {},
    readKey: options.readKey ?? false,
    rateLimit: options.rateLimit ?? 60,
    jobs: createJobQueue(parts.validators, parts.submissions, parts.threads, parts.closing.signal),
    jobAboveBytes: Math.round((options.jobAboveMb ?? 5) * 1024 * 1024),
    threads: parts.threads,
    gate: new CheckGate(options.maxPending ?? 4 * parts.threads.workers, parts.threads.workers),
    signal: parts.closing.signal,
  };
}

/**
 * Builds the web validator's server, not listening yet: call `app.listen`, then `close`.
 *
 * @example
 * ```ts
 * import { createServer } from 'dcat-harvest/serve';
 *
 * const server = await createServer({ maxBodyMb: 10, rateLimit: 120 });
 * const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
 * console.log(`validator at ${address}/`);
 * await server.close();
 * ```
 */
export async function createServer(options: ServeOptions = {}): Promise<DcatServer> {
  const maxBodyBytes = Math.round((options.maxBodyMb ?? 50) * 1024 * 1024);
  const ownDir = options.dataDir ? undefined : await mkdtemp(path.join(os.tmpdir(), 'dh-serve-'));
  const dataDir = options.dataDir ?? (ownDir as string);
  const submissions = new SubmissionStore(path.join(dataDir, 'submissions'));
  await submissions.open();
  const closing = new AbortController();
  const validators = new ValidatorCache();
  const threads = new ValidationThreads({
    workers: options.workers ?? Math.min(2, os.availableParallelism()),
  });
  const dashboard = await openDashboard({
    dataDir: path.resolve(dataDir),
    ...(options.catalogsFile ? { catalogsFile: options.catalogsFile } : {}),
    ...(options.queue ? { queue: options.queue } : {}),
    ...(options.workers ? { workers: options.workers } : {}),
    ...(options.onRun ? { onRun: options.onRun } : {}),
    signal: closing.signal,
  }).catch(async (error: unknown) => {
    await threads.destroy();
    await submissions.close();
    if (ownDir) await rm(ownDir, { recursive: true, force: true });
    throw error;
  });
  const ctx = serveContext(options, { dataDir, submissions, validators, threads, closing });
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: maxBodyBytes,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  });
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  await app.register(multipart, {
    limits: { fileSize: maxBodyBytes, fieldSize: maxBodyBytes, files: 2, fields: 10, parts: 12 },
  });
  await app.register(rateLimit, { global: false });
  app.addHook('onRequest', async (req, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (!ctx.readKey || req.url === '/assets/style.css') return;
    if (accessOf(req.headers.authorization, ctx.keys) === 'none') {
      reply.header('www-authenticate', 'Basic realm="dcat-harvest", charset="UTF-8"');
      throw Object.assign(new Error('a key is needed: Authorization: Bearer KEY'), {
        statusCode: 401,
      });
    }
  });
  app.setErrorHandler((error, req, reply) => {
    const problem = problemOf(error);
    if (problem.status >= 500) req.log.error(error);
    return sendProblem(req, reply, problem);
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(req, reply, {
      type: 'about:blank',
      title: 'Not found',
      status: 404,
      detail: `no route ${req.method} ${req.url.split('?')[0]}`,
    }),
  );
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });
  registerApiRoutes(app, ctx);
  registerPageRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  registerCatalogRoutes(app, ctx, dashboard);
  registerDashboardPages(app, ctx, dashboard);
  return {
    app,
    dashboard,
    checks: { threads, gate: ctx.gate },
    routes,
    async close() {
      closing.abort(new Error('the server is closing'));
      await app.close();
      await dashboard.close();
      await ctx.jobs.close();
      await threads.destroy();
      await ctx.fetcher.close();
      await submissions.close();
      if (ownDir) await rm(ownDir, { recursive: true, force: true });
    },
  };
}
