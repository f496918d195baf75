// **harvest-csw** harvests a CSW service: its GetRecords pages walked into the harvest folder.
import { walkCsw } from './csw-walk.js';
import type { PageContext } from './harvest-page.js';
import type { HarvestOptions } from './harvest-types.js';
import type { HarvestWalk } from './harvest-walk.js';
import type { HarvestManifest } from './manifest.js';

/** Walks the CSW service at `endpoint` (resuming `previous`'s walk when asked to). */
export async function harvestCsw(
  walk: HarvestWalk,
  ctx: PageContext,
  endpoint: string,
  options: HarvestOptions,
  previous: HarvestManifest | undefined,
): Promise<void> {
  walk.manifest.mode = 'csw';
  walk.emit({ type: 'plan', mode: 'csw' });
  const walked = await walkCsw(
    ctx,
    {
      endpoint,
      ...options.csw,
      ...(options.pageSize === undefined ? {} : { maxRecords: options.pageSize }),
      concurrency: options.concurrency ?? 4,
      maxPages: options.maxPages ?? Infinity,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.resume && previous?.csw ? { previous: previous.csw } : {}),
    },
    walk.record,
  );
  walk.manifest.csw = walked.csw;
  walk.pagesExpected = walked.pagesExpected;
  walk.totalItems = walked.totalItems ?? walk.totalItems;
  walk.stopped.push(...walked.stopped);
  for (const message of walked.warnings) walk.emit({ type: 'warning', message });
}
