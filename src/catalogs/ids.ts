// **ids** names the catalogs given as plain sources on the command line: a folder-safe id from each source.
import path from 'node:path';

/**
 * A folder-safe id for a source: `host-port-path` for URLs, the file's name for paths.
 *
 * @example
 * ```ts
 * import { idForSource } from 'dcat-harvest/catalogs';
 *
 * console.log(idForSource('https://www.data.gouv.fr/api/1/site/catalog')); // www.data.gouv.fr-api-1-site-catalog
 * console.log(idForSource('exports/catalog.ttl.gz')); // catalog
 * ```
 */
export function idForSource(source: string): string {
  let raw: string;
  if (/^(?:csw\+)?https?:\/\//i.test(source)) {
    const url = new URL(source.replace(/^csw\+/i, ''));
    raw = [url.hostname, url.port, ...url.pathname.split('/')].filter(Boolean).join('-');
  } else {
    raw = path
      .basename(source.replace(/[/\\]+$/, ''))
      .replace(/\.(gz)$/i, '')
      .replace(/\.[^.]+$/, '');
  }
  const id = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 56);
  return id.length > 0 ? id : 'catalog';
}

/**
 * Ids for several sources, made unique with `-2`, `-3`… in order.
 *
 * @example
 * ```ts
 * import { idsForSources } from 'dcat-harvest/catalogs';
 *
 * console.log(idsForSources(['a/catalog.ttl', 'b/catalog.ttl'])); // ['catalog', 'catalog-2']
 * ```
 */
export function idsForSources(sources: readonly string[]): string[] {
  const used = new Map<string, number>();
  return sources.map((source) => {
    const id = idForSource(source);
    const n = (used.get(id) ?? 0) + 1;
    used.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  });
}
