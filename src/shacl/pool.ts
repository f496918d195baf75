// **pool** validates pages on a pool of worker threads, in input order, with bounded memory.
import { workerModule } from '../worker-module.js';
import os from 'node:os';
import { Piscina } from 'piscina';
import { openInputs, type InputDocument } from '../input/open.js';
import { resolveFormat } from '../rdf/formats.js';
import type { DocumentOptions } from './documents.js';
import { afterCrossing } from './thread-errors.js';
import type { PageResult, PageTask, ReviseResult, ReviseTask, WorkerSetup } from './worker.js';

/** Options of {@link PagePool}. */
export interface PoolOptions extends DocumentOptions {
  /** Worker threads (default: the number of cores). */
  workers?: number;
  /** Pages in flight per worker before reading pauses (backpressure; default 2). */
  pagesPerWorker?: number;
  /**
   * Old-generation heap of each worker, MB (default 384; 0: V8's default). A page that needs more
   * is validated in this thread instead, with a notice.
   */
  workerHeapMb?: number;
}

/**
 * The default heap of a worker: a page of 100 udata datasets keeps 50–60 MB alive; the page of
 * the 74,200-dataset sample portal with its largest dataset (9,076 distributions, 10 MB of Turtle)
 * up to ≈ 300 (measured).
 */
export const DEFAULT_WORKER_HEAP_MB = 384;

/** A page's results, with its position in the input and the document, to read it again. */
export interface PooledPage extends PageResult {
  page: number;
  document: InputDocument;
}

/** The default pool size: every core the process may use. */
export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * Worker threads that validate pages (each parses a page, splits it into records and validates
 * them with its own validator, built once), then, at the end of a run, validate again the records
 * other pages changed. Results come back in order; at most `workers × pagesPerWorker` tasks are in
 * flight (and their pages in memory) at a time.
 */
export class PagePool {
  private readonly pool: Piscina;
  private readonly limit: number;
  private readonly heapMb: number;

  constructor(
    private readonly setup: WorkerSetup,
    private readonly options: PoolOptions = {},
  ) {
    const workers = Math.max(1, options.workers ?? defaultWorkers());
    const { filename, execArgv } = workerModule(new URL('./worker.js', import.meta.url));
    this.heapMb = options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB;
    this.pool = new Piscina({
      filename,
      execArgv,
      workerData: setup,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 1000,
      // Bounded heaps: V8 lets a busy heap grow far past what it holds alive.
      ...(this.heapMb > 0
        ? { resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 48 } }
        : {}),
    });
    this.limit = workers * Math.max(1, options.pagesPerWorker ?? 2);
  }

  /** Runs tasks in order with at most `limit` in flight, yielding their results in order. */
  private async *ordered<T, R>(
    tasks: AsyncIterable<T> | Iterable<T>,
    run: (task: T) => Promise<R>,
  ): AsyncGenerator<R> {
    const inFlight: Promise<R>[] = [];
    for await (const task of tasks) {
      const pending = run(task);
      pending.catch(() => undefined); // awaited in order below; no unhandled rejection meanwhile
      inFlight.push(pending);
      while (inFlight.length >= this.limit) yield await (inFlight.shift() as Promise<R>);
    }
    while (inFlight.length > 0) yield await (inFlight.shift() as Promise<R>);
  }

  /** Reads the inputs page by page and validates each page on a worker. */
  async *pages(inputs: readonly string[]): AsyncGenerator<PooledPage> {
    const options = this.options;
    const format =
      options.format === undefined ? undefined : resolveFormat(options.format, '--format').id;
    const documents = openInputs(inputs, {
      ...(format === undefined ? {} : { format }),
      ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    let page = 0;
    // The number is taken before any await: pages are numbered in input order.
    yield* this.ordered(documents, (document) => this.page(document, page++));
  }

  /** Validates one document on a worker as the page numbered `page` (its text when read already). */
  async page(document: InputDocument, page: number, text?: string): Promise<PooledPage> {
    const task: PageTask = {
      source: document.source,
      format: document.format,
      text: text ?? (await document.text()),
      page,
      rereadable: document.rereadable,
    };
    const result = await this.runOrHere(
      task,
      () => this.pool.run(task) as Promise<PageResult>,
      async () => (await import('./worker.js')).validatePageWith(this.setup, task),
    );
    return { ...result, page, document };
  }

  /** Validates records of a page again (see `revisePage`). */
  revise(task: ReviseTask): Promise<ReviseResult> {
    return this.runOrHere(
      task,
      () => this.pool.run(task, { name: 'revisePage' }) as Promise<ReviseResult>,
      async () => (await import('./worker.js')).revisePageWith(this.setup, task),
    );
  }

  /** Runs a task on a worker; one that ran out of heap there is done in this thread, with a notice. */
  private async runOrHere<R extends { notices: string[] }>(
    task: { source: string },
    onWorker: () => Promise<R>,
    here: () => Promise<R>,
  ): Promise<R> {
    try {
      return await onWorker();
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY')
        throw afterCrossing(error);
      const result = await here();
      result.notices.push(
        `${task.source}: needed more than a worker's ${this.heapMb} MB heap, validated in the main thread instead (raise it with --worker-heap)`,
      );
      return result;
    }
  }

  /** Tasks in flight at most (pages held in memory). */
  get capacity(): number {
    return this.limit;
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
