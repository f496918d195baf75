// **host-limiter** is the hook through which a shared limiter (one Redis for many workers) bounds the requests to each host.

/** A slot held for one request to a host; released when its response has been read. */
export interface HostLease {
  /** Gives the slot back (once; later calls do nothing). */
  release(): void;
}

/**
 * Bounds requests per host across every process that shares it: at most `concurrency` in flight
 * and `rate` started per second, whatever the number of workers. The HTTP client takes a lease
 * before each attempt and releases it when the attempt ends (retry back-off holds no lease).
 * In one process the client's own `rate` and the harvest's `concurrency` suffice; workers of a
 * queue pass the Redis-backed one (`dcat-harvest/queue`).
 */
export interface HostLimiter {
  /** Resolves when a request to `host` may start; rejects when `signal` aborts. */
  acquire(host: string, signal?: AbortSignal): Promise<HostLease>;
}

/** The limits of one catalog, from which a shared limiter makes its {@link HostLimiter}. */
export interface HostLimits {
  /** Requests per second per host (undefined: no rate limit). */
  rate?: number;
  /** Requests in flight per host (undefined: no bound). */
  concurrency?: number;
}

/** Makes the limiter of one catalog's limits; every limiter it makes shares one state. */
export type HostLimitsFactory = (limits: HostLimits) => HostLimiter;
