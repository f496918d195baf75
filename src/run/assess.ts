// **assess** validates and audits a run's inputs in one pass: each page is read once, its records
// validated and its datasets measured on the same worker threads; findings go to `findings.jsonl`.
import { AuditBuilder, type AuditOptions, type AuditReport } from '../audit/audit.js';
import type { DatasetMeasurement } from '../audit/measure.js';
import type { AttributionMove } from '../shacl/dedupe.js';
import {
  recordJsonPieces,
  type Finding,
  type RecordResult,
  type ValidationSummary,
} from '../shacl/findings.js';
import { SummaryBuilder, groupKey } from '../shacl/summary.js';
import { defaultWorkers } from '../shacl/pool.js';
import { loadShapes } from '../shacl/profiles.js';
import { validatePacked, validatorFor, type ValidateOptions } from '../shacl/run.js';
import { JsonSpool } from '../spool.js';
import { closeSync, openSync } from 'node:fs';
import { readAt } from '../file-bytes.js';
import { writeFindingsFile, type FindingsWritten } from './findings-file.js';
import { GroupCounts } from './group-counts.js';

/** The profile and level of the audit's DCAT-AP compliance indicator, as `audit` defaults them. */
export const COMPLIANCE_DEFAULTS = { profile: 'dcat-ap-2', level: 'base' } as const;

/** The rule `findings.jsonl` and the dataset rows follow for nodes several records reach. */
export const ATTRIBUTION_RULE =
  'a node several records reach is reported once, under the record with the smallest IRI (JavaScript string order) among those that reach it with the same findings';

/** Options of {@link assess}: the validation's and the audit's. */
export interface AssessOptions
  extends
    Pick<ValidateOptions, 'profile' | 'level' | 'shapes' | 'importMap' | 'background' | 'relax'>,
    Pick<AuditOptions, 'method' | 'statusRange' | 'links' | 'linkSample' | 'portal'> {
  /** Where relative input paths start. */
  cwd?: string;
  signal?: AbortSignal;
  /** Validation worker threads (default: one per core; 0 = this thread). */
  workers?: number;
  /** Old-generation heap of each worker, MB (see `ValidateOptions.workerHeapMb`). */
  workerHeapMb?: number;
  /** The compliance indicator's shapes (default {@link COMPLIANCE_DEFAULTS}, as `audit`). */
  compliance?: { profile?: string; level?: string };
  /** Called after each validated page. */
  onPage?: (pages: number, records: number) => void;
  /** Called while URLs are checked. */
  onLinkProgress?: (done: number, total: number) => void;
  /** Called when the findings file is about to be written. */
  onFindings?: () => void;
  /** Called with each page's datasets, from the parse that validates it (see `ValidateOptions`). */
  onPageDatasets?: ValidateOptions['onPageDatasets'];
  /**
   * Page results stored by a queued run's page jobs (see `ValidateOptions.storedPages`).
   * @hidden
   */
  storedPages?: ValidateOptions['storedPages'];
}

/**
 * The shapes, compliance shapes and measure every page of a run is validated, judged and
 * measured with: with `workerSetup` (`dcat-harvest/shacl`), what a queued run's page jobs give
 * their workers, so their page results are the ones this run's pool would give.
 */
export function assessPageOptions(options: AssessOptions) {
  return {
    profile: options.profile,
    level: options.level,
    shapes: options.shapes,
    importMap: options.importMap,
    background: options.background,
    relax: options.relax,
    compliance: {
      profile: options.compliance?.profile ?? COMPLIANCE_DEFAULTS.profile,
      level: options.compliance?.level ?? COMPLIANCE_DEFAULTS.level,
      importMap: options.importMap,
    },
    measure: { method: options.method ?? 'mqa', score: !options.links },
  };
}

/** What a run's report is made of; `dispose()` deletes its temporary files. */
export interface Assessment {
  validation: { summary: ValidationSummary; notices: string[]; shapes: string };
  /** Its datasets (scores) in input order, read back from a temporary file past a few hundred. */
  audit: AuditReport;
  findings: FindingsWritten;
  /** Each record's finding counts per summary group key (the findings file's attribution). */
  groupsOf(record: string): Map<string, number>;
  /** The access and download URLs of each dataset (filled only when links are checked). */
  datasetUrls: Map<string, string[]>;
  validateMs: number;
  auditMs: number;
  pages: number;
  /** Deletes the temporary files (the audit's scores, the spooled results). */
  dispose(): void;
}

function urlsOf(m: DatasetMeasurement): string[] {
  const urls = new Set<string>();
  for (const d of m.distributions)
    for (const u of [...d.accessUrls, ...d.downloadUrls]) urls.add(u);
  return [...urls];
}

/**
 * The example of the group `key` (the finding of the smallest record id with the smallest
 * message) read from the one line of `file` that holds it, the record found from the counts.
 */
function exampleOf(
  key: string,
  groups: GroupCounts,
  ids: readonly string[],
  file: string,
  lines: FindingsWritten['lines'],
): { finding: Finding; position: number } | undefined {
  let best: number | undefined;
  for (const at of groups.positionsOf(key))
    if (best === undefined || (ids[at] as string) < (ids[best] as string)) best = at;
  const line = best === undefined ? undefined : lines.get(best);
  if (best === undefined || !line) return undefined;
  const fd = openSync(file, 'r');
  let bytes: Buffer;
  try {
    bytes = readAt(fd, line.start, line.length);
  } finally {
    closeSync(fd);
  }
  if (bytes.length < line.length)
    throw new Error(`${file}: ends inside the line at byte ${line.start}`);
  let finding: Finding | undefined;
  for (const f of (JSON.parse(bytes.toString('utf8')) as RecordResult).findings)
    if (groupKey(f) === key && (!finding || f.message < finding.message)) finding = f;
  return finding && { finding, position: best };
}

/** The audit's builder, as `audit` sets it up, for the compliance shapes given. */
export async function auditBuilder(
  options: Pick<
    AuditOptions,
    'method' | 'statusRange' | 'links' | 'linkSample' | 'portal' | 'onLinkProgress'
  >,
  complianceShapes: { profile: string; level: string; importMap?: AssessOptions['importMap'] },
  /** The compliance shapes' label, when a validator of them is at hand. */
  complianceLabel?: string,
): Promise<AuditBuilder> {
  return new AuditBuilder({
    method: options.method,
    statusRange: options.statusRange,
    links: options.links,
    linkSample: options.linkSample,
    portal: options.portal,
    onLinkProgress: options.onLinkProgress,
    complianceLabel: complianceLabel ?? (await loadShapes(complianceShapes)).label,
  });
}

/**
 * Writes the findings file from the spool with the attribution moves, correcting the summary and
 * the per-record counts for each result moved; a group whose example a move (or a revision) took
 * away gets it back from the one line of the file that holds it.
 */
function settleFindings(
  file: string,
  state: {
    spool: JsonSpool<RecordResult>;
    moves: readonly AttributionMove[];
    summary: SummaryBuilder;
    groups: GroupCounts;
    ids: readonly string[];
  },
): FindingsWritten {
  const { spool, summary, groups } = state;
  const findings = writeFindingsFile(file, spool.buffers(), state.moves, (at, old, next) => {
    summary.replace(at, old, next);
    groups.set(at, next);
  });
  spool.close();
  for (const key of summary.orphans()) {
    const found = exampleOf(key, groups, state.ids, file, findings.lines);
    if (found) summary.setExample(key, found.finding, found.position);
  }
  return findings;
}

/**
 * Validates the inputs as `validate` does (record by record, on worker threads) and, on the same
 * threads from the same parse, judges each dataset's DCAT-AP compliance and measures its MQA
 * indicators as `audit` does; so the report's numbers equal what the two commands print for the
 * same data. The results go to a spool, then to `findingsFile` with each shared node attributed
 * by {@link ATTRIBUTION_RULE}; memory grows with records and groups, never with findings.
 *
 * @example
 * ```ts
 * import { assess } from 'dcat-harvest/run';
 *
 * const assessment = await assess(['catalog.ttl'], 'findings.jsonl', { profile: 'dcat-ap-3' });
 * try {
 *   const { summary } = assessment.validation;
 *   console.log(`${summary.conformingRecords}/${summary.records} records conform`);
 *   console.log(assessment.audit.catalog.score, assessment.audit.catalog.rating);
 * } finally {
 *   assessment.dispose();
 * }
 * ```
 */
export async function assess(
  inputs: readonly string[],
  findingsFile: string,
  options: AssessOptions = {},
): Promise<Assessment> {
  const t0 = performance.now();
  const { measure, compliance: complianceShapes, ...shapes } = assessPageOptions(options);
  const validator = await validatorFor(shapes);
  const datasetUrls = new Map<string, string[]>();
  const audit = await auditBuilder(options, complianceShapes);
  const spool = new JsonSpool<RecordResult>(undefined, undefined, recordJsonPieces);
  const summary = new SummaryBuilder();
  const groups = new GroupCounts();
  const ids: string[] = [];
  let moves: AttributionMove[] = [];
  let pages = 0;
  let report: AuditReport | undefined;
  try {
    for await (const packed of validatePacked(inputs, {
      ...shapes,
      validator,
      cwd: options.cwd,
      signal: options.signal,
      workers: options.workers ?? defaultWorkers(),
      ...(options.workerHeapMb === undefined ? {} : { workerHeapMb: options.workerHeapMb }),
      ...(options.storedPages ? { storedPages: options.storedPages } : {}),
      ...(options.onPageDatasets ? { onPageDatasets: options.onPageDatasets } : {}),
      compliance: complianceShapes,
      onCompliance: () => {},
      measure,
      onMeasured: (m) => {
        // Only checked links can be broken: keep no URL otherwise (688,000 distributions at
        // data.gouv.fr's size).
        if (options.links && 'measurement' in m)
          datasetUrls.set(m.measurement.id, urlsOf(m.measurement));
        audit.addMeasured(m);
      },
      onAttribution: (found) => {
        moves = found;
      },
      onProgress: (p) => {
        pages = p.documents;
        options.onPage?.(p.documents, p.records);
      },
    })) {
      const revises = packed.revises;
      if (revises !== undefined) {
        // Neither result is made whole: the one replaced is taken back from its counts, the new
        // one written from its packed findings (a 60,000-finding record is 60 MB of text).
        delete packed.revises; // its text stands where the result it revises stood, as that one
        summary.replace(revises, groups.tally(revises), packed);
        spool.replaceText(revises, packed.jsonPieces(), () => packed.result());
        groups.set(revises, packed);
        continue;
      }
      groups.set(spool.length, packed);
      ids.push(packed.record.id);
      spool.addText(packed.jsonPieces(), () => packed.result());
      summary.add(packed);
    }
    const t1 = performance.now();
    report = await audit.finish();
    const t2 = performance.now();
    options.onFindings?.();
    const findings = settleFindings(findingsFile, { spool, moves, summary, groups, ids });
    const built = summary.build();
    const audited = report;
    return {
      validation: {
        summary: built,
        notices: [...new Set(validator.notices)],
        shapes: validator.label,
      },
      audit: audited,
      findings,
      groupsOf: groups.byRecord(ids),
      datasetUrls,
      validateMs: t1 - t0,
      auditMs: t2 - t1,
      pages,
      dispose: () => audited.dispose?.(),
    };
  } catch (error) {
    spool.close();
    report?.dispose?.();
    throw error;
  }
}
