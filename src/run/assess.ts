// **assess** validates then audits a run's inputs with the validate and audit modules' own functions.
import { auditRecords, type AuditOptions, type AuditReport } from '../audit/audit.js';
import type { RecordGraph } from '../rdf/records.js';
import { readDocuments } from '../shacl/documents.js';
import {
  SummaryBuilder,
  summarize,
  type RecordResult,
  type ValidationRun,
} from '../shacl/findings.js';
import { complianceOf, type Compliance } from '../shacl/compliance.js';
import { defaultWorkers } from '../shacl/pool.js';
import { validateDocuments, validatorFor, type ValidateOptions } from '../shacl/run.js';
import { DCAT } from '../vocab.js';

/** The profile and level of the audit's DCAT-AP compliance indicator, as `audit` defaults them. */
export const COMPLIANCE_DEFAULTS = { profile: 'dcat-ap-2', level: 'base' } as const;

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
  /** The compliance indicator's shapes (default {@link COMPLIANCE_DEFAULTS}, as `audit`). */
  compliance?: { profile?: string; level?: string };
  /** Called after each validated page. */
  onPage?: (pages: number, records: number) => void;
  /** Called while URLs are checked. */
  onLinkProgress?: (done: number, total: number) => void;
}

/** Both results, plus what the report needs beside them. */
export interface Assessment {
  validation: ValidationRun;
  audit: AuditReport;
  /** The access and download URLs of each dataset (filled only when links are checked). */
  datasetUrls: Map<string, string[]>;
  validateMs: number;
  auditMs: number;
  pages: number;
}

function urlsOf(record: RecordGraph): string[] {
  const urls = new Set<string>();
  for (const q of record.quads) {
    if (q.predicate.value === DCAT.accessURL || q.predicate.value === DCAT.downloadURL) {
      urls.add(q.object.value);
    }
  }
  return [...urls];
}

/**
 * Validates the inputs as `validate` does (record by record, on worker threads), judging each
 * dataset's DCAT-AP compliance on the same workers, then scores them as `audit` does (a second
 * pass over the pages, which reuses those verdicts), so the report's numbers
 * equal what the two commands print for the same data.
 */
export async function assess(
  inputs: readonly string[],
  options: AssessOptions = {},
): Promise<Assessment> {
  const t0 = performance.now();
  const shapes = {
    profile: options.profile,
    level: options.level,
    shapes: options.shapes,
    importMap: options.importMap,
    background: options.background,
    relax: options.relax,
  };
  const validator = await validatorFor(shapes);
  const complianceShapes = {
    profile: options.compliance?.profile ?? COMPLIANCE_DEFAULTS.profile,
    level: options.compliance?.level ?? COMPLIANCE_DEFAULTS.level,
    importMap: options.importMap,
  };
  // The compliance indicator is judged by the validation's workers, page by page, on the way.
  const verdicts = new Map<string, Compliance>();
  const results: RecordResult[] = [];
  const summary = new SummaryBuilder();
  let pages = 0;
  for await (const result of validateDocuments(inputs, {
    ...shapes,
    validator,
    cwd: options.cwd,
    signal: options.signal,
    workers: options.workers ?? defaultWorkers(),
    compliance: complianceShapes,
    onCompliance: (id, verdict) => {
      if (!verdicts.has(id)) verdicts.set(id, verdict);
    },
    onProgress: (p) => {
      pages = p.documents;
      options.onPage?.(p.documents, p.records);
    },
  })) {
    if (result.revises !== undefined) {
      const { revises, ...replacement } = result;
      summary.replace(revises, results[revises] as RecordResult, replacement);
      results[revises] = replacement;
      continue;
    }
    results.push(result);
    summary.add(result);
  }
  const validation: ValidationRun = {
    results,
    // A revision took away a group's example and gave none: count them all again (rare).
    summary: summary.exact ? summary.build() : summarize(results),
    notices: [...new Set(validator.notices)],
    shapes: validator.label,
  };
  const t1 = performance.now();

  const compliance = await validatorFor({
    ...complianceShapes,
    background: options.background,
    relax: options.relax,
  });
  const datasetUrls = new Map<string, string[]>();
  async function* auditPages(): AsyncGenerator<{ quads: RecordGraph['quads'] }> {
    for await (const document of readDocuments(inputs, {
      cwd: options.cwd,
      signal: options.signal,
    })) {
      yield { quads: document.quads };
    }
  }
  const audit = await auditRecords(auditPages(), {
    method: options.method,
    statusRange: options.statusRange,
    links: options.links,
    linkSample: options.linkSample,
    portal: options.portal,
    onLinkProgress: options.onLinkProgress,
    compliance: (record) => {
      if (options.links) datasetUrls.set(record.id, urlsOf(record));
      return verdicts.get(record.id) ?? complianceOf(compliance, record);
    },
    complianceLabel: compliance.label,
  });
  const t2 = performance.now();
  return {
    validation,
    audit,
    datasetUrls,
    validateMs: t1 - t0,
    auditMs: t2 - t1,
    pages,
  };
}
