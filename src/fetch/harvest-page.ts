// **harvest-page** obtains one page of a walk: from disk on resume, else fetched, stored, parsed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DcatHarvestError, LimitError, NetworkError } from '../errors.js';
import { FORMATS, detectFormat, formatFromPath, type FormatId } from '../rdf/formats.js';
import { sha256, writeAtomic } from './harvest-folder.js';
import type { HttpClient } from './http.js';
import type { PageEntry } from './manifest.js';
import { MAX_REPAIRS_LISTED, PAGES_DIR } from './manifest.js';
import { analyzePage, type PageAnalysis } from './page-analysis.js';
import { splitPage } from './paging.js';

/** What every page fetch shares. */
export interface PageContext {
  client: HttpClient;
  dir: string;
  signal?: AbortSignal;
  /** The format asked of the server (udata), else detected per page. */
  format?: FormatId;
  /** Retry a 502 as two half-size pages. */
  adaptive: boolean;
  /** Page files already on disk (resume), by id. */
  stored: Map<string, string>;
  /** Manifest entries of the previous run (resume), by id. */
  previous: Map<string, PageEntry>;
  contexts?: Record<string, unknown>;
}

/** One page's result: its entries (itself, or itself plus its halves) and what they hold. */
export interface PageOutcome {
  entries: PageEntry[];
  analyses: PageAnalysis[];
  /** A 404 past page 1: the walk is over. */
  end?: boolean;
  /** URLs that could not be obtained. */
  missing: string[];
  fromDisk: boolean;
}

const MAX_SPLIT_DEPTH = 6;

function pageFormat(
  ctx: PageContext,
  contentType: string | undefined,
  url: string,
  body: Buffer,
): FormatId {
  return (
    ctx.format ??
    detectFormat({
      mediaType: contentType,
      path: new URL(url).pathname,
      head: body.toString('utf8', 0, 1024),
    })?.format ??
    'turtle'
  );
}

function describeAnalysis(entry: PageEntry, body: Buffer, analysis: PageAnalysis): PageEntry {
  return {
    ...entry,
    bytes: body.length,
    sha256: sha256(body),
    triples: analysis.triples,
    records: analysis.records,
    datasets: analysis.datasets.length,
    totalItems: analysis.paging.totalItems,
    error: analysis.error ? pageError(analysis.error) : undefined,
    ...(analysis.repairs.length === 0
      ? {}
      : {
          repaired: analysis.repairs.length,
          repairs: analysis.repairs
            .slice(0, MAX_REPAIRS_LISTED)
            .map(({ line, column, original, repaired }) => ({ line, column, original, repaired })),
        }),
  };
}

/** A page's error from what its analysis found: a parse error, or a CSW exception report. */
function pageError(error: NonNullable<PageAnalysis['error']>): PageEntry['error'] {
  const { exception, capabilities: _capabilities, ...rest } = error;
  return exception ? { kind: 'exception', message: rest.message } : { kind: 'parse', ...rest };
}

/** Keeps a CSW exception report as received, but not as a page (a resume asks again). */
async function keepException(ctx: PageContext, id: string, body: Buffer): Promise<string> {
  const file = `${PAGES_DIR}/${id}.exception.xml`;
  await writeAtomic(path.join(ctx.dir, file), body);
  return file;
}

/** A request other than a plain GET of the page URL (CSW GetRecords by POST). */
export interface PageRequest {
  post?: string;
  startPosition?: number;
}

async function fromDisk(
  ctx: PageContext,
  id: string,
  index: number,
  url: string,
  file: string,
): Promise<PageOutcome> {
  const body = await readFile(path.join(ctx.dir, file));
  const format = formatFromPath(file)?.id ?? ctx.format ?? 'turtle';
  const before = ctx.previous.get(id);
  const analysis = await analyzePage(body, format, before?.finalUrl ?? url, ctx.contexts);
  const entry = describeAnalysis(
    { status: 200, attempts: 0, timeMs: 0, ...before, id, index, url, file, format },
    body,
    analysis,
  );
  return { entries: [entry], analyses: [analysis], missing: [], fromDisk: true };
}

async function split(
  ctx: PageContext,
  entry: PageEntry,
  depth: number,
): Promise<PageOutcome | undefined> {
  const halves = ctx.adaptive && depth < MAX_SPLIT_DEPTH ? splitPage(entry.url) : undefined;
  if (!halves) return undefined;
  const ids = [`${entry.id}-1`, `${entry.id}-2`];
  const parts = [
    await obtainPage(ctx, ids[0]!, entry.index, halves[0], depth + 1),
    await obtainPage(ctx, ids[1]!, entry.index, halves[1], depth + 1),
  ];
  return {
    entries: [{ ...entry, splitInto: ids }, ...parts.flatMap((p) => p.entries)],
    analyses: parts.flatMap((p) => p.analyses),
    missing: parts.flatMap((p) => p.missing),
    fromDisk: parts.every((p) => p.fromDisk),
  };
}

/**
 * Obtains page `id` at `url`: reuses the stored body on resume, else fetches it (retries are
 * the client's), stores the body as received, parses it (once more on a parse error, in case the
 * fault was transient), and splits a 502 into two half-size pages when allowed.
 */
export async function obtainPage(
  ctx: PageContext,
  id: string,
  index: number,
  url: string,
  depth = 0,
  request: PageRequest = {},
): Promise<PageOutcome> {
  const storedFile = ctx.stored.get(id);
  if (storedFile) return fromDisk(ctx, id, index, url, storedFile);
  const base: PageEntry = { id, index, url, attempts: 0, timeMs: 0, ...request };
  const asked = request.post
    ? {
        method: 'POST' as const,
        body: request.post,
        headers: { 'content-type': 'application/xml; charset=utf-8' },
      }
    : {};
  if (ctx.previous.get(id)?.splitInto || ctx.stored.has(`${id}-1`)) {
    const resumed = await split(ctx, { ...base, status: 502 }, depth);
    if (resumed) return resumed;
  }
  const started = Date.now();
  let attempts = 0;
  for (let parseTry = 0; ; parseTry++) {
    let response;
    try {
      response = await ctx.client.request(url, { ...asked, signal: ctx.signal });
    } catch (error) {
      if (error instanceof NetworkError && error.code === 'DH_ABORTED') throw error;
      const kind = error instanceof LimitError ? 'limit' : 'network';
      const message = error instanceof DcatHarvestError ? error.message : String(error);
      const entry: PageEntry = {
        ...base,
        attempts: attempts + 1,
        timeMs: Date.now() - started,
        error: { kind, message },
      };
      return { entries: [entry], analyses: [], missing: [url], fromDisk: false };
    }
    attempts += response.attempts;
    const entry: PageEntry = {
      ...base,
      finalUrl: response.url === url ? undefined : response.url,
      status: response.status,
      contentType: response.contentType,
      wireBytes: response.wireBytes,
      attempts,
      timeMs: Date.now() - started,
      fetchedAt: new Date().toISOString(),
    };
    if (response.status === 404 && index > 1)
      return { entries: [entry], analyses: [], end: true, missing: [], fromDisk: false };
    if (response.status === 502) {
      const halves = await split(ctx, entry, depth);
      if (halves) return halves;
    }
    if (response.status < 200 || response.status >= 300) {
      const error: PageEntry['error'] = {
        kind: 'http' as const,
        message: `HTTP ${response.status} after ${attempts} attempt(s)`,
      };
      // A CSW service answers a bad request with a 400 and an exception report: keep its text.
      let exceptionFile: string | undefined;
      if (/ExceptionReport/.test(response.body.toString('utf8', 0, 2048))) {
        const analysis = await analyzePage(response.body, 'rdfxml', response.url);
        if (analysis.error?.exception) {
          error.kind = 'exception';
          error.message = `HTTP ${response.status}: ${analysis.error.message}`;
          exceptionFile = await keepException(ctx, id, response.body);
        }
      }
      const failed = exceptionFile ? { ...entry, error, exceptionFile } : { ...entry, error };
      return { entries: [failed], analyses: [], missing: [url], fromDisk: false };
    }
    const format = pageFormat(ctx, response.contentType, response.url, response.body);
    const analysis = await analyzePage(response.body, format, response.url, ctx.contexts);
    if (analysis.error && !analysis.error.capabilities && parseTry === 0) continue;
    if (analysis.error?.exception) {
      const file = await keepException(ctx, id, response.body);
      const failed = describeAnalysis({ ...entry, format }, response.body, analysis);
      return {
        entries: [{ ...failed, exceptionFile: file }],
        analyses: [],
        missing: [url],
        fromDisk: false,
      };
    }
    const extension = analysis.csw ? 'xml' : FORMATS[format].extensions[0];
    const file = `${PAGES_DIR}/${id}.${extension}`;
    await writeAtomic(path.join(ctx.dir, file), response.body);
    const done = describeAnalysis({ ...entry, file, format }, response.body, analysis);
    return { entries: [done], analyses: [analysis], missing: [], fromDisk: false };
  }
}
