// **threads** is a long-lived pool of validation threads that many runs share (a server's checks).
import { Piscina } from 'piscina';
import { workerModule } from '../worker-module.js';
import type { WorkerSetup } from './worker.js';

/** Options of {@link ValidationThreads} (and of a run's own pool). */
export interface ThreadOptions {
  /** Threads (at least 1). */
  workers: number;
  /** Old-generation heap of each thread, MB (0: V8's default). */
  heapMb: number;
  /** The setup of every task (a run's own pool); absent, each task carries its own. */
  setup?: WorkerSetup;
}

/** Young generation of each validation thread, MB. */
const YOUNG_GENERATION_MB = 24;

/** Worker threads running `worker.ts`, with bounded heaps; they stay up while the pool lives. */
export function startThreads(options: ThreadOptions): Piscina {
  const { filename, execArgv } = workerModule(new URL('./worker.js', import.meta.url));
  const workers = Math.max(1, options.workers);
  return new Piscina({
    filename,
    execArgv,
    ...(options.setup ? { workerData: options.setup } : {}),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    // Bounded heaps: V8 lets a busy heap grow far past what it holds alive. The young generation
    // (short-lived parse and validation objects) at 24 MB (it was 48): about 2 × 20 MB less
    // resident for a few per cent more scavenges (bench/README.md, issue 15).
    ...(options.heapMb > 0
      ? {
          resourceLimits: {
            maxOldGenerationSizeMb: options.heapMb,
            maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
          },
        }
      : {}),
  });
}

/**
 * Validation threads started once and shared by every run given them (`ValidateOptions.threads`):
 * each task carries its setup (profile, level or shapes file, background, audit or not) and each
 * thread keeps the validators of the last few setups (`MAX_SETUPS`), so a server's requests pay
 * neither a thread's start nor a validator's build. Runs queue on the threads in arrival order.
 *
 * @example
 * ```ts
 * import { runValidation, ValidationThreads } from 'dcat-harvest/shacl';
 *
 * const threads = new ValidationThreads({ workers: 2 });
 * const [a, b] = await Promise.all([
 *   runValidation(['a.ttl'], { profile: 'dcat-ap-3', threads }),
 *   runValidation(['b.ttl'], { profile: 'dcat-ap-2', threads }),
 * ]);
 * console.log(a.summary.records, b.summary.records);
 * await threads.destroy();
 * ```
 */
export class ValidationThreads {
  private readonly piscina: Piscina;
  /** Threads. */
  readonly workers: number;
  /** Old-generation heap of each thread, MB. */
  readonly heapMb: number;
  private destroyed = false;
  private tasks = 0;
  /** Tasks on a thread now (at most `workers`). */
  private busy = 0;
  /** Tasks waiting for a thread, in arrival order: one whose run is abandoned leaves the line. */
  private readonly line: { go: () => void; fail: (error: unknown) => void }[] = [];

  constructor(options: { workers?: number; heapMb?: number } = {}) {
    this.workers = Math.max(1, Math.floor(options.workers ?? 2));
    this.heapMb = options.heapMb ?? DEFAULT_WORKER_HEAP_MB;
    this.piscina = startThreads({ workers: this.workers, heapMb: this.heapMb });
  }

  /**
   * Runs a task (carrying its setup) on a thread. Until a thread takes it, `signal` withdraws it
   * (a client gone); once on a thread, it runs to its end (stopping it would cost the thread).
   */
  async run<R>(task: object, name?: string, signal?: AbortSignal): Promise<R> {
    this.tasks++;
    try {
      await this.turn(signal);
      try {
        return (await this.piscina.run(task, name ? { name } : {})) as R;
      } finally {
        this.busy--;
        this.line.shift()?.go();
      }
    } finally {
      this.tasks--;
    }
  }

  /** Waits for a free thread (and takes it). */
  private turn(signal?: AbortSignal): Promise<void> {
    if (this.destroyed) return Promise.reject(new Error('the validation threads are stopped'));
    signal?.throwIfAborted();
    if (this.busy < this.workers && this.line.length === 0) {
      this.busy++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const place = {
        go: () => {
          signal?.removeEventListener('abort', withdraw);
          this.busy++;
          resolve();
        },
        fail: reject,
      };
      const withdraw = () => {
        const at = this.line.indexOf(place);
        if (at >= 0) this.line.splice(at, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', withdraw, { once: true });
      this.line.push(place);
    });
  }

  /** Tasks running or waiting for a thread (`waiting` of them). */
  get active(): number {
    return this.tasks;
  }

  /** Tasks waiting for a thread. */
  get waiting(): number {
    return this.line.length;
  }

  /** Threads up. */
  get running(): number {
    return this.piscina.threads.length;
  }

  /** Whether `destroy` was called. */
  get closed(): boolean {
    return this.destroyed;
  }

  /** Stops the threads: tasks waiting fail, running ones too. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const place of this.line.splice(0))
      place.fail(new Error('the validation threads are stopped'));
    await this.piscina.destroy();
  }
}

/**
 * The default heap of a worker: a page of 100 udata datasets keeps 50–60 MB alive; the page of
 * the 74,200-dataset sample portal with its largest dataset (9,076 distributions, 10 MB of Turtle)
 * up to ≈ 300 (measured).
 */
export const DEFAULT_WORKER_HEAP_MB = 384;
