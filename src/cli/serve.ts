// **serve** wires `dcat-harvest serve` to createServer: flags and keys in, the server on a port.
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
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
}

const EXAMPLES = `
Examples:
  $ dcat-harvest serve
  $ dcat-harvest serve --port 8080 --host 0.0.0.0 --data /var/lib/dcat-harvest
  $ DCAT_HARVEST_READ_KEY=s3cret dcat-harvest serve --read-key
  $ curl -s -H 'Content-Type: text/turtle' --data-binary @catalog.ttl \\
      -H 'Accept: application/sarif+json' http://127.0.0.1:8080/api/validate

Environment:
  DCAT_HARVEST_ADMIN_KEY  the admin key (writes; also opens reads)
  DCAT_HARVEST_READ_KEY   the read key needed with --read-key`;

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
    .description('the web validator and its REST API (OpenAPI 3.1 at /api/openapi.json)')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'folder for submissions (default: a temporary folder)')
    .option('--max-body-mb <n>', 'largest request body, MB (a .gz may expand to 4×)', '50')
    .option('--allow-private-urls', 'let validated URLs reach loopback and private addresses')
    .option('--read-key', 'close reads and the validator: DCAT_HARVEST_READ_KEY is needed')
    .option('--rate-limit <n>', 'checks per minute per client (0: no limit)', '60')
    .option(
      '--job-above-mb <n>',
      'documents larger than this (decompressed) are checked as jobs: 202 and a status URL',
      '5',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (flags: ServeFlags) => {
      const ctx = context();
      const readKey = ctx.env.DCAT_HARVEST_READ_KEY;
      const admin = ctx.env.DCAT_HARVEST_ADMIN_KEY;
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
      });
      const address = await server.app.listen({
        port: number(flags.port, '--port', 0),
        host: flags.host,
      });
      ctx.log.info(
        `dcat-harvest serve: the validator at ${address}/, the API at ${address}/api/openapi.json`,
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
