// **check-gate** bounds the checks a server runs or holds waiting: past the bound, 503 at once.
import type { ServerResponse } from 'node:http';

/** A place taken by a check: free once its answer is sent and its work has ended. */
export interface Ticket {
  /** Marks work begun on the check (the place stays taken until `done`). */
  work(): void;
  /** Marks the work ended. */
  done(): void;
  /** Marks the answer sent, or the connection gone. */
  answered(): void;
}

/**
 * Places for checks: at most `max` checks running or waiting for a validation thread. A check
 * holds its place from its request's arrival (before its body is read) until both its answer is
 * sent and its work has ended: a client that gives up does not free threads still busy for it.
 */
export class CheckGate {
  private taken = 0;
  /** Mean seconds a check's work takes (moving average; first guess one second). */
  private meanSeconds = 1;

  constructor(
    /** Checks running or waiting, at most. */
    readonly max: number,
    /** Threads that run checks side by side. */
    private readonly threads: number,
  ) {}

  /** Checks running or waiting now. */
  get pending(): number {
    return this.taken;
  }

  /** A place, or undefined when every place is taken. */
  enter(): Ticket | undefined {
    if (this.taken >= this.max) return undefined;
    this.taken++;
    let working = 0;
    let answered = false;
    let freed = false;
    let started = 0;
    const release = () => {
      if (freed || !answered || working > 0) return;
      freed = true;
      this.taken--;
    };
    return {
      work: () => {
        if (freed) {
          // The client left before its work began, yet the work runs: it counts again.
          freed = false;
          this.taken++;
        }
        working++;
        started = performance.now();
      },
      done: () => {
        if (working === 0) return;
        working--;
        this.meanSeconds = 0.8 * this.meanSeconds + 0.2 * ((performance.now() - started) / 1000);
        release();
      },
      answered: () => {
        if (answered) return;
        answered = true;
        release();
      },
    };
  }

  /** Seconds until a place is likely free: the checks ahead, run `threads` at a time (1–60). */
  retryAfter(): number {
    const seconds = Math.ceil((this.meanSeconds * this.taken) / this.threads);
    return Math.min(60, Math.max(1, seconds));
  }
}

/** A request's place, and what aborts its check when its client leaves before the answer. */
const tickets = new WeakMap<object, { ticket: Ticket; left: AbortController }>();

/** A refused request's body up to this size is read (and dropped) to keep its connection. */
const DRAIN_BYTES = 1024 * 1024;

/** What the hook needs of Fastify's request. */
interface Request {
  headers: Record<string, string | string[] | undefined>;
}

/** What the hook needs of Fastify's reply (any route's: its config stays the route's own). */
interface Reply {
  header(name: string, value: string): unknown;
  raw: ServerResponse;
}

/**
 * The `onRequest` hook of a check's route: a place for the request, or `503 Service Unavailable`
 * with `Retry-After` at once, before its body is read.
 */
export function admitChecks(gate: CheckGate) {
  return async (req: Request, reply: Reply): Promise<void> => {
    const ticket = gate.enter();
    if (!ticket) {
      const after = gate.retryAfter();
      reply.header('retry-after', String(after));
      // A large body is not read to keep the connection: the connection closes after the answer.
      if (!(Number(req.headers['content-length']) <= DRAIN_BYTES))
        reply.header('connection', 'close');
      throw Object.assign(
        new Error(
          `the server is busy: ${gate.max === 1 ? '1 check is' : `${gate.max} checks are`} running or waiting, the most it takes; retry in ${after} s`,
        ),
        {
          statusCode: 503,
          hint: `Send the document again after Retry-After (${after}) seconds.`,
        },
      );
    }
    const left = new AbortController();
    tickets.set(req, { ticket, left });
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished)
        left.abort(new Error('the client left before its answer: check withdrawn'));
      ticket.answered();
    });
  };
}

/**
 * Runs a check's work holding the request's place (see `admitChecks`), with a signal that aborts
 * when the server closes or the client leaves (its pages still waiting for a thread are withdrawn).
 */
export async function checkWork<T>(
  req: object,
  closing: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const held = tickets.get(req);
  held?.ticket.work();
  try {
    return await work(held ? AbortSignal.any([closing, held.left.signal]) : closing);
  } finally {
    held?.ticket.done();
  }
}
