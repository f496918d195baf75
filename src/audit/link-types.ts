// **link-types** defines URL check results and the checker interface the audit consumes.

/** How a URL check ended: `inconclusive` (429, rate limited) is neither ok nor broken. */
export type LinkOutcome = 'ok' | 'broken' | 'inconclusive';

/** One URL's check. */
export interface LinkCheckResult {
  url: string;
  /** Final HTTP status, or a pseudo-code: 1100 connection failed, 1300 invalid URL. */
  status: number;
  outcome: LinkOutcome;
  /** The method that gave the status (`GET` = ranged GET after HEAD was refused). */
  method?: 'HEAD' | 'GET';
  /** Redirect targets followed, in order. */
  redirects?: string[];
  /** Why it failed (error code or message). */
  error?: string;
  /** Milliseconds the check took (0 when served from the cache). */
  ms?: number;
  /** True when the result came from the on-disk cache. */
  cached?: boolean;
}

/** Checks URLs; results keyed by URL. */
export interface LinkChecking {
  /** Checks each distinct URL once, with bounded concurrency; the results by URL. */
  check(
    urls: readonly string[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<Map<string, LinkCheckResult>>;
}
