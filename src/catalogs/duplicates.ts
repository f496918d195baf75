// **duplicates** finds the same dataset harvested through several catalogs: the same IRI, or the same dct:identifier and landing page.
import type { IndexedPage } from './dataset-index.js';

/** Groups listed in the overview's `report.json` and page (the counts are exact; `duplicates.jsonl` lists all). */
export const DUPLICATES_LISTED = 200;
/** The overview's file listing every cross-catalog duplicate group, one JSON line each. */
export const DUPLICATES_FILE = 'duplicates.jsonl';

/** One dataset seen in one catalog. */
export interface DuplicateMember {
  catalog: string;
  iri: string;
}

/** A dataset met in two catalogs or more. */
export interface DuplicateGroup {
  /** `iri`: the same IRI; `identifier`: the same dct:identifier and dcat:landingPage under other IRIs. */
  by: 'iri' | 'identifier';
  /** The IRI, or `identifier` and landing page. */
  key: string;
  landingPage?: string;
  members: DuplicateMember[];
}

/** The overview's duplicates: how many groups (by IRI, by identifier) and the first groups. */
export interface DuplicatesSection {
  groups: number;
  byIri: number;
  byIdentifier: number;
  /** The file beside the overview that lists every group. */
  file: typeof DUPLICATES_FILE;
  /** The first groups, by key. */
  listed: DuplicateGroup[];
}

/** Members by key, one per (catalog, IRI). */
class Groups {
  readonly map = new Map<string, DuplicateMember[]>();
  add(key: string, member: DuplicateMember): void {
    const list = this.map.get(key);
    if (!list) this.map.set(key, [member]);
    else if (!list.some((m) => m.catalog === member.catalog && m.iri === member.iri))
      list.push(member);
  }
  /** Keys met in more than one catalog. */
  *across(): Generator<[string, DuplicateMember[]]> {
    for (const [key, members] of this.map) {
      if (new Set(members.map((m) => m.catalog)).size > 1) yield [key, members];
    }
  }
}

const SEP = '\u0000';

/**
 * Finds the cross-catalog duplicates of a run, fed one catalog at a time: datasets whose IRI two
 * catalogs share, then datasets with the same `dct:identifier` and `dcat:landingPage` under
 * different IRIs in two catalogs (a group whose IRIs are all one is already an IRI group).
 * Within one catalog, repeats are not counted. Memory holds the keys, not the pages.
 */
export class DuplicateFinder {
  private readonly byIri = new Groups();
  private readonly byIdentifier = new Groups();

  /** Adds one catalog's datasets. */
  add(catalog: string, pages: readonly IndexedPage[]): void {
    for (const page of pages) {
      for (const d of page.datasets) {
        this.byIri.add(d.iri, { catalog, iri: d.iri });
        if (d.identifier !== undefined && d.landingPage !== undefined)
          this.byIdentifier.add(d.identifier + SEP + d.landingPage, { catalog, iri: d.iri });
      }
    }
  }

  /** The groups, IRI groups first, each by key; members by catalog, then IRI. */
  groups(): DuplicateGroup[] {
    const groups: DuplicateGroup[] = [];
    for (const [key, members] of this.byIri.across()) groups.push({ by: 'iri', key, members });
    for (const [key, members] of this.byIdentifier.across()) {
      if (new Set(members.map((m) => m.iri)).size < 2) continue;
      const [identifier, landingPage] = key.split(SEP) as [string, string];
      groups.push({ by: 'identifier', key: identifier, landingPage, members });
    }
    const order = (a: DuplicateMember, b: DuplicateMember) =>
      a.catalog.localeCompare(b.catalog) || (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0);
    for (const g of groups) g.members.sort(order);
    return groups.sort((a, b) => a.by.localeCompare(b.by) || (a.key < b.key ? -1 : 1));
  }
}

/** The overview's section: counts and the first groups. */
export function duplicatesSection(groups: readonly DuplicateGroup[]): DuplicatesSection {
  return {
    groups: groups.length,
    byIri: groups.filter((g) => g.by === 'iri').length,
    byIdentifier: groups.filter((g) => g.by === 'identifier').length,
    file: DUPLICATES_FILE,
    listed: groups.slice(0, DUPLICATES_LISTED),
  };
}
