// **workers-option** reads `--workers <n|auto>`, shared by the commands that read many pages.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { defaultWorkers } from '../shacl/pool.js';

/** `auto`: one worker per core when an input is a folder (many pages), else none. */
export async function workerCount(value: string, inputs: string[], cwd: string): Promise<number> {
  if (value !== 'auto') {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) {
      throw new UsageError(`--workers expects a whole number or auto, got "${value}"`);
    }
    return n;
  }
  for (const input of inputs) {
    if (input === '-' || /^https?:/.test(input)) continue;
    const info = await stat(path.resolve(cwd, input)).catch(() => undefined);
    if (info?.isDirectory()) return defaultWorkers();
  }
  return 0;
}
