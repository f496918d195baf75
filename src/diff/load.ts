// **load** reads one side of a diff: a report folder (report.json + harvest/), a harvest folder or RDF.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { isRunReport, type RunReport } from '../run/report-model.js';
import { readFingerprints, type RecordPrint } from './fingerprint.js';

/** What a diff compares on each side. */
export interface DiffSide {
  /** The path as given. */
  source: string;
  kind: 'report' | 'harvest';
  /** The run report, for report folders. */
  report?: RunReport;
  /** Record fingerprints by id; absent for a report folder whose harvest/ was removed. */
  records?: Map<string, RecordPrint>;
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/** Loads a report folder (with `report.json`), a harvest folder, or an RDF file. */
export async function loadDiffSide(source: string, cwd = process.cwd()): Promise<DiffSide> {
  const full = path.resolve(cwd, source);
  const info = await stat(full).catch(() => undefined);
  if (!info)
    throw new InputError(`diff: ${source} not found`, {
      hint: 'give two report or harvest folders',
    });
  const reportFile = info.isDirectory() ? path.join(full, 'report.json') : undefined;
  if (reportFile && (await exists(reportFile))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(reportFile, 'utf8'));
    } catch (error) {
      throw new InputError(`diff: ${reportFile} is not valid JSON: ${(error as Error).message}`);
    }
    if (!isRunReport(parsed)) {
      throw new InputError(`diff: ${reportFile} is not a dcat-harvest run report`, {
        hint: 'it must come from `dcat-harvest run` of a compatible version',
      });
    }
    const harvest = path.join(full, 'harvest');
    const side: DiffSide = { source, kind: 'report', report: parsed };
    if (await exists(harvest)) side.records = await readFingerprints([harvest], { cwd });
    return side;
  }
  return { source, kind: 'harvest', records: await readFingerprints([full], { cwd }) };
}
