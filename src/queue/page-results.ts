// **page-results** are the files a queued run's page jobs leave in a catalog's folder: each page's worker result, written once, atomically, read by the catalog's aggregate step.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeAtomic } from '../fetch/harvest-folder.js';
import { openInputs, type InputDocument } from '../input/open.js';
import type { PooledPage } from '../shacl/pool.js';
import type { PageResult, WorkerSetup } from '../shacl/worker.js';
import { VERSION } from '../version.js';

/** The folder of a catalog's page results (beside its harvest). */
export const PAGE_RESULTS_DIR = 'page-results';

/** Written once the catalog's harvest is done: how many pages its page jobs validate. */
export const PAGES_FILE = 'pages.json';

/** What `page-results/pages.json` holds. */
export interface PagesRecord {
  schema: 'dcat-harvest/pages/1';
  /** Documents (pages) the validation reads, in input order. */
  pages: number;
  /** The inputs they come from (the harvest's page files, or the local source). */
  inputs: string[];
}

/** A stored page result: the worker's result with what it was made from. */
export interface StoredPage {
  schema: 'dcat-harvest/page-result/1';
  version: string;
  /** The worker setup (shapes, compliance, measure) as JSON: results of another are not reused. */
  setup: string;
  /** sha256 of the page's text. */
  sha256: string;
  /** The harvest folder the page was read from (its paths are rewritten when reused elsewhere). */
  harvest: string;
  result: PageResult;
}

/** The file of page `page` (0-based) in a catalog folder. */
export function pageResultFile(dir: string, page: number): string {
  return path.join(dir, PAGE_RESULTS_DIR, `${String(page).padStart(6, '0')}.v8`);
}

/** The key of a worker setup in stored results. */
export const setupKey = (setup: WorkerSetup): string => JSON.stringify(setup);

/** sha256 of a page's text. */
export const sha256Of = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * `value` with every typed array that is a view on a larger buffer (a slab of Node's buffer pool,
 * a buffer shared by several arrays) copied to a buffer of its own: V8's serializer writes a
 * view's whole buffer, so the file would hold other bytes (and differ from run to run); and every
 * string made again, held one way.
 */
function exact(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    if (value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) return value;
    // A Buffer is copied as a plain Uint8Array (Buffer's own copies come from the pool again).
    if (value instanceof Uint8Array) return new Uint8Array(value);
    const Kind = value.constructor as new (from: ArrayBufferView) => ArrayBufferView;
    return new Kind(value);
  }
  // A string is written as V8 holds it (Latin-1 or UTF-16, depending on how it was made): made
  // again from UTF-8, it is held the one way its characters allow.
  if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('utf8');
  // An integer is written as a small integer or a double depending on how V8 held it (optimized
  // code may hold 12 as a double): as an int32 where it is one.
  if (typeof value === 'number')
    return (value | 0) === value && !Object.is(value, -0) ? value | 0 : value;
  if (Array.isArray(value)) return value.map(exact);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = exact(v);
  return out;
}

/**
 * Writes a page's result atomically (a temporary file renamed): V8's serializer keeps the packed
 * findings' typed arrays, as the thread the pool answers through does. The same result gives the
 * same content; the bytes too as far as `exact` can make them (a full-suite run once saw them
 * differ where the content did not: not located).
 */
export async function writePageResult(file: string, stored: StoredPage): Promise<void> {
  await writeAtomic(file, serialize(exact(stored)));
}

/** A stored page result, or undefined when there is none (or one this version cannot read). */
export async function readPageResult(file: string): Promise<StoredPage | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    const stored = deserialize(bytes) as StoredPage;
    return stored.schema === 'dcat-harvest/page-result/1' && stored.version === VERSION
      ? stored
      : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `pages.json`: the catalog's harvest is done and has this many pages. */
export async function writePagesRecord(dir: string, record: PagesRecord): Promise<void> {
  await writeAtomic(
    path.join(dir, PAGE_RESULTS_DIR, PAGES_FILE),
    JSON.stringify(record, null, 2) + '\n',
  );
}

/** The catalog's `pages.json`, or undefined when its harvest has not finished. */
export async function readPagesRecord(dir: string): Promise<PagesRecord | undefined> {
  const text = await readFile(path.join(dir, PAGE_RESULTS_DIR, PAGES_FILE), 'utf8').catch(
    () => undefined,
  );
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as PagesRecord;
    return record.schema === 'dcat-harvest/pages/1' ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The documents `skip` to `skip + count` of the inputs, in order (the others' text unread). */
export async function* documentsOf(
  inputs: readonly string[],
  range: { skip: number; count: number },
  options: { cwd?: string; signal?: AbortSignal } = {},
): AsyncGenerator<InputDocument> {
  if (range.count <= 0) return;
  let at = 0;
  for await (const document of openInputs(inputs, options)) {
    if (at++ < range.skip) continue;
    yield document;
    if (at >= range.skip + range.count) return;
  }
}

/**
 * The stored page results of a catalog folder as the pool would give them, for
 * `ValidateOptions.storedPages`: page by page in input order, each with its document (to be read
 * again when settling). A page with no result of its own (its job failed for good) is validated here with
 * `setup`, so the run fails or succeeds as an in-process one would.
 */
export function storedPagesOf(
  dir: string,
  setup: WorkerSetup,
  options: { cwd?: string; signal?: AbortSignal } = {},
): (inputs: readonly string[]) => AsyncIterable<PooledPage> {
  return async function* stored(inputs) {
    let page = 0;
    for await (const document of openInputs(inputs, options)) {
      const n = page++;
      const found = await readPageResult(pageResultFile(dir, n));
      // A result made for another document (a page job validated a page where a page before it
      // failed) is not this one's.
      if (found && found.result.source === document.source) {
        yield { ...found.result, page: n, document };
        continue;
      }
      const { validatePageWith } = await import('../shacl/worker.js');
      const result = await validatePageWith(setup, {
        source: document.source,
        format: document.format,
        text: await document.text(),
        page: n,
        rereadable: document.rereadable,
      });
      yield { ...result, page: n, document };
    }
  };
}
