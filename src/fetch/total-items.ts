// **total-items** follows the hydra:totalItems pages announce along a walk: where the catalog changed.
import type { PageEntry } from './manifest.js';

/** A `hydra:totalItems` as announced from one page on. */
export interface AnnouncedTotal {
  page: string;
  totalItems: number;
}

/**
 * The first page's `hydra:totalItems` and each page where it changed, in the order of `entries`
 * (page order). More than one element: the catalog changed while it was paged, so skip/limit
 * paging shifted items across pages (duplicates when it grew, skipped items when it shrank).
 */
export function totalItemsAlong(entries: readonly PageEntry[]): AnnouncedTotal[] {
  const out: AnnouncedTotal[] = [];
  for (const entry of entries) {
    if (entry.splitInto || entry.totalItems === undefined) continue;
    if (out[out.length - 1]?.totalItems !== entry.totalItems)
      out.push({ page: entry.id, totalItems: entry.totalItems });
  }
  return out;
}
