// **filters** selects the datasets a catalog request asks for (tag, organization, badge, q), newest first.
import { datasetHeader, type CatalogConfig, type DatasetHeader } from './catalog.js';

/** The dataset filters udata passes through to the catalog. */
export interface DatasetFilter {
  tags: string[];
  organization?: number;
  hvd?: boolean;
  q?: string[];
}

/** Accent-folded lowercase words. */
export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when the dataset passes the filter. */
export function matches(header: DatasetHeader, filter: DatasetFilter): boolean {
  for (const tag of filter.tags) if (!header.tags.includes(tag)) return false;
  if (filter.organization !== undefined) {
    if (header.owner.kind !== 'organization' || header.owner.index !== filter.organization)
      return false;
  }
  if (filter.hvd && !header.hvd) return false;
  if (filter.q && filter.q.length > 0) {
    const title = words(header.title).join(' ');
    for (const w of filter.q) if (!title.includes(w)) return false;
  }
  return true;
}

export function isEmptyFilter(filter: DatasetFilter): boolean {
  return (
    filter.tags.length === 0 &&
    filter.organization === undefined &&
    !filter.hvd &&
    !(filter.q && filter.q.length > 0)
  );
}

/** Selections of filtered catalogs, computed once by a scan of headers and kept (a few, small). */
export class Selections {
  private readonly cache = new Map<string, Int32Array>();

  constructor(
    private readonly config: CatalogConfig,
    private readonly keep = 16,
  ) {}

  /** The matching dataset indices, or undefined when the filter is empty (all datasets). */
  select(filter: DatasetFilter): Int32Array | undefined {
    if (isEmptyFilter(filter)) return undefined;
    const key = JSON.stringify(filter);
    const known = this.cache.get(key);
    if (known) return known;
    const hits: number[] = [];
    for (let i = 0; i < this.config.datasets; i += 1) {
      if (matches(datasetHeader(this.config, i), filter)) hits.push(i);
    }
    const selection = Int32Array.from(hits);
    if (this.cache.size >= this.keep) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, selection);
    return selection;
  }
}
