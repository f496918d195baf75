// **link-cache** keeps URL check results on disk between runs (`--link-cache FILE`).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { LinkCheckResult } from './link-types.js';

/** A cached result and when it was checked (epoch ms). */
interface Entry {
  result: LinkCheckResult;
  at: number;
}

/** URL check results that survive between runs. Inconclusive results are never cached. */
export interface LinkCache {
  /** The cached result of a URL, unless older than the cache's maximum age. */
  get(url: string): LinkCheckResult | undefined;
  /** Keeps a result (inconclusive ones are not kept). */
  set(result: LinkCheckResult): void;
  /** Writes the file (atomically: temp file + rename). */
  save(): Promise<void>;
  readonly size: number;
}

const VERSION = 1;

/**
 * Opens (or starts) a cache file; entries older than `maxAgeMs` (default 7 days) are ignored.
 *
 * @example
 * ```ts
 * import { createLinkChecker, openLinkCache } from 'dcat-harvest/audit';
 *
 * const cache = await openLinkCache('.link-cache.json', { maxAgeMs: 7 * 24 * 3600 * 1000 });
 * const checker = createLinkChecker({ cache });
 * await checker.check(['https://example.org/data.csv']);
 * await cache.save();
 * await checker.close();
 * ```
 */
export async function openLinkCache(
  file: string,
  options: { maxAgeMs?: number; now?: () => number } = {},
): Promise<LinkCache> {
  const now = options.now ?? Date.now;
  const maxAge = options.maxAgeMs ?? 7 * 24 * 3600 * 1000;
  const entries = new Map<string, Entry>();
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new InputError(`cannot read the link cache ${file}: ${(error as Error).message}`);
    }
  }
  if (text !== undefined) {
    let data: { version?: number; entries?: Record<string, Entry> };
    try {
      data = JSON.parse(text) as typeof data;
    } catch {
      throw new InputError(
        `the link cache ${file} is not valid JSON: delete it or pass another --link-cache file`,
      );
    }
    if (data.version === VERSION) {
      for (const [url, entry] of Object.entries(data.entries ?? {})) entries.set(url, entry);
    }
  }
  return {
    get(url) {
      const entry = entries.get(url);
      if (!entry || now() - entry.at > maxAge) return undefined;
      return { ...entry.result, cached: true, ms: 0 };
    },
    set(result) {
      if (result.outcome === 'inconclusive') return;
      const { cached: _cached, ...rest } = result;
      entries.set(result.url, { result: rest, at: now() });
    },
    async save() {
      await mkdir(path.dirname(path.resolve(file)), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(
        temp,
        JSON.stringify({ version: VERSION, entries: Object.fromEntries(entries) }),
      );
      await rename(temp, file);
    },
    get size() {
      return entries.size;
    },
  };
}
