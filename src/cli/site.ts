// **site** is the `site` command: udata's Site JSON API (activity, home lists, context).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { walkActivity, getActivity } from '../udata/activity.js';
import { createSiteApi, DEFAULT_PORTAL, type SiteApi } from '../udata/api.js';
import { getSiteContext } from '../udata/context.js';
import { getHome, setHome, type HomeKind } from '../udata/home.js';
import type { CliContext } from './context.js';

interface SiteOptions {
  portal: string;
  apiKeyFile?: string;
  output: 'json' | 'jsonl';
}

async function apiKey(ctx: CliContext, options: SiteOptions): Promise<string | undefined> {
  if (options.apiKeyFile) {
    const file = path.resolve(ctx.cwd, options.apiKeyFile);
    const text = await readFile(file, 'utf8').catch((error: Error) => {
      throw new InputError(`--api-key-file ${options.apiKeyFile}: ${error.message}`);
    });
    const key = text.trim();
    if (!key) throw new UsageError(`--api-key-file ${options.apiKeyFile}: the file is empty`);
    return key;
  }
  return ctx.env.DCAT_HARVEST_API_KEY?.trim() || undefined;
}

function print(ctx: CliContext, options: SiteOptions, value: unknown): void {
  if (options.output === 'jsonl' && Array.isArray(value)) {
    for (const item of value) ctx.stdout.write(JSON.stringify(item) + '\n');
  } else ctx.stdout.write(JSON.stringify(value, null, options.output === 'jsonl' ? 0 : 2) + '\n');
}

function positive(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new UsageError(`${name}: expected a positive integer, got "${value}"`);
    return n;
  };
}

async function withApi<T>(
  ctx: CliContext,
  command: Command,
  run: (api: SiteApi, options: SiteOptions) => Promise<T>,
): Promise<T> {
  const options = command.optsWithGlobals<SiteOptions>();
  const api = createSiteApi({
    portal: options.portal,
    apiKey: await apiKey(ctx, options),
    signal: ctx.signal,
  });
  try {
    return await run(api, options);
  } finally {
    await api.close();
  }
}

function registerHome(site: Command, kind: HomeKind, context: () => CliContext): void {
  site
    .command(`home-${kind}`)
    .description(`get or set the ${kind} featured on the portal's home page (udata < 10.9)`)
    .argument('[action]', 'get (default) or set', 'get')
    .argument('[ids...]', `${kind.slice(0, -1)} ids for set`)
    .addHelpText(
      'after',
      `\nExamples:\n  dcat-harvest site home-${kind}\n  DCAT_HARVEST_API_KEY=… dcat-harvest site home-${kind} set 5f0c… 60a1…`,
    )
    .action(async (action: string, ids: string[], _opts: unknown, command: Command) => {
      const ctx = context();
      if (action !== 'get' && action !== 'set')
        throw new UsageError(`site home-${kind}: unknown action "${action}" (get or set)`);
      if (action === 'get' && ids.length > 0)
        throw new UsageError(`site home-${kind} get takes no ids (did you mean set?)`);
      if (action === 'set' && ids.length === 0)
        throw new UsageError(`site home-${kind} set: give at least one id`);
      await withApi(ctx, command, async (api, options) => {
        print(
          ctx,
          options,
          action === 'get' ? await getHome(api, kind) : await setHome(api, kind, ids),
        );
      });
    });
}

/** `site activity|home-datasets|home-reuses|context`. */
export const registerSite = (program: Command, context: () => CliContext): void => {
  const site = program
    .command('site')
    .description(
      "udata's Site JSON API: activity stream, home page datasets and reuses, JSON-LD context",
    )
    .option('--portal <url>', 'portal root', DEFAULT_PORTAL)
    .option(
      '--api-key-file <file>',
      'file holding the API key (else DCAT_HARVEST_API_KEY); sent only to the portal, only to set',
    )
    .addOption(
      new Option('--output <kind>', 'json (one document) or jsonl (one item per line)')
        .choices(['json', 'jsonl'])
        .default('json'),
    )
    .addHelpText(
      'after',
      `
Examples:
  dcat-harvest site activity --page-size 50
  dcat-harvest site activity --organization 534fff75a3a7292c64a77de4 --all --output jsonl
  dcat-harvest site context --portal https://demo.data.gouv.fr > context.json
  dcat-harvest site home-datasets get

The API key is read from DCAT_HARVEST_API_KEY or --api-key-file, never printed, and sent only on
calls that need it (home … set), only to the portal's origin.`,
    );

  site
    .command('activity')
    .description('the activity stream, newest first')
    .option('--user <id>', 'only this user (ObjectId)')
    .option('--organization <id>', 'only this organization (ObjectId)')
    .option('--related-to <id>', 'only activities about this object (ObjectId)')
    .option('--page <n>', 'page number', positive('--page'), 1)
    .option('--page-size <n>', 'items per page', positive('--page-size'), 20)
    .option('--all', 'every page from --page on (short pages tolerated)')
    .option('--fields <mask>', 'udata field mask (X-Fields), e.g. "{data{key,created_at},total}"')
    .addHelpText(
      'after',
      '\nExamples:\n  dcat-harvest site activity --all --page-size 100 --output jsonl\n  dcat-harvest site activity --fields "{data{key,created_at},total}"',
    )
    .action(
      async (
        opts: {
          user?: string;
          organization?: string;
          relatedTo?: string;
          page: number;
          pageSize: number;
          all?: boolean;
          fields?: string;
        },
        command: Command,
      ) => {
        const ctx = context();
        await withApi(ctx, command, async (api, options) => {
          const query = { ...opts, relatedTo: opts.relatedTo };
          if (!opts.all) {
            const page = await getActivity(api, query);
            print(ctx, options, options.output === 'jsonl' ? page.data : page);
            return;
          }
          const all: unknown[] = [];
          for await (const item of walkActivity(api, query)) {
            if (options.output === 'jsonl') ctx.stdout.write(JSON.stringify(item) + '\n');
            else all.push(item);
          }
          if (options.output === 'json') print(ctx, options, all);
        });
      },
    );

  registerHome(site, 'datasets', context);
  registerHome(site, 'reuses', context);

  site
    .command('context')
    .description("the portal's JSON-LD context (udata serves a bare term map)")
    .option('--wrapped', 'print it wrapped as {"@context": …}, usable by JSON-LD processors')
    .addHelpText(
      'after',
      '\nExamples:\n  dcat-harvest site context --wrapped > udata-context.jsonld',
    )
    .action(async (opts: { wrapped?: boolean }, command: Command) => {
      const ctx = context();
      await withApi(ctx, command, async (api, options) => {
        const { served, wrapped } = await getSiteContext(api);
        print(ctx, { ...options, output: 'json' }, opts.wrapped ? wrapped : served);
      });
    });
};
