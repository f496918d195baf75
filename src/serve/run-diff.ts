// **run-diff** compares a catalog's run with its previous one (scores, findings, datasets) and keeps the result beside the run.
import { readFile } from 'node:fs/promises';
import { CHANGES_FILE } from '../catalogs/run-catalog.js';
import type { CatalogChanges } from '../catalogs/changes.js';
import { writeAtomic } from '../fetch/harvest-folder.js';
import { diffSides, type RunDiff } from '../diff/diff.js';
import { readRunReport } from '../run/read-report.js';
import path from 'node:path';

/** Items each list of the stored diff keeps (counts stay exact). */
export const DIFF_LISTED = 20;

/** What the dashboard shows of a run against the previous one. */
export interface StoredDiff {
  /** The previous run's number. */
  previous: number;
  /** Scores, findings introduced and fixed, broken links, regressions (report folders compared). */
  diff: RunDiff;
  /** Datasets added, changed and removed (from the run's `changes.json`), when written. */
  changes?: CatalogChanges;
}

/**
 * Compares the catalog folders of two runs (their `report.json` and `findings.jsonl`, streamed)
 * and writes the result, lists cut to {@link DIFF_LISTED}, to `file`.
 */
export async function writeRunDiff(
  previous: { id: number; folder: string },
  folder: string,
  file: string,
): Promise<StoredDiff> {
  const [a, b] = await Promise.all([readRunReport(previous.folder), readRunReport(folder)]);
  const diff = await diffSides(
    { source: `run ${previous.id}`, kind: 'report', report: a },
    { source: 'this run', kind: 'report', report: b },
    { limit: DIFF_LISTED },
  );
  if (diff.scores) {
    diff.scores.datasets = diff.scores.datasets.slice(0, DIFF_LISTED);
    diff.scores.publishers = diff.scores.publishers.slice(0, DIFF_LISTED);
  }
  const text = await readFile(path.join(folder, CHANGES_FILE), 'utf8').catch(() => undefined);
  const stored: StoredDiff = { previous: previous.id, diff };
  if (text !== undefined) {
    const changes = JSON.parse(text) as CatalogChanges;
    for (const list of ['added', 'changed', 'removed', 'drift'] as const)
      (changes[list] as unknown[]) = changes[list].slice(0, DIFF_LISTED);
    stored.changes = changes;
  }
  await writeAtomic(file, JSON.stringify(stored) + '\n');
  return stored;
}
