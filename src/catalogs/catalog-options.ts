// **catalog-options** is what one catalog of a multi-catalog run may set: the option table and its types.

/** Options a catalog entry or the file's `defaults` set (kebab-case, as on the command line). */
export interface CatalogOptions {
  /** Format asked of udata portals, or of a file or URL source. */
  format?: 'turtle' | 'trig' | 'ntriples' | 'nquads' | 'n3' | 'jsonld' | 'rdfxml';
  'page-size'?: number;
  'max-pages'?: number;
  /** Only datasets with this tag, or all of these tags (udata). */
  tag?: string | string[];
  organization?: string;
  badge?: string;
  q?: string;
  profile?: string;
  level?: string;
  method?: 'mqa' | 'proportional';
  /** false, true or `all`, or `sample:N`. */
  'check-links'?: boolean | string;
  rate?: number;
  concurrency?: number;
  retries?: number;
  'allow-cross-origin'?: boolean;
  background?: 'vocabularies' | 'classes' | 'none';
  relax?: 'documents'[];
  'by-publisher'?: boolean;
  'fail-on'?: 'violation' | 'warning' | 'info' | 'never';
  'min-score'?: number;
  'min-rating'?: 'excellent' | 'good' | 'sufficient' | 'bad';
}

/** The option names, in the order the schema and the docs list them. */
export const CATALOG_OPTION_NAMES: readonly (keyof CatalogOptions)[] = [
  'format',
  'page-size',
  'max-pages',
  'tag',
  'organization',
  'badge',
  'q',
  'profile',
  'level',
  'method',
  'check-links',
  'rate',
  'concurrency',
  'retries',
  'allow-cross-origin',
  'background',
  'relax',
  'by-publisher',
  'fail-on',
  'min-score',
  'min-rating',
];

/** One catalog of a run: its id, its source and its options (defaults already applied). */
export interface CatalogEntry {
  /** Names the sub-folder and the overview row. */
  id: string;
  /** Portal root or catalog page URL, harvest folder or RDF file (absolute when a path). */
  source: string;
  title?: string;
  options: CatalogOptions;
  /** Where the entry was written (`file:line:column`), for messages. */
  where?: string;
  /** When `serve` runs it, as written (checked): `every` or `cron`; `run` ignores it. */
  schedule?: { every?: string; cron?: string };
}

/**
 * Later layers win: the command line's flags, then the file's defaults, then the entry.
 *
 * @example
 * ```ts
 * import { mergeOptions } from 'dcat-harvest/catalogs';
 *
 * // The command line's flags, then the file's defaults, then the entry: later layers win.
 * const options = mergeOptions({ rate: 5 }, { 'page-size': 100, rate: 2 }, { badge: 'hvd' });
 * console.log(options); // { rate: 2, 'page-size': 100, badge: 'hvd' }
 * ```
 */
export function mergeOptions(...layers: (CatalogOptions | undefined)[]): CatalogOptions {
  const out: CatalogOptions = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const name of CATALOG_OPTION_NAMES) {
      if (layer[name] !== undefined) Object.assign(out, { [name]: layer[name] });
    }
  }
  return out;
}
