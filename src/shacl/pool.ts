// **pool** validates pages on a pool of worker threads, in input order, with bounded memory.
import os from 'node:os';
import type { Piscina } from 'piscina';
import { openInputs, type InputDocument } from '../input/open.js';
import { resolveFormat } from '../rdf/formats.js';
import type { DocumentOptions } from './documents.js';
import { afterCrossing } from './thread-errors.js';
import { baseOf } from '../input/parsed-pages.js';
import { DEFAULT_WORKER_HEAP_MB, startThreads, type ValidationThreads } from './threads.js';
import type { PageResult, PageTask, ReviseResult, ReviseTask, WorkerSetup } from './worker.js';

export { DEFAULT_WORKER_HEAP_MB } from './threads.js';

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
  /**
   * Long-lived threads to run on instead of starting the pool's own (a server's); `workers` and
   * `workerHeapMb` are then theirs, and `destroy` leaves them running.
   */
  threads?: ValidationThreads;
}

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
  /** The pool's own threads, or none on shared ones (`PoolOptions.threads`). */
  private readonly own?: Piscina;
  private readonly shared?: ValidationThreads;
  private readonly limit: number;
  private readonly heapMb: number;

  constructor(
    private readonly setup: WorkerSetup,
    private readonly options: PoolOptions = {},
  ) {
    const shared = options.threads;
    const workers = shared?.workers ?? Math.max(1, options.workers ?? defaultWorkers());
    this.heapMb = shared?.heapMb ?? options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB;
    if (shared) this.shared = shared;
    else this.own = startThreads({ workers, heapMb: this.heapMb, setup });
    this.limit = workers * Math.max(1, options.pagesPerWorker ?? 2);
  }

  /** Runs a task on a thread: on shared threads it carries its setup (they have none of their own). */
  private run<R>(task: PageTask | ReviseTask, name?: string): Promise<R> {
    if (this.shared)
      return this.shared.run<R>({ ...task, setup: this.setup }, name, this.options.signal);
    return (this.own as Piscina).run(task, name ? { name } : {}) as Promise<R>;
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
      // Judged as `audit` reads a page: relative IRIs against the document's URL or file.
      ...(this.setup.judgeOnly
        ? { baseIRI: baseOf(document.source, this.options.cwd ?? process.cwd()) }
        : {}),
    };
    const result = await this.runOrHere(
      task,
      () => this.run<PageResult>(task),
      async () => (await import('./worker.js')).validatePageWith(this.setup, task),
    );
    return { ...result, page, document };
  }

  /** Validates records of a page again (see `revisePage`). */
  revise(task: ReviseTask): Promise<ReviseResult> {
    return this.runOrHere(
      task,
      () => this.run<ReviseResult>(task, 'revisePage'),
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

  /** Stops the pool's own threads (shared ones stay up). */
  async destroy(): Promise<void> {
    await this.own?.destroy();
  }
}
