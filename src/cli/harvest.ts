// **harvest** is the `harvest` command: walk a catalog into a harvest folder.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { harvest } from '../fetch/harvest.js';
import type { HarvestManifest } from '../fetch/manifest.js';
import { createProgress } from '../fetch/progress.js';
import { UDATA_EXTENSIONS } from '../fetch/source.js';
import { resolveFormat, type FormatId } from '../rdf/formats.js';
import type { CliContext } from './context.js';
import { resolveCswSchema } from '../fetch/csw-request.js';

interface HarvestFlags {
  output?: string;
  format?: string;
  concurrency: number;
  maxPages?: number;
  allowCrossOrigin?: boolean;
  adaptivePageSize?: boolean;
  pageSize: number;
  tag: string[];
  organization?: string;
  badge?: string;
  q?: string;
  resume?: boolean;
  rate?: number;
  retries: number;
  timeout: number;
  maxSize: number;
  progress?: boolean;
  cswMethod?: 'GET' | 'POST';
  cswSchema?: string;
  cswConstraint?: string;
}

function integer(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`${name}: expected an integer ≥ ${min}, got "${value}"`);
    return n;
  };
}

function defaultFolder(source: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const host = /^(?:csw\+)?https?:\/\//i.test(source)
    ? new URL(source.replace(/^csw\+/i, '')).hostname
    : path.parse(source).name;
  return `harvest-${host.replace(/[^\w.-]/g, '_')}-${stamp}`;
}

function summarize(ctx: CliContext, dir: string, manifest: HarvestManifest): void {
  const c = manifest.completeness;
  if (!c) return;
  const lines = [
    `harvest ${manifest.state}: ${c.pagesStored} pages stored in ${dir}` +
      (c.pagesExpected ? ` (${c.pagesExpected} announced)` : ''),
    `datasets: ${c.uniqueDatasets} unique of ${c.datasetsSeen} seen, ${c.duplicates} duplicates across pages` +
      (c.totalItems !== undefined ? `; the portal announces ${c.totalItems}` : ''),
    `records (datasets, series, services): ${c.records}`,
  ];
  for (const line of lines) ctx.log.info(line);
  if (c.totalItemsChanges) {
    const along = c.totalItemsChanges.map((t) => `${t.totalItems} from page ${t.page}`).join(', ');
    const first = c.totalItemsChanges[0]!.totalItems;
    const grew = c.totalItemsChanges[c.totalItemsChanges.length - 1]!.totalItems > first;
    ctx.log.warn(
      `the catalog changed during the walk (hydra:totalItems ${along}): skip/limit paging shifted datasets across pages; ` +
        (grew
          ? `datasets published meanwhile landed on pages already fetched (harvest again to get them), the ones they pushed down were seen twice`
          : `datasets removed meanwhile pulled others up onto pages already fetched, which may be missing (${c.uniqueDatasets} unique of ${first})`),
    );
  }
  if (
    !c.totalItemsChanges &&
    c.totalItems !== undefined &&
    c.uniqueDatasets < c.totalItems &&
    c.missingPages.length === 0 &&
    c.unparsablePages.length === 0 &&
    manifest.state !== 'interrupted'
  ) {
    ctx.log.warn(
      `every page was stored but ${c.totalItems - c.uniqueDatasets} of the ${c.totalItems} datasets the portal announces did not come back (${c.duplicates} seen twice): the catalog likely changed during the walk, or the portal's count is off; harvest again to compare`,
    );
  }
  for (const url of c.missingPages) ctx.log.warn(`missing page: ${url}`);
  for (const id of c.unparsablePages) {
    const page = manifest.pages.find((p) => p.id === id);
    ctx.log.warn(
      `page ${page?.file ?? id} does not parse: line ${page?.error?.line ?? '?'}, column ${page?.error?.column ?? '?'}: ${page?.error?.message ?? ''}`,
    );
  }
  if (c.repairedIris) {
    const pages = manifest.pages.filter((p) => p.repaired);
    ctx.log.warn(
      `repaired ${c.repairedIris} invalid IRI(s) on ${pages.length} page(s) (percent-encoded, statements kept; listed in manifest.json), e.g.:`,
    );
    for (const page of pages.slice(0, 3)) {
      const r = page.repairs?.[0];
      if (r)
        ctx.log.warn(
          `  ${page.file ?? page.id}:${r.line ?? '?'}:${r.column ?? '?'}: <${r.original}> repaired as <${r.repaired}>`,
        );
    }
  }
  for (const page of manifest.pages)
    if (page.error?.kind === 'exception')
      ctx.log.warn(`page ${page.id} (${page.url}): CSW exception report: ${page.error.message}`);
  for (const reason of c.stopped) ctx.log.warn(reason);
  if (manifest.state === 'interrupted')
    ctx.log.warn(`interrupted: rerun with --resume -o ${dir} to fetch what is missing`);
  else if (c.missingPages.length > 0)
    ctx.log.info(`rerun with --resume -o ${dir} to retry the missing pages`);
}

/** `harvest <source> [-o dir]`. */
export const registerHarvest = (program: Command, context: () => CliContext): void => {
  program
    .command('harvest')
    .description(
      'walk a whole catalog (udata portal, organization catalog, hydra-paged URL, RDF URL or file) into a harvest folder',
    )
    .argument('<source>', 'portal root, catalog page URL, RDF document URL or local file')
    .option('-o, --output <dir>', 'harvest folder (default harvest-<host>-<time>)')
    .option(
      '--format <format>',
      'serialization asked of udata: turtle (default: lossless, fastest), rdfxml, ntriples, n3, trig, jsonld (lossy); other sources: detected per page unless given',
    )
    .option(
      '--concurrency <n>',
      'pages in flight per host when paging is regular',
      integer('--concurrency', 1),
      4,
    )
    .option('--max-pages <n>', 'stop after this many pages', integer('--max-pages', 1))
    .option('--page-size <n>', 'items per udata page', integer('--page-size', 1), 100)
    .option('--allow-cross-origin', 'follow paging links to another origin')
    .option('--no-adaptive-page-size', 'do not retry a udata 502 as two half-size pages')
    .option(
      '--tag <tag>',
      'only datasets with this tag (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--organization <id>', 'only datasets of this organization')
    .option('--badge <badge>', 'only datasets with this badge (e.g. hvd)')
    .option('--q <text>', 'full-text filter')
    .option('--resume', 'complete an earlier harvest in the -o folder: fetch only what is missing')
    .option('--rate <n>', 'requests per second per host', Number)
    .option('--retries <n>', 'retries on network errors, 429 and 5xx', integer('--retries', 0), 4)
    .option(
      '--timeout <s>',
      'seconds to wait for headers, and between body chunks',
      integer('--timeout', 1),
      300,
    )
    .option('--max-size <mb>', 'largest page accepted, MB', integer('--max-size', 1), 512)
    .addOption(
      new Option('--csw-method <method>', 'CSW sources: ask GetRecords by GET (default) or POST')
        .choices(['GET', 'POST'])
        .argParser((v: string) => v.toUpperCase()),
    )
    .option(
      '--csw-schema <schema>',
      'CSW sources: outputSchema, dcat (default), geodcat or a URI from the capabilities',
    )
    .option('--csw-constraint <cql>', 'CSW sources: a CQL filter, e.g. "AnyText like \'%eau%\'"')
    .addOption(new Option('--no-progress', 'no progress bar or progress lines'))
    .addHelpText('after', HELP)
    .action((source: string, flags: HarvestFlags) => harvestCommand(context(), source, flags));
};

const HELP = `
Examples:
  dcat-harvest harvest https://www.data.gouv.fr -o gouv
  dcat-harvest harvest https://www.data.gouv.fr --badge hvd --concurrency 8 -o hvd
  dcat-harvest harvest https://www.data.gouv.fr/api/1/organizations/<id>/catalog -o org
  dcat-harvest harvest https://www.data.gouv.fr -o gouv --resume
  dcat-harvest harvest catalog.ttl -o local
  dcat-harvest harvest csw+https://geo.example.org/geonetwork/srv/eng/csw -o geo --csw-method POST

CSW 2.0.2 sources (csw+https://…, a URL ending in /csw or with service=CSW): GetCapabilities,
then GetRecords pages of --page-size records (concurrent once numberOfRecordsMatched is known),
every response stored as received; see docs/csw.md.

The folder holds manifest.json, context.jsonld (udata's context as served), context.wrapped.jsonld
and pages/000001.ttl… exactly as received. udata's JSON-LD is lossy (blank nodes behind @id terms
dropped, dcat:startDate read back as schema:startDate): keep the default Turtle.

Exit codes: 0 complete; 3 pages missing after retries, unparsable, refused or interrupted (rerun
with --resume); 2 bad options.`;

/** The harvest command: harvests the source into its folder, with progress, and says how it went. */
async function harvestCommand(ctx: CliContext, source: string, flags: HarvestFlags): Promise<void> {
  const format =
    flags.format === undefined
      ? undefined
      : (resolveFormat(flags.format, '--format').id as FormatId);
  if (format && /^https?:\/\//.test(source) && !UDATA_EXTENSIONS[format]) {
    throw new UsageError(`--format ${flags.format}: udata cannot serve its catalog in that format`);
  }
  const dir = path.resolve(ctx.cwd, flags.output ?? defaultFolder(source));
  const progress = createProgress({
    stream: ctx.stderr,
    quiet: ctx.verbosity === 'quiet' || flags.progress === false,
  });
  const input = /^(?:csw\+)?https?:\/\//i.test(source) ? source : path.resolve(ctx.cwd, source);
  let summary;
  try {
    summary = await harvest(input, {
      out: dir,
      format,
      concurrency: flags.concurrency,
      maxPages: flags.maxPages,
      allowCrossOrigin: flags.allowCrossOrigin,
      adaptivePageSize: flags.adaptivePageSize === false ? false : undefined,
      pageSize: flags.pageSize,
      filters: {
        tag: flags.tag,
        organization: flags.organization,
        badge: flags.badge,
        q: flags.q,
      },
      resume: flags.resume,
      ...(flags.cswMethod || flags.cswSchema || flags.cswConstraint !== undefined
        ? {
            csw: {
              ...(flags.cswMethod ? { method: flags.cswMethod } : {}),
              ...(flags.cswSchema ? { outputSchema: resolveCswSchema(flags.cswSchema) } : {}),
              ...(flags.cswConstraint !== undefined ? { constraint: flags.cswConstraint } : {}),
            },
          }
        : {}),
      signal: ctx.signal,
      http: {
        rate: flags.rate,
        retries: flags.retries,
        headersTimeoutMs: flags.timeout * 1000,
        bodyTimeoutMs: flags.timeout * 1000,
        maxBytes: flags.maxSize * 1024 * 1024,
        maxDecodedBytes: flags.maxSize * 2 * 1024 * 1024,
      },
      onEvent: (event) => progress.onEvent(event),
    });
  } finally {
    progress.stop();
  }
  summarize(ctx, path.relative(ctx.cwd, dir) || '.', summary.manifest);
  ctx.exitCode = summary.exitCode;
}
