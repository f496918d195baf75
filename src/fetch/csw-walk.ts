// **csw-walk** harvests a CSW 2.0.2 catalog: capabilities, then GetRecords pages by startPosition, concurrent once numberOfRecordsMatched is known.
import path from 'node:path';
import { DcatHarvestError } from '../errors.js';
import { writeAtomic } from './harvest-folder.js';
import { obtainPage, type PageContext, type PageOutcome } from './harvest-page.js';
import { isCswCapabilities, readCapabilities, type CswCapabilities } from './csw-capabilities.js';
import {
  CSW_SCHEMAS,
  capabilitiesUrl,
  cswEndpoint,
  getRecordsBody,
  getRecordsUrl,
  type GetRecordsSpec,
} from './csw-request.js';
import type { CswManifest } from './manifest.js';

export const CAPABILITIES_FILE = 'capabilities.xml';

/** How to ask a CSW catalog. */
export interface CswWalkOptions {
  /** The service endpoint (`https://…/srv/eng/csw`). */
  endpoint: string;
  /** GET (default) or POST. */
  method?: 'GET' | 'POST';
  /** outputSchema URI (default DCAT, or GeoDCAT-AP when only that is offered). */
  outputSchema?: string;
  /** A CQL filter. */
  constraint?: string;
  /** Records per page (default 100). */
  maxRecords?: number;
  concurrency: number;
  maxPages: number;
  signal?: AbortSignal;
  /** The capabilities of an earlier run (resume): not asked again. */
  previous?: CswManifest;
}

/** What the walk found, for the manifest. */
export interface CswWalkResult {
  csw: CswManifest;
  pagesExpected?: number;
  totalItems?: number;
  /** Why the walk stopped short (pages not fetched). */
  stopped: string[];
  /** Things to tell that do not make the harvest incomplete. */
  warnings: string[];
}

const id = (n: number) => String(n).padStart(6, '0');

/** Fetches and stores the capabilities; undefined (with a warning) when they cannot be read. */
async function capabilities(
  ctx: PageContext,
  endpoint: string,
  warnings: string[],
): Promise<CswCapabilities | undefined> {
  const url = capabilitiesUrl(endpoint);
  try {
    const response = await ctx.client.request(url, { signal: ctx.signal });
    const text = response.body.toString('utf8');
    if (response.status !== 200 || !isCswCapabilities(text.slice(0, 4096))) {
      warnings.push(
        `${url}: no CSW capabilities (HTTP ${response.status}); asking GetRecords at the endpoint with the default output schema`,
      );
      return undefined;
    }
    await writeAtomic(path.join(ctx.dir, CAPABILITIES_FILE), response.body);
    return readCapabilities(text);
  } catch (error) {
    if (error instanceof DcatHarvestError && error.code === 'DH_ABORTED') throw error;
    warnings.push(`${url}: ${(error as Error).message}; asking GetRecords at the endpoint`);
    return undefined;
  }
}

/** The output schema: the one asked, else DCAT, else GeoDCAT-AP when only that is offered. */
function chooseSchema(asked: string | undefined, offered: string[], warnings: string[]): string {
  const dcat = CSW_SCHEMAS.dcat as string;
  const geodcat = CSW_SCHEMAS.geodcat as string;
  const schema =
    asked ??
    (offered.length > 0 && !offered.includes(dcat) && offered.includes(geodcat) ? geodcat : dcat);
  if (offered.length > 0 && !offered.includes(schema))
    warnings.push(
      `the capabilities do not offer outputSchema ${schema} (offered: ${offered.join(', ')}); asking anyway`,
    );
  return schema;
}

/**
 * Walks a CSW catalog into the harvest folder of `ctx`: every GetRecords response stored as
 * received (exception reports too, as `pages/<id>.exception.xml`), each page handed to `record`.
 */
export async function walkCsw(
  ctx: PageContext,
  options: CswWalkOptions,
  record: (outcome: PageOutcome) => void,
): Promise<CswWalkResult> {
  const warnings: string[] = [];
  const stopped: string[] = [];
  const endpoint = cswEndpoint(options.endpoint);
  const caps = options.previous?.capabilities
    ? undefined
    : await capabilities(ctx, endpoint, warnings);
  const method = options.method ?? 'GET';
  const offered = caps?.outputSchemas ?? options.previous?.offered ?? [];
  const target =
    options.previous?.endpoint ??
    cswEndpoint((method === 'POST' ? caps?.post : caps?.get) ?? endpoint);
  const spec: GetRecordsSpec = {
    outputSchema: chooseSchema(
      options.outputSchema ?? options.previous?.outputSchema,
      offered,
      warnings,
    ),
    maxRecords: options.maxRecords ?? 100,
    ...(options.constraint === undefined ? {} : { constraint: options.constraint }),
  };
  const csw: CswManifest = {
    endpoint: target,
    method,
    outputSchema: spec.outputSchema,
    ...(offered.length > 0 ? { offered } : {}),
    ...(spec.constraint === undefined ? {} : { constraint: spec.constraint }),
    maxRecords: spec.maxRecords,
    ...(caps || options.previous?.capabilities ? { capabilities: CAPABILITIES_FILE } : {}),
  };
  const page = (n: number, startPosition = 1 + (n - 1) * spec.maxRecords) =>
    method === 'POST'
      ? obtainPage(ctx, id(n), n, target, 0, {
          post: getRecordsBody(spec, startPosition),
          startPosition,
        })
      : obtainPage(ctx, id(n), n, getRecordsUrl(target, spec, startPosition), 0, { startPosition });
  const matchedOf = (outcome: PageOutcome) =>
    outcome.analyses[outcome.analyses.length - 1]?.csw?.numberOfRecordsMatched;

  const first = await page(1);
  record(first);
  let matched = matchedOf(first);
  if (matched === undefined) {
    // No count: follow nextRecord, one page after the other.
    let next = first.analyses[0]?.csw?.nextRecord ?? 0;
    for (let n = 2; next > 0 && !options.signal?.aborted; n++) {
      if (n > options.maxPages) {
        stopped.push(`--max-pages ${options.maxPages} reached; records from ${next} not fetched`);
        break;
      }
      const outcome = await page(n, next);
      record(outcome);
      const after = outcome.analyses[0]?.csw?.nextRecord ?? 0;
      if (after !== 0 && after <= next) {
        stopped.push(`paging loop: page ${n} gives nextRecord ${after} after ${next}`);
        break;
      }
      next = after;
    }
    return { csw, stopped, warnings };
  }
  // The count is known: every page by its startPosition, concurrently.
  let announced = Math.max(1, Math.ceil(matched / spec.maxRecords));
  let final = Math.min(announced, options.maxPages);
  let nextPage = 2;
  const worker = async () => {
    while (!options.signal?.aborted && nextPage <= final) {
      const outcome = await page(nextPage++);
      record(outcome);
      const more = matchedOf(outcome);
      if (more !== undefined && more > matched!) {
        matched = more;
        announced = Math.ceil(more / spec.maxRecords);
        final = Math.min(announced, options.maxPages);
      }
    }
  };
  const results = await Promise.allSettled(
    Array.from({ length: Math.max(1, options.concurrency) }, worker),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  if (final < announced)
    stopped.push(`--max-pages ${options.maxPages}: pages ${final + 1}–${announced} not fetched`);
  return { csw, pagesExpected: announced, totalItems: matched, stopped, warnings };
}
