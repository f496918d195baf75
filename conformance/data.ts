// Locates the shared reference data for the conformance suite (set by conformance/run.mjs).
import { join } from 'node:path';

const root = process.env.DCAT_HARVEST_SHARED_DATA;
if (!root) throw new Error('run the conformance suite with: npm run conformance -- <data dir>');

/** Absolute path of a file in the reference data. */
export function dataPath(...parts: string[]): string {
  return join(root as string, ...parts);
}
