// **serve** wires `dcat-harvest serve` to createServer: flags and keys in, the server on a port.
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { parseQueueUrl, QUEUE_ENV } from '../queue/connection.js';
import { createServer } from '../serve/server.js';
import type { CliContext } from './context.js';

interface ServeFlags {
  port: string;
  host: string;
  data?: string;
  maxBodyMb: string;
  allowPrivateUrls?: boolean;
  readKey?: boolean;
  rateLimit: string;
  jobAboveMb: string;
  catalogs?: string;
  queue?: string;
  workers?: string;
  maxPending?: string;
}

const EXAMPLES = `
Examples:
  $ dcat-harvest serve
  $ dcat-harvest serve --port 8080 --host 0.0.0.0 --data /var/lib/dcat-harvest
  $ DCAT_HARVEST_READ_KEY=s3cret dcat-harvest serve --read-key
  $ DCAT_HARVEST_ADMIN_KEY=s3cret dcat-harvest serve --data /var/lib/dcat-harvest --catalogs catalogs.yaml
  $ dcat-harvest serve --data /shared/dcat --catalogs catalogs.yaml --queue redis://127.0.0.1:6379/0
  $ curl -s -H 'Content-Type: text/turtle' --data-binary @catalog.ttl \\
      -H 'Accept: application/sarif+json' http://127.0.0.1:8080/api/validate

Environment:
  DCAT_HARVEST_ADMIN_KEY  the admin key (writes; also opens reads)
  DCAT_HARVEST_READ_KEY   the read key needed with --read-key
  DCAT_HARVEST_QUEUE      the default of --queue`;

function number(value: string, option: string, min: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min)
    throw new UsageError(`${option} expects a number of at least ${min}, got "${value}"`);
  return n;
}

/** Registers the command. */
export const registerServe = (program: Command, context: () => CliContext): void => {
  program
    .command('serve')
    .description(
      'the web validator, the quality dashboard with its history, and their REST API (OpenAPI 3.1 at /api/openapi.json)',
    )
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--data <dir>',
      'folder for the history (history.sqlite), the run folders and submissions (default: a temporary folder)',
    )
    .option('--max-body-mb <n>', 'largest request body, MB (a .gz may expand to 4×)', '50')
    .option('--allow-private-urls', 'let validated URLs reach loopback and private addresses')
    .option('--read-key', 'close reads and the validator: DCAT_HARVEST_READ_KEY is needed')
    .option('--rate-limit <n>', 'checks per minute per client (0: no limit)', '60')
    .option(
      '--job-above-mb <n>',
      'documents larger than this (decompressed) are checked as jobs: 202 and a status URL',
      '5',
    )
    .option(
      '--catalogs <file>',
      'catalogs for the dashboard (the format of run --catalogs; every: 24h or cron: "0 3 * * *" per catalog)',
    )
    .option(
      '--queue <url>',
      'run catalogs on BullMQ workers (dcat-harvest worker) and keep schedules in Redis: redis://HOST:PORT[/DB]',
    )
    .option(
      '--workers <n>',
      "validation threads: the checks' shared pool (default: 2, or 1 on one core) and each catalog run's (default: one per core)",
    )
    .option(
      '--max-pending <n>',
      'checks running or waiting for a thread, at most (default: 4 per thread); past it 503 with Retry-After',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (flags: ServeFlags) => {
      const ctx = context();
      const readKey = ctx.env.DCAT_HARVEST_READ_KEY;
      const admin = ctx.env.DCAT_HARVEST_ADMIN_KEY;
      const queue = flags.queue ?? ctx.env[QUEUE_ENV];
      if (flags.readKey && !readKey && !admin)
        throw new UsageError('--read-key needs DCAT_HARVEST_READ_KEY (or DCAT_HARVEST_ADMIN_KEY)', {
          hint: 'export DCAT_HARVEST_READ_KEY=<a long random secret>',
        });
      const server = await createServer({
        ...(flags.data ? { dataDir: path.resolve(ctx.cwd, flags.data) } : {}),
        maxBodyMb: number(flags.maxBodyMb, '--max-body-mb', 0.001),
        allowPrivateUrls: flags.allowPrivateUrls === true,
        readKey: flags.readKey === true,
        keys: { ...(admin ? { admin } : {}), ...(readKey ? { read: readKey } : {}) },
        rateLimit: number(flags.rateLimit, '--rate-limit', 0),
        jobAboveMb: number(flags.jobAboveMb, '--job-above-mb', 0),
        ...(flags.catalogs ? { catalogsFile: path.resolve(ctx.cwd, flags.catalogs) } : {}),
        ...(queue ? { queue: parseQueueUrl(queue) } : {}),
        ...(flags.workers ? { workers: Math.floor(number(flags.workers, '--workers', 1)) } : {}),
        ...(flags.maxPending
          ? { maxPending: Math.floor(number(flags.maxPending, '--max-pending', 1)) }
          : {}),
        onRun: (run) => {
          if (run.status === 'failed')
            ctx.log.warn(`run ${run.id} of ${run.catalog} failed: ${run.error}`);
          else if (run.status === 'done')
            ctx.log.info(`run ${run.id} of ${run.catalog}: score ${run.score}, ${run.rating}`);
        },
      });
      const address = await server.app.listen({
        port: number(flags.port, '--port', 0),
        host: flags.host,
      });
      ctx.log.info(
        `dcat-harvest serve: the validator at ${address}/, the catalogs at ${address}/catalogs, the API at ${address}/api/openapi.json`,
      );
      if (flags.allowPrivateUrls)
        ctx.log.warn('--allow-private-urls: validated URLs may reach this network');
      await new Promise<void>((resolve) => {
        if (ctx.signal.aborted) resolve();
        ctx.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      await server.close();
    });
};
