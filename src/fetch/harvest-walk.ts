// **harvest-walk** what a harvest's walk shares: the manifest as it is written, the pages met,
// the reasons it stopped short, and the counts its completeness is judged on.
import path from 'node:path';
import { writeAtomic } from './harvest-folder.js';
import type { HarvestEvent } from './harvest-types.js';
import { MANIFEST_FILE, type HarvestManifest, type PageEntry } from './manifest.js';
import type { DatasetKey } from './page-analysis.js';
import { DatasetTally } from './tally.js';

/** A page's id: its number on six digits (`000001`). */
export const pageId = (n: number): string => String(n).padStart(6, '0');

/** Pages in walk order (split pages after their parent). */
export const pageOrder = (a: PageEntry, b: PageEntry): number =>
  a.index - b.index || (a.id < b.id ? -1 : 1);

/** What the walk takes in of a page (a `PageOutcome`, or the part of it a plan keeps). */
export interface RecordedOutcome {
  /** The page's manifest entries (itself, or itself and its halves after a 502). */
  entries: PageEntry[];
  /** Per parsed body: its datasets (for the duplicates count) and its paging facts. */
  analyses: { datasets: DatasetKey[]; paging: { totalItems?: number; last?: string } }[];
  /** URLs that could not be obtained. */
  missing: string[];
  /** A 404 past page 1: the catalog ends before this page. */
  end?: boolean;
  fromDisk: boolean;
}

/** One harvest's walk in progress. */
export class HarvestWalk {
  readonly entries = new Map<string, PageEntry>();
  readonly tally = new DatasetTally();
  /** URLs of pages that could not be fetched. */
  readonly missing: string[] = [];
  /** Why the walk stopped short or what it refused (`ignored …` ones leave it complete). */
  readonly stopped: string[] = [];
  /** A page's sha256 → the first page with that content. */
  readonly hashes = new Map<string, string>();
  totalItems: number | undefined;
  pagesExpected: number | undefined;
  private writing: Promise<void> = Promise.resolve();
  private lastWrite = 0;

  constructor(
    readonly out: string,
    readonly manifest: HarvestManifest,
    readonly emit: (event: HarvestEvent) => void,
  ) {}

  /** Writes the manifest (at most once a second unless forced), atomically, in order. */
  writeManifest(force = false): Promise<void> {
    if (!force && Date.now() - this.lastWrite < 1000) return this.writing;
    this.lastWrite = Date.now();
    this.manifest.pages = [...this.entries.values()].sort(pageOrder);
    const text = JSON.stringify(this.manifest, null, 2) + '\n';
    this.writing = this.writing.then(() => writeAtomic(path.join(this.out, MANIFEST_FILE), text));
    return this.writing;
  }

  /** Takes in a page's outcome: its entries, datasets, missing pages; a twin page stops the walk. */
  readonly record = (outcome: RecordedOutcome): void => {
    for (const entry of outcome.entries) {
      this.entries.set(entry.id, entry);
      if (!entry.splitInto) this.emit({ type: 'page', entry, fromDisk: outcome.fromDisk });
      if (entry.sha256) {
        const twin = this.hashes.get(entry.sha256);
        if (twin)
          this.stopped.push(`page ${entry.id} has the same content as page ${twin} (${entry.url})`);
        else this.hashes.set(entry.sha256, entry.id);
      }
    }
    for (const analysis of outcome.analyses) {
      this.tally.add(analysis.datasets);
      this.totalItems ??= analysis.paging.totalItems;
    }
    this.missing.push(...outcome.missing);
    void this.writeManifest();
  };
}
