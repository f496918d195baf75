// **context** fetches udata's JSON-LD context, keeps it as served and as a usable wrapped context.
import path from 'node:path';
import { writeAtomic } from './harvest-folder.js';
import type { HttpClient } from './http.js';

export const CONTEXT_FILE = 'context.jsonld';
export const WRAPPED_CONTEXT_FILE = 'context.wrapped.jsonld';

/** udata serves the bare term map; JSON-LD processors need `{"@context": …}`. */
export function wrapContext(served: unknown): Record<string, unknown> {
  if (served && typeof served === 'object' && '@context' in served)
    return served as Record<string, unknown>;
  return { '@context': served };
}

/**
 * Fetches `<origin>/api/1/site/context.jsonld` into the folder (as served, and wrapped). A
 * failure is recorded, not thrown: the context is a convenience, the pages are the harvest.
 */
export async function fetchContext(
  client: HttpClient,
  origin: string,
  dir: string,
  signal?: AbortSignal,
): Promise<{ url: string; served: string; wrapped: string } | { url: string; error: string }> {
  const url = `${origin}/api/1/site/context.jsonld`;
  try {
    const response = await client.request(url, { signal, retries: 2 });
    if (response.status !== 200) return { url, error: `HTTP ${response.status}` };
    const parsed: unknown = JSON.parse(response.body.toString('utf8'));
    await writeAtomic(path.join(dir, CONTEXT_FILE), response.body);
    await writeAtomic(
      path.join(dir, WRAPPED_CONTEXT_FILE),
      JSON.stringify(wrapContext(parsed), null, 2) + '\n',
    );
    return { url, served: CONTEXT_FILE, wrapped: WRAPPED_CONTEXT_FILE };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { url, error: (error as Error).message };
  }
}
