// **audit-inputs** scores inputs the `audit` way on worker threads: each page is read, each
// dataset judged DCAT-AP compliant and measured where it was parsed; only scores cross threads.
import type { AuditOptions, AuditReport } from '../audit/audit.js';
import { defaultWorkers } from '../shacl/pool.js';
import { validatePacked, validatorFor, type ValidateOptions } from '../shacl/run.js';
import type { ValidationThreads } from '../shacl/threads.js';
import type { Validator } from '../shacl/validate.js';
import { auditBuilder } from './assess.js';

/** Options of {@link auditInputs}. */
export interface AuditInputsOptions
  extends
    Pick<ValidateOptions, 'importMap' | 'background' | 'relax' | 'format' | 'stdin'>,
    Pick<AuditOptions, 'method' | 'statusRange' | 'links' | 'linkSample' | 'portal'> {
  /** The compliance indicator's profile and level (as `audit`: dcat-ap-2, base). */
  profile: string;
  level: string;
  /** Where relative input paths start. */
  cwd?: string;
  signal?: AbortSignal;
  /** Worker threads (default: one per core; 0 = this thread). */
  workers?: number;
  /** Long-lived threads to judge and measure on (a server's), instead of a pool of this audit's. */
  threads?: ValidationThreads;
  /** The compliance validator, when one is at hand (built from `profile` and `level` otherwise). */
  validator?: Validator;
  /** Old-generation heap of each worker, MB (see `ValidateOptions.workerHeapMb`). */
  workerHeapMb?: number;
  /** Called after each page. */
  onPage?: (pages: number) => void;
  /** Called with what a page's reading noticed (statements skipped, IRIs repaired). */
  onNotice?: (notice: string) => void;
  /** Called while URLs are checked. */
  onLinkProgress?: (done: number, total: number) => void;
}

/**
 * Scores every dataset of the inputs as `auditRecords` (`dcat-harvest/audit`) does with a compliance check, the
 * compliance judged and the indicators measured on worker threads from each page's one parse, so
 * the main thread holds only the scores' sums (the scores themselves wait in a temporary file:
 * call `report.dispose()` when done). Malformed statements are skipped, as `audit` reads pages.
 *
 * @example
 * ```ts
 * import { auditInputs } from 'dcat-harvest/run';
 *
 * const report = await auditInputs(['page-1.ttl', 'page-2.ttl'], {
 *   profile: 'dcat-ap-2',
 *   level: 'base',
 *   onPage: (pages) => console.error(`${pages} pages`),
 * });
 * console.log(report.catalog.score, report.catalog.rating);
 * report.dispose?.();
 * ```
 */
export async function auditInputs(
  inputs: readonly string[],
  options: AuditInputsOptions,
): Promise<AuditReport> {
  const shapes = {
    profile: options.profile,
    level: options.level,
    importMap: options.importMap,
  };
  const background = { background: options.background, relax: options.relax };
  const validator = options.validator ?? (await validatorFor({ ...shapes, ...background }));
  const builder = await auditBuilder(options, shapes, validator.label);
  const seen = new Set<string>();
  for await (const _ of validatePacked(inputs, {
    ...shapes,
    ...background,
    validator,
    judgeOnly: true,
    cwd: options.cwd,
    signal: options.signal,
    ...(options.format === undefined ? {} : { format: options.format }),
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    workers: options.workers ?? defaultWorkers(),
    ...(options.threads ? { threads: options.threads } : {}),
    ...(options.workerHeapMb === undefined ? {} : { workerHeapMb: options.workerHeapMb }),
    compliance: shapes,
    onCompliance: () => {},
    measure: { method: options.method ?? 'mqa', score: !options.links },
    onMeasured: (m) => builder.addMeasured(m),
    onProgress: (p) => {
      for (const notice of validator.notices.splice(0))
        if (!seen.has(notice)) {
          seen.add(notice);
          options.onNotice?.(notice);
        }
      options.onPage?.(p.documents);
    },
  })) {
    // judgeOnly: nothing is validated against other shapes, so nothing comes here.
  }
  return builder.finish();
}
