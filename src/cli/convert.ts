// **convert** is the `convert` command: any RDF serialization to any other, streaming where the format allows.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { InputError, UsageError } from '../errors.js';
import type { Writable } from 'node:stream';
import { convert, type ConvertSummary } from '../rdf/convert.js';
import { convertDocuments } from '../rdf/convert-documents.js';
import {
  FORMAT_IDS,
  FORMATS,
  formatFromPath,
  resolveFormat,
  type FormatId,
} from '../rdf/formats.js';
import { describeRepair } from '../rdf/iri-repair.js';
import { openSink, openSource, type RdfSource } from '../rdf/source.js';
import type { CliContext } from './context.js';

interface ConvertFlags {
  to?: string;
  output?: string;
  format?: string;
  context?: string;
  contextMap?: string[];
  allowRemoteContexts?: boolean;
  base?: string;
  lenient?: boolean;
  repair?: boolean;
}

const EXAMPLES = `
Examples:
  $ dcat-harvest convert catalog.rdf --to ttl -o catalog.ttl
  $ dcat-harvest convert catalog.nt.gz -o catalog.nq.gz
  $ dcat-harvest convert page.jsonld --to nt --context-map https://example.org/ctx.jsonld=ctx.jsonld
  $ dcat-harvest convert catalog.ttl --to jsonld --context harvest-folder/
  $ dcat-harvest convert catalog.ttl --to jsonld --context https://www.data.gouv.fr/api/1/site/context.jsonld
  $ cat catalog.ttl | dcat-harvest convert - --to nt --lenient > catalog.nt
  $ dcat-harvest convert geonetwork-record.rdf --to ttl --repair
  $ dcat-harvest convert harvest-folder/ -o catalog.nq.gz
  $ dcat-harvest convert https://www.data.gouv.fr/api/1/site/catalog.ttl?page=1 --to nt

Formats (id: extensions): ${FORMAT_IDS.map((id) => `${id}: ${FORMATS[id].extensions.join(', ')}`).join('; ')}.
Turtle, TriG, N-Triples, N-Quads, N3 and RDF/XML output stream with bounded memory; JSON-LD
output holds the whole graph in memory. Quads in named graphs go to the default graph in
Turtle, N-Triples, N3 and RDF/XML.

IRIs invalid only by characters that can be percent-encoded (a space in a dataset IRI) stop a
strict conversion; --repair (or --lenient) encodes them, keeps their statements and lists them.

Exit codes: 0 converted (also when --lenient skipped statements), 2 usage error,
3 unreadable or malformed input (the message names file, line and column).`;

/** Fetches a JSON-LD context from a URL (`--context URL`), with the harvester's HTTP client. */
async function fetchJsonContext(url: string, signal?: AbortSignal): Promise<unknown> {
  const { createHttpClient, ensureOk } = await import('../fetch/http.js');
  const client = createHttpClient({ retries: 2, maxBytes: 16 * 1024 * 1024 });
  let text: string;
  try {
    const response = ensureOk(
      await client.request(url, {
        signal,
        headers: { accept: 'application/ld+json, application/json' },
      }),
      'GET --context',
    );
    text = response.body.toString('utf8');
  } finally {
    await client.close();
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`--context ${url}: the answer is not JSON (${(error as Error).message})`, {
      cause: error,
      hint: 'Give the URL of a JSON-LD context document, or download it and pass the file.',
    });
  }
}

/** Reads a JSON file or a harvest folder's `context.jsonld`. */
async function readJsonContext(file: string, cwd: string, option: string): Promise<unknown> {
  let target = path.resolve(cwd, file);
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) target = path.join(target, 'context.jsonld');
  let text: string;
  try {
    text = await readFile(target, 'utf8');
  } catch (error) {
    throw new InputError(`${option} ${file}: cannot read ${target}`, {
      cause: error,
      hint: 'Give a JSON-LD context file, or a harvest folder holding context.jsonld.',
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${option} ${file}: not JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
}

/** Parses `--context-map URL=FILE` entries into a URL → document map. */
async function readContextMap(entries: string[], cwd: string): Promise<Record<string, unknown>> {
  const map: Record<string, unknown> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    if (at <= 0)
      throw new UsageError(`--context-map ${entry}: expected URL=FILE`, {
        hint: 'For example --context-map https://example.org/ctx.jsonld=ctx.jsonld',
      });
    map[entry.slice(0, at)] = await readJsonContext(entry.slice(at + 1), cwd, '--context-map');
  }
  return map;
}

/** Fetches a URL (retries, size caps) with the input layer and reads it as a source. */
async function openUrl(
  url: string,
  format: string | undefined,
  signal: AbortSignal,
): Promise<RdfSource> {
  const { openInputs } = await import('../input/open.js'); // HTTP client loaded on first use
  const inputs = openInputs([url], {
    format: format === undefined ? undefined : resolveFormat(format, '--format').id,
    signal,
  });
  for await (const document of inputs) {
    return {
      source: document.source,
      format: document.format,
      detectedBy: format ? 'option' : 'content',
      stream: document.stream(),
    };
  }
  throw new InputError(`${url}: no document`);
}

/** The output format: `--to`, else the `-o` file's extension. */
function outputFormat(flags: ConvertFlags): FormatId {
  if (flags.to) return resolveFormat(flags.to, '--to').id;
  if (flags.output && flags.output !== '-') {
    const format = formatFromPath(flags.output);
    if (format) return format.id;
  }
  throw new UsageError('convert: no output format', {
    hint: 'Pass --to <format> (an id or extension such as ttl, nt, rdf, jsonld), or -o file.ext.',
  });
}

export const registerConvert = (program: Command, context: () => CliContext): void => {
  program
    .command('convert')
    .description('convert an RDF document from any serialization to any other')
    .argument('<input>', 'RDF file (.gz too), http(s) URL, harvest folder, or - for stdin')
    .option(
      '-t, --to <format>',
      'output format: id or extension (ttl, nt, nq, trig, n3, rdf, jsonld)',
    )
    .option('-o, --output <file>', 'output file (.gz compresses); - or none for stdout')
    .option('-f, --format <format>', 'input format (default: extension, then content)')
    .option(
      '--context <file|url>',
      'JSON-LD output: compact with this context (file, harvest folder or URL; embedded in the output)',
    )
    .addOption(
      new Option(
        '--context-map <url=file>',
        'JSON-LD input: read a remote context from a file',
      ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
    )
    .option('--allow-remote-contexts', 'JSON-LD input: fetch contexts that are not mapped')
    .option('--base <iri>', 'base IRI for relative IRIs')
    .option(
      '--lenient',
      'skip bad statements, count them and list the first ones (repairs IRIs as --repair)',
    )
    .option(
      '--repair',
      'percent-encode IRIs invalid only by spaces, controls or <>"{}|\\^` (kept, listed)',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (input: string, flags: ConvertFlags) => {
      const ctx = context();
      const to = outputFormat(flags);
      const contexts = await readContextMap(flags.contextMap ?? [], ctx.cwd);
      const compaction =
        flags.context === undefined
          ? undefined
          : /^https?:\/\//i.test(flags.context)
            ? await fetchJsonContext(flags.context, ctx.signal)
            : await readJsonContext(flags.context, ctx.cwd, '--context');
      const common = {
        to,
        baseIRI: flags.base,
        lenient: flags.lenient,
        repair: flags.repair === true || flags.lenient === true,
        contexts,
        allowRemoteContexts: flags.allowRemoteContexts,
        context: compaction,
        signal: ctx.signal,
      };
      const isUrl = /^https?:\/\//i.test(input);
      const folder =
        !isUrl &&
        input !== '-' &&
        (await stat(path.resolve(ctx.cwd, input)).catch(() => undefined));
      let run: (output: Writable) => Promise<{ summary: ConvertSummary; what: string }>;
      if (folder && folder.isDirectory()) {
        const format = flags.format ? resolveFormat(flags.format, '--format').id : undefined;
        const { openInputs } = await import('../input/open.js');
        const documents = openInputs([input], { format, cwd: ctx.cwd, signal: ctx.signal });
        run = async (output) => {
          const summary = await convertDocuments(documents, output, common);
          return { summary, what: `${summary.documents} documents → ${to}` };
        };
      } else {
        const source = isUrl
          ? await openUrl(input, flags.format, ctx.signal)
          : await openSource(input, { format: flags.format, stdin: ctx.stdin, cwd: ctx.cwd });
        ctx.log.debug(`${source.source}: ${source.format} (by ${source.detectedBy}) → ${to}`);
        run = async (output) => {
          const summary = await convert(source.stream, output, {
            ...common,
            from: source.format,
            source: source.source,
          });
          return { summary, what: `${source.format} → ${to}` };
        };
      }
      const sink = openSink(flags.output, { stdout: ctx.stdout, cwd: ctx.cwd });
      try {
        const { summary, what } = await run(sink.stream);
        await sink.commit();
        if (summary.skippedCount > 0) {
          ctx.log.warn(`skipped ${summary.skippedCount} bad statement(s); the first ones:`);
          for (const error of summary.skipped) ctx.log.warn(`  ${error.message}`);
        }
        if (summary.repairedCount > 0) {
          ctx.log.warn(`repaired ${summary.repairedCount} invalid IRI(s); the first ones:`);
          for (const r of summary.repairs) ctx.log.warn(`  ${describeRepair(r)}`);
        }
        ctx.log.info(`${summary.quads} quads: ${what}`);
      } catch (error) {
        await sink.abort();
        throw error;
      }
    });
};
