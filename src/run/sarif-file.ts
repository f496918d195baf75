// **sarif-file** writes a run's `validation.sarif` from its `findings.jsonl`, on a worker thread
// of its own, so that at data.gouv.fr's size (millions of findings read back and written as
// gigabytes) it goes on beside the report's other files instead of after them.
import { workerModule } from '../worker-module.js';
import { Piscina } from 'piscina';
import { writeSarifFromLines } from '../report/sarif-lines.js';
import type { ValidationSummary } from '../shacl/findings.js';

/** What {@link writeSarifFile} needs: the files and what SARIF says besides the findings. */
export interface SarifJob {
  /** The `findings.jsonl` to read. */
  findings: string;
  /** The SARIF file to write. */
  sarif: string;
  summary: ValidationSummary;
  notices: string[];
  shapes: string;
  /** The tool's version, written as the driver's `semanticVersion`. */
  version?: string;
}

/** Writes the SARIF file in this thread (what the worker runs). */
export function writeSarifHere(job: SarifJob): void {
  writeSarifFromLines(
    job.findings,
    job.sarif,
    job,
    job.version === undefined ? {} : { version: job.version },
  );
}

/**
 * Writes the SARIF file on a worker thread (a one-thread piscina pool, as the validation's: it
 * runs the `.ts` source under the tests too); resolves when it is written, rejects with the
 * worker's error, or with an abort error once `signal` aborts (the thread is stopped, the file
 * left partial).
 */
export async function writeSarifFile(job: SarifJob, signal?: AbortSignal): Promise<void> {
  const { filename, execArgv } = workerModule(new URL('./sarif-worker.js', import.meta.url));
  const pool = new Piscina({ filename, execArgv, minThreads: 1, maxThreads: 1 });
  try {
    await pool.run(job, signal ? { signal } : {});
  } finally {
    await pool.destroy();
  }
}
