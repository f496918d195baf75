// **sample-portal** command: serves a generated udata-compatible portal on 127.0.0.1 until interrupted.
import { InvalidArgumentError, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { startSamplePortal } from '../sample-portal/server.js';
import type { CliContext } from './context.js';

function integerOption(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
    }
    return n;
  };
}

const EXAMPLES = `
Examples:
  $ dcat-harvest sample-portal
  $ dcat-harvest sample-portal --datasets 74200 --port 8080
  $ dcat-harvest sample-portal --seed 7 --faults '5xx=0.05,429=p3x2,reset=p7,malformed=p4,gzip'
  $ dcat-harvest sample-portal --faults 'latency=100+2/page,redirects=3,loop=p5'

Prints the portal URL (e.g. http://127.0.0.1:43123) on stdout; the site catalog is
<url>/api/1/site/catalog.ttl, the ground truth of planted defects (and of drift)
<url>/_sample/ground-truth.json.
Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

Fault grammar (--faults): comma-separated entries NAME[=WHEN]
  WHEN   a rate (0.05: that share of pages, chosen from the seed) or pages (p7, p7-9, p2+p5),
         optionally followed by x<N> (hit the first N attempts of each page) or x* (every attempt)
  5xx, 429, reset, truncate        recoverable: first attempt only unless x<N>/x*
  drip, malformed, oversized       every attempt unless x<N>
  loop[=pN]                        page N (default 2) has hydra:next back to page 1
  cross-origin[=pN]                page N (default 1) has hydra:next on http://localhost:<port>
  drift[=WHEN]                     skip/limit drift: each page named (default p2) is served after one
                                   dataset was published at the head: from there on pages start one
                                   item earlier (one duplicate) and announce one more item
  gzip, br                         compress bodies when the request accepts it
  redirects=N                      every page goes through N relative 302s first
  latency=MS[+MS/page]             delay before each page, growing with the page number
  retry-after=S, drip-interval=MS, oversized-mb=MB   parameters of 429, drip and oversized`;

/** Registers the command (typed locally, not as RegisterCommand, so commands.ts imports us without a cycle). */
export const registerSamplePortal = (program: Command, context: () => CliContext): void => {
  program
    .command('sample-portal')
    .description('serve a generated udata-compatible portal on 127.0.0.1 (demo, tests, benchmarks)')
    .option(
      '--datasets <n>',
      'number of datasets',
      integerOption('--datasets', 0, 16_000_000),
      2000,
    )
    .option(
      '--port <port>',
      'TCP port on 127.0.0.1 (0: any free port)',
      integerOption('--port', 0, 65535),
      0,
    )
    .option(
      '--seed <s>',
      'seed of every generated value',
      integerOption('--seed', 0, 0xffffffff),
      1,
    )
    .option('--faults <spec>', 'faults to inject (grammar below)')
    .option(
      '--page-latency <ms>',
      'fixed delay before every catalog page',
      integerOption('--page-latency', 0, 600_000),
      0,
    )
    .addHelpText('after', EXAMPLES)
    .action(
      async (opts: {
        datasets: number;
        port: number;
        seed: number;
        faults?: string;
        pageLatency: number;
      }) => {
        const ctx = context();
        let portal;
        try {
          portal = await startSamplePortal({
            datasets: opts.datasets,
            port: opts.port,
            seed: opts.seed,
            pageLatency: opts.pageLatency,
            ...(opts.faults ? { faults: opts.faults } : {}),
          });
        } catch (error) {
          if (error instanceof RangeError)
            throw new UsageError(error.message, { hint: 'see dcat-harvest sample-portal --help' });
          throw error;
        }
        ctx.stdout.write(`${portal.url}\n`);
        ctx.log.info(
          `sample portal: ${opts.datasets} datasets, seed ${opts.seed}; site catalog ${portal.url}/api/1/site/catalog.ttl (Ctrl-C to stop)`,
        );
        await new Promise<void>((resolve) => {
          if (ctx.signal.aborted) resolve();
          else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        await portal.close();
        const stats = portal.stats();
        ctx.log.info(
          `sample portal stopped after ${stats.requests} requests, ${(stats.bytes / 1e6).toFixed(1)} MB`,
        );
      },
    );
};
