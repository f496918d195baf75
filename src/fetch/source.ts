// **source** turns what the user typed (portal root, catalog URL, file) into the first page URL.
import { UsageError } from '../errors.js';
import type { FormatId } from '../rdf/formats.js';

/** udata catalog filters passed through as query parameters. */
export interface CatalogFilters {
  /** Repeatable: datasets carrying every tag. */
  tag?: string[];
  organization?: string;
  /** e.g. `hvd`. */
  badge?: string;
  /** Full-text query. */
  q?: string;
}

/** Where a harvest starts. */
export type ResolvedSource =
  | { kind: 'file'; path: string }
  | { kind: 'csw'; endpoint: string; origin: string }
  | { kind: 'url'; firstPage: string; udata: boolean; origin: string };

/** The udata catalog extension for each format udata can serve (N-Quads answers 500 there). */
export const UDATA_EXTENSIONS: Partial<Record<FormatId, string>> = {
  turtle: 'ttl',
  rdfxml: 'xml',
  jsonld: 'jsonld',
  ntriples: 'nt',
  n3: 'n3',
  trig: 'trig',
};

const UDATA_CATALOG =
  /^(\/api\/1\/(?:site|organizations\/[^/]+))\/(?:catalog|data)(?:\.([a-z-]+))?\/?$/i;

/**
 * A CSW endpoint: `csw+https://…`, or an http(s) URL that names the service (`service=CSW`) or
 * ends in `/csw` (GeoNetwork's `/srv/eng/csw`).
 */
export function cswSource(source: string): ResolvedSource | undefined {
  const prefixed = /^csw\+(https?:\/\/.*)$/i.exec(source);
  if (!prefixed && !/^https?:\/\//i.test(source)) return undefined;
  const url = new URL(prefixed ? (prefixed[1] as string) : source);
  const named = [...url.searchParams].some(
    ([k, v]) => k.toLowerCase() === 'service' && v.toUpperCase() === 'CSW',
  );
  if (!prefixed && !named && !/\/csw\/?$/i.test(url.pathname)) return undefined;
  return { kind: 'csw', endpoint: url.href, origin: url.origin };
}

/**
 * Resolves a source: a portal root → `/api/1/site/catalog.<ext>?page=1&page_size=<n>`; a udata
 * site or organization catalog URL → the same with extension and paging added when missing; any
 * other URL → itself (filters appended); anything else → a local file.
 *
 * @example
 * ```ts
 * import { resolveSource } from 'dcat-harvest/fetch';
 *
 * resolveSource('https://www.data.gouv.fr', { filters: { badge: 'hvd' } });
 * // { kind: 'url', udata: true, firstPage: 'https://www.data.gouv.fr/api/1/site/catalog.ttl?…', … }
 * resolveSource('catalog.ttl'); // { kind: 'file', path: 'catalog.ttl' }
 * ```
 */
export function resolveSource(
  source: string,
  options: { format?: FormatId; pageSize?: number; filters?: CatalogFilters } = {},
): ResolvedSource {
  const csw = cswSource(source);
  if (csw) return csw;
  if (!/^https?:\/\//i.test(source)) return { kind: 'file', path: source };
  const url = new URL(source);
  const format = options.format ?? 'turtle';
  const ext = UDATA_EXTENSIONS[format];
  const root = url.pathname === '/' || url.pathname === '';
  const match = UDATA_CATALOG.exec(url.pathname);
  const udata = root || match !== null || url.pathname.startsWith('/api/1/');
  if (root || match) {
    if (!ext) {
      throw new UsageError(`--format ${format}: udata cannot serve its catalog as ${format}`, {
        hint: 'Use turtle (default, lossless), rdfxml, ntriples, n3, trig or jsonld (lossy).',
      });
    }
    url.pathname = `${root ? '/api/1/site' : match![1]}/catalog.${match?.[2] && !options.format ? match[2] : ext}`;
    if (!url.searchParams.has('page')) url.searchParams.set('page', '1');
    if (!url.searchParams.has('page_size'))
      url.searchParams.set('page_size', String(options.pageSize ?? 100));
  }
  const filters = options.filters ?? {};
  for (const tag of filters.tag ?? []) url.searchParams.append('tag', tag);
  if (filters.organization) url.searchParams.set('organization', filters.organization);
  if (filters.badge) url.searchParams.set('badge', filters.badge);
  if (filters.q) url.searchParams.set('q', filters.q);
  return { kind: 'url', firstPage: url.href, udata, origin: url.origin };
}
