// **jobs** runs large checks one at a time off the request: queued, running, done with the result, or failed with why.
import { randomUUID } from 'node:crypto';
import { problemOf, type Problem } from './problem.js';
import type { CheckKind } from './report-formats.js';
import type { CheckRequest, Submission } from './submissions.js';

/** Where a job is. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** The job resource as the API shows it. */
export interface JobView {
  id: string;
  kind: CheckKind;
  status: JobStatus;
  /** The document's name and size, bytes. */
  document: { name: string; bytes: number };
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Jobs ahead of this one (queued only). */
  ahead?: number;
  /** Why it failed (failed only). */
  error?: Problem;
}

/** A job: its view, what it checks, and its result once done. */
export interface Job<R> {
  view: JobView;
  submission: Submission;
  compliance: CheckRequest;
  result?: R;
}

/** Runs a job's check and gives what `dispose` frees later. */
export type JobRunner<R> = (job: Job<R>) => Promise<R>;

/** Jobs of this process, run one at a time in arrival order, forgotten `ttlMs` after they end. */
export class JobQueue<R> {
  private readonly jobs = new Map<string, Job<R>>();
  private readonly waiting: Job<R>[] = [];
  private running = false;

  constructor(
    private readonly runner: JobRunner<R>,
    private readonly forget: (job: Job<R>) => Promise<void>,
    private readonly options: { ttlMs?: number; maxQueued?: number; now?: () => number } = {},
  ) {}

  /** Whether another job can wait (past `maxQueued`, 503). */
  get full(): boolean {
    return this.waiting.length >= (this.options.maxQueued ?? 16);
  }

  /** Queues a check of a stored submission. */
  add(kind: CheckKind, submission: Submission, compliance: CheckRequest): Job<R> {
    const job: Job<R> = {
      view: {
        id: randomUUID(),
        kind,
        status: 'queued',
        document: { name: submission.name, bytes: submission.bytes },
        createdAt: new Date(this.now()).toISOString(),
      },
      submission,
      compliance,
    };
    this.jobs.set(job.view.id, job);
    this.waiting.push(job);
    void this.next();
    return job;
  }

  /** A job by id, with its place in the queue. */
  get(id: string): Job<R> | undefined {
    const job = this.jobs.get(id);
    if (job?.view.status === 'queued') job.view.ahead = this.waiting.indexOf(job);
    return job;
  }

  /** Forgets the jobs that ended more than `ttlMs` ago. */
  async sweep(): Promise<void> {
    const ttl = this.options.ttlMs ?? 60 * 60 * 1000;
    for (const job of [...this.jobs.values()]) {
      const end = job.view.finishedAt ? Date.parse(job.view.finishedAt) : undefined;
      if (end !== undefined && this.now() - end > ttl) {
        this.jobs.delete(job.view.id);
        await this.forget(job);
      }
    }
  }

  /** Forgets every job that is not running; the running one is forgotten when it ends. */
  async close(): Promise<void> {
    this.waiting.length = 0;
    for (const job of [...this.jobs.values()])
      if (job.view.status !== 'running') {
        this.jobs.delete(job.view.id);
        await this.forget(job);
      }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async next(): Promise<void> {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.running = true;
    job.view.status = 'running';
    delete job.view.ahead;
    job.view.startedAt = new Date(this.now()).toISOString();
    try {
      job.result = await this.runner(job);
      job.view.status = 'done';
    } catch (error) {
      job.view.status = 'failed';
      job.view.error = problemOf(error);
    }
    job.view.finishedAt = new Date(this.now()).toISOString();
    this.running = false;
    if (!this.jobs.has(job.view.id)) await this.forget(job); // closed meanwhile
    await this.sweep();
    void this.next();
  }
}
