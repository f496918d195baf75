// **harvest-finish** judges a finished walk: its completeness, its state and its exit code.
import type { HarvestWalk } from './harvest-walk.js';
import { pageOrder } from './harvest-walk.js';
import type { HarvestSummary } from './harvest-types.js';
import { totalItemsAlong } from './total-items.js';

/**
 * Fills in the manifest's completeness and final state, and writes it. Complete: not interrupted,
 * nothing missing, unparsable or refused, and as many datasets (records for CSW) as announced.
 */
export async function finishHarvest(
  walk: HarvestWalk,
  interrupted: boolean,
): Promise<HarvestSummary> {
  const { manifest, entries, missing, stopped, tally } = walk;
  const unparsable = [...entries.values()]
    .filter((e) => e.error?.kind === 'parse')
    .map((e) => e.id);
  const pagesStored = [...entries.values()].filter((e) => e.file).length;
  // The count to compare with is the first page's: the catalog as the walk found it.
  const totals = totalItemsAlong([...entries.values()].sort(pageOrder));
  const recordsRead = [...entries.values()].reduce(
    (sum, e) => sum + (e.splitInto ? 0 : (e.records ?? 0)),
    0,
  );
  const totalItems = totals[0]?.totalItems ?? walk.totalItems;
  walk.totalItems = totalItems;
  manifest.completeness = {
    complete:
      !interrupted &&
      missing.length === 0 &&
      unparsable.length === 0 &&
      stopped.every((reason) => reason.startsWith('ignored')) &&
      (totalItems === undefined ||
        (manifest.mode === 'csw' ? recordsRead : tally.unique) >= totalItems),
    totalItems,
    ...(totals.length > 1 ? { totalItemsChanges: totals } : {}),
    pagesExpected: walk.pagesExpected,
    pagesStored,
    missingPages: missing,
    unparsablePages: unparsable,
    datasetsSeen: tally.seen,
    uniqueDatasets: tally.unique,
    duplicates: tally.duplicates,
    duplicateSample: tally.sample,
    records: recordsRead,
    repairedIris: [...entries.values()].reduce((sum, e) => sum + (e.repaired ?? 0), 0),
    stopped,
  };
  manifest.state = interrupted
    ? 'interrupted'
    : manifest.completeness.complete
      ? 'complete'
      : 'incomplete';
  manifest.endedAt = new Date().toISOString();
  await walk.writeManifest(true);
  const refused = stopped.some((s) => s.startsWith('refused'));
  const failed = interrupted || refused || missing.length > 0 || unparsable.length > 0;
  return { dir: walk.out, manifest, exitCode: failed ? 3 : 0 };
}
