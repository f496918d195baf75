// **load** opens one side of a diff: a report folder (report.json, findings.jsonl, harvest/) or a
// harvest folder. Report data is streamed when compared, never loaded whole.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { readRunReport, type RunReportReader } from '../run/read-report.js';
import { readFingerprints, type RecordPrint } from './fingerprint.js';

/** What a diff compares on each side. */
export interface DiffSide {
  /** The path as given. */
  source: string;
  kind: 'report' | 'harvest';
  /** The run report opened for streaming, for report folders. */
  report?: RunReportReader;
  /** Record fingerprints by id; absent for a report folder whose harvest/ was removed. */
  records?: Map<string, RecordPrint>;
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/** Opens a report folder (with `report.json`), a `report.json`, or a harvest folder. */
export async function loadDiffSide(source: string, cwd = process.cwd()): Promise<DiffSide> {
  const full = path.resolve(cwd, source);
  const info = await stat(full).catch(() => undefined);
  if (!info)
    throw new InputError(`diff: ${source} not found`, {
      hint: 'give two report or harvest folders',
    });
  const folder = info.isDirectory() ? full : path.dirname(full);
  const isReport = info.isDirectory()
    ? await exists(path.join(full, 'report.json'))
    : path.basename(full) === 'report.json';
  if (isReport) {
    const side: DiffSide = { source, kind: 'report', report: await readRunReport(full) };
    const harvest = path.join(folder, 'harvest');
    if (await exists(harvest)) side.records = await readFingerprints([harvest], { cwd });
    return side;
  }
  return { source, kind: 'harvest', records: await readFingerprints([full], { cwd }) };
}
