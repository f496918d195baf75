// **pool** validates pages on a pool of worker threads, in input order, with bounded memory.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { openInputs } from '../input/open.js';
import { resolveFormat } from '../rdf/formats.js';
import type { DocumentOptions } from './documents.js';
import type { PageResult, PageTask, WorkerSetup } from './worker.js';

/** Options of {@link validatePagesInPool}. */
export interface PoolOptions extends DocumentOptions {
  /** Worker threads (default: the number of cores). */
  workers?: number;
  /** Pages in flight per worker before reading pauses (backpressure; default 2). */
  pagesPerWorker?: number;
}

/** The default pool size: every core the process may use. */
export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

/** Finds the worker module: compiled `.js` in dist, or the `.ts` source run through tsx. */
function workerFile(): { filename: string; execArgv: string[] } {
  const js = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(js)) return { filename: js, execArgv: [] };
  return {
    filename: fileURLToPath(new URL('./worker.ts', import.meta.url)),
    execArgv: ['--import', 'tsx'],
  };
}

/**
 * Reads the inputs page by page and validates each page on a worker (which parses it, splits it
 * into records and validates them with its own validator, built once). Yields page results in
 * input order; at most `workers × pagesPerWorker` pages are held in memory at a time.
 */
export async function* validatePagesInPool(
  inputs: readonly string[],
  setup: WorkerSetup,
  options: PoolOptions = {},
): AsyncGenerator<PageResult> {
  const workers = Math.max(1, options.workers ?? defaultWorkers());
  const { filename, execArgv } = workerFile();
  const pool = new Piscina<PageTask, PageResult>({
    filename,
    execArgv,
    workerData: setup,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  const limit = workers * Math.max(1, options.pagesPerWorker ?? 2);
  const inFlight: Promise<PageResult>[] = [];
  const format =
    options.format === undefined ? undefined : resolveFormat(options.format, '--format').id;
  try {
    for await (const document of openInputs(inputs, {
      ...(format === undefined ? {} : { format }),
      ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    })) {
      const task: PageTask = {
        source: document.source,
        format: document.format,
        text: await document.text(),
      };
      const run = pool.run(task);
      run.catch(() => undefined); // awaited in order below; avoid an unhandled rejection meanwhile
      inFlight.push(run);
      while (inFlight.length >= limit) yield await (inFlight.shift() as Promise<PageResult>);
    }
    while (inFlight.length > 0) yield await (inFlight.shift() as Promise<PageResult>);
  } finally {
    await pool.destroy();
  }
}
