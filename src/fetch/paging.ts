// **paging** reads hydra paging links from a page's quads and derives the URLs of other pages.
import type { Quad, Term } from 'n3';
import { HYDRA, RDF } from '../vocab.js';

/** Paging facts read from one page. IRIs are absolute (resolved against the page URL). */
export interface PagingLinks {
  first?: string;
  next?: string;
  previous?: string;
  last?: string;
  /** `hydra:totalItems` (number or numeric string). */
  totalItems?: number;
  /** `hydra:itemsPerPage` (legacy PagedCollection). */
  itemsPerPage?: number;
}

const LINKS: Record<string, keyof PagingLinks> = {
  [HYDRA.first]: 'first',
  [HYDRA.firstPage]: 'first',
  [HYDRA.next]: 'next',
  [HYDRA.nextPage]: 'next',
  [HYDRA.previous]: 'previous',
  [HYDRA.previousPage]: 'previous',
  [HYDRA.last]: 'last',
  [HYDRA.lastPage]: 'last',
};

/** The predicates `readPaging` reads, besides `rdf:type`: a page analysis keeps only these. */
export const PAGING_PREDICATES: ReadonlySet<string> = new Set([
  ...Object.keys(LINKS),
  HYDRA.totalItems,
  HYDRA.itemsPerPage,
]);

function resolve(term: Term, base: string): string | undefined {
  if (term.termType !== 'NamedNode' && term.termType !== 'Literal') return undefined;
  try {
    return new URL(term.value.trim(), base).href;
  } catch {
    return undefined;
  }
}

function integer(term: Term): number | undefined {
  if (term.termType !== 'Literal') return undefined;
  const n = Number(term.value.trim());
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Reads `hydra:PartialCollectionView` (first/next/previous/last) and the legacy
 * `hydra:PagedCollection` (firstPage/nextPage/…/itemsPerPage), with IRI or literal links and
 * `totalItems` as a number or a string. When several nodes carry links, the view whose IRI is
 * the page's own URL wins, then any typed view.
 *
 * @example
 * ```ts
 * import { readPaging } from 'dcat-harvest/fetch';
 * import { parseText } from 'dcat-harvest/rdf';
 *
 * const turtle = `PREFIX hydra: <http://www.w3.org/ns/hydra/core#>
 * <https://example.org/catalog?page=1> a hydra:PartialCollectionView ;
 *   hydra:next <https://example.org/catalog?page=2> ; hydra:last <https://example.org/catalog?page=9> .`;
 * const { quads } = await parseText(turtle, { format: 'turtle' });
 * const links = readPaging(quads, 'https://example.org/catalog?page=1');
 * console.log(links.next, links.last);
 * ```
 */
export function readPaging(quads: Iterable<Quad>, pageUrl: string): PagingLinks {
  const bySubject = new Map<string, PagingLinks>();
  const views = new Set<string>();
  const out: PagingLinks = {};
  for (const q of quads) {
    const p = q.predicate.value;
    if (p === HYDRA.totalItems) {
      out.totalItems ??= integer(q.object);
      continue;
    }
    if (p === HYDRA.itemsPerPage) {
      out.itemsPerPage ??= integer(q.object);
      continue;
    }
    if (
      p === RDF.type &&
      (q.object.value === HYDRA.PartialCollectionView || q.object.value === HYDRA.PagedCollection)
    ) {
      views.add(q.subject.value);
      continue;
    }
    const key = LINKS[p];
    if (!key) continue;
    const link = resolve(q.object, pageUrl);
    if (link === undefined) continue;
    const links = bySubject.get(q.subject.value) ?? {};
    (links as Record<string, unknown>)[key] ??= link;
    bySubject.set(q.subject.value, links);
  }
  const chosen =
    bySubject.get(pageUrl) ??
    [...bySubject.entries()].find(([s]) => views.has(s))?.[1] ??
    bySubject.values().next().value;
  return { ...chosen, ...out };
}

/** The `page` query parameter of a URL, when it is a positive integer. */
export function pageNumber(url: string): number | undefined {
  const value = new URL(url).searchParams.get('page');
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** `url` with its `page` parameter set to `n`, keeping every other parameter in place. */
export function withPage(url: string, n: number): string {
  const u = new URL(url);
  u.searchParams.set('page', String(n));
  return u.href;
}

function sameExceptPage(a: string, b: string): boolean {
  const ua = new URL(a);
  const ub = new URL(b);
  ua.searchParams.delete('page');
  ub.searchParams.delete('page');
  return ua.href === ub.href;
}

/**
 * When the page URLs follow a regular `page=N` pattern (udata: the first page has `page=1` and
 * `hydra:last` differs from it only by `page`), the number of the last page; else undefined and
 * the walk follows `next`.
 */
export function regularLastPage(pageUrl: string, links: PagingLinks): number | undefined {
  if (links.last === undefined || pageNumber(pageUrl) !== 1) return undefined;
  const last = pageNumber(links.last);
  if (last === undefined || !sameExceptPage(pageUrl, links.last)) return undefined;
  if (
    links.next !== undefined &&
    (pageNumber(links.next) !== 2 || !sameExceptPage(pageUrl, links.next))
  )
    return undefined;
  return last;
}

/**
 * The two half-size pages covering the same items as `url` (`page=N&page_size=S` → pages 2N-1
 * and 2N of size S/2), or undefined when the URL has no even-splittable page size.
 */
export function splitPage(url: string): [string, string] | undefined {
  const u = new URL(url);
  const page = pageNumber(url);
  const size = Number(u.searchParams.get('page_size'));
  if (page === undefined || page < 1 || !Number.isInteger(size) || size < 2 || size % 2 !== 0)
    return undefined;
  u.searchParams.set('page_size', String(size / 2));
  u.searchParams.set('page', String(2 * page - 1));
  const a = u.href;
  u.searchParams.set('page', String(2 * page));
  return [a, u.href];
}
