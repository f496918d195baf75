// **run-record** is what a queued run leaves in its folder so that it can be resumed: the run's id and catalogs, and each finished catalog's row.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogEntry } from '../catalogs/catalog-options.js';
import type { CatalogRow } from '../catalogs/overview-model.js';
import { CATALOG_ROW_FILE } from '../catalogs/run-catalog.js';
import { UsageError } from '../errors.js';
import { writeAtomic } from '../fetch/harvest-folder.js';

/** The file in the run folder that names the queued run: its job ids come from `run`. */
export const QUEUE_RUN_FILE = 'queue-run.json';

/** What `queue-run.json` holds. */
export interface QueueRunRecord {
  schema: 'dcat-harvest/queue-run/1';
  /** Prefix of the run's job ids: `<run>-<catalog id>`, `<run>-overview`. */
  run: string;
  /** When the run was first sent (a resumed run keeps it: the overview reports it). */
  startedAt: string;
  /** The catalogs, in overview order. */
  ids: string[];
  /** Earlier run ids of this folder (runs resumed after Redis lost their jobs). */
  resumed?: string[];
}

/** Writes the record (atomically). */
export async function writeRunRecord(out: string, record: QueueRunRecord): Promise<void> {
  await writeAtomic(path.join(out, QUEUE_RUN_FILE), JSON.stringify(record, null, 2) + '\n');
}

/**
 * Reads the record of a queued run in `out`; a usage error when there is none.
 *
 * @example
 * ```ts
 * import { readRunRecord } from 'dcat-harvest/queue';
 *
 * const record = await readRunRecord('/shared/runs/monday');
 * console.log(record.run, record.startedAt, record.ids.join(', '));
 * ```
 */
export async function readRunRecord(out: string): Promise<QueueRunRecord> {
  const file = path.join(out, QUEUE_RUN_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  let record: QueueRunRecord | undefined;
  try {
    record = text === undefined ? undefined : (JSON.parse(text) as QueueRunRecord);
  } catch {
    record = undefined;
  }
  if (record?.schema !== 'dcat-harvest/queue-run/1') {
    throw new UsageError(`--resume: ${out} holds no queued run (no readable ${QUEUE_RUN_FILE})`, {
      hint: 'give the --out folder of an earlier `run --queue`, or run without --resume',
    });
  }
  return record;
}

/** Checks the catalogs given to a resumed run are the run's catalogs. */
export function checkSameCatalogs(record: QueueRunRecord, entries: readonly CatalogEntry[]): void {
  const given = entries.map((e) => e.id);
  if (given.join('\n') !== record.ids.join('\n')) {
    throw new UsageError(
      `--resume: the run in this folder has catalogs ${record.ids.join(', ')}; given ${given.join(', ')}`,
      { hint: 'resume with the same sources or --catalogs file as the first run' },
    );
  }
}

/** Writes a finished catalog's row into its folder (last, atomically). */
export async function writeCatalogRow(out: string, row: CatalogRow): Promise<void> {
  await writeAtomic(path.join(out, row.id, CATALOG_ROW_FILE), JSON.stringify(row) + '\n');
}

/** The row a finished catalog left, or undefined when it has not finished. */
export async function readCatalogRow(out: string, id: string): Promise<CatalogRow | undefined> {
  const text = await readFile(path.join(out, id, CATALOG_ROW_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const row = JSON.parse(text) as CatalogRow;
    return row.id === id ? row : undefined;
  } catch {
    return undefined;
  }
}
