// **assess** validates and audits inputs in one pass: each page is parsed once, each record validated then scored.
import { Store } from 'n3';
import { auditRecords, type AuditOptions, type AuditReport } from '../audit/audit.js';
import { extractRecords, type RecordGraph } from '../rdf/records.js';
import { DCAT } from '../vocab.js';
import { readDocuments } from '../shacl/documents.js';
import {
  SummaryBuilder,
  recordResult,
  type Finding,
  type RecordResult,
  type ValidationRun,
} from '../shacl/findings.js';
import { validatorFor, type ValidateOptions } from '../shacl/run.js';

/** Options of {@link assess}: the validation's and the audit's. */
export interface AssessOptions
  extends
    Pick<ValidateOptions, 'profile' | 'level' | 'shapes' | 'importMap' | 'background'>,
    Pick<AuditOptions, 'method' | 'statusRange' | 'links' | 'linkSample' | 'portal'> {
  /** Where relative input paths start. */
  cwd?: string;
  /** Called after each page with the records validated so far. */
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
  /** Milliseconds spent validating (the rest of the pass is parsing and scoring). */
  validateMs: number;
  pages: number;
}

function findingKey(f: Finding): string {
  return [f.focusNode, f.path ?? '', f.component, f.severity, f.value ?? '', f.sourceShape].join(
    '\u0000',
  );
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
 * Reads the inputs page by page, validates every record with one validator (findings of a node
 * shared by several records reported once, as `validate` does) and scores the datasets, with
 * DCAT-AP compliance taken from the same validation (no violation in the record's graph).
 */
export async function assess(
  inputs: readonly string[],
  options: AssessOptions = {},
): Promise<Assessment> {
  const validator = await validatorFor({
    profile: options.profile,
    level: options.level,
    shapes: options.shapes,
    importMap: options.importMap,
    background: options.background,
  });
  const results: RecordResult[] = [];
  const summary = new SummaryBuilder();
  const seenFindings = new Set<string>();
  const seenRecords = new Set<string>();
  const compliance = new Map<string, boolean>();
  const datasetUrls = new Map<string, string[]>();
  let validateMs = 0;
  let pages = 0;

  async function* recordPages(): AsyncGenerator<RecordGraph[]> {
    for await (const document of readDocuments(inputs, { cwd: options.cwd })) {
      const records = extractRecords(new Store(document.quads));
      const source = { file: document.source };
      const started = performance.now();
      for (const record of records) {
        const findings = validator.validateRecord(record, source);
        compliance.set(record.id, !findings.some((f) => f.severity === 'violation'));
        if (options.links && record.kind === 'dataset') datasetUrls.set(record.id, urlsOf(record));
        const fresh = findings.filter((f) => {
          const key = findingKey(f);
          if (seenFindings.has(key)) return false;
          seenFindings.add(key);
          return true;
        });
        const repeated = seenRecords.has(record.id);
        seenRecords.add(record.id);
        if (repeated && fresh.length === 0) continue;
        const ref = {
          id: record.id,
          kind: record.kind,
          ...(record.title === undefined ? {} : { title: record.title }),
        };
        const result = recordResult(ref, fresh, source);
        results.push(result);
        summary.add(result);
      }
      validateMs += performance.now() - started;
      pages += 1;
      options.onPage?.(pages, results.length);
      yield records;
      for (const record of records) compliance.delete(record.id);
    }
  }

  const audit = await auditRecords(recordPages(), {
    method: options.method,
    statusRange: options.statusRange,
    links: options.links,
    linkSample: options.linkSample,
    portal: options.portal,
    onLinkProgress: options.onLinkProgress,
    compliance: (record) => compliance.get(record.id) ?? true,
    complianceLabel: validator.label,
  });
  const validation: ValidationRun = {
    results,
    summary: summary.build(),
    notices: [...new Set(validator.notices)],
    shapes: validator.label,
  };
  return { validation, audit, datasetUrls, validateMs, pages };
}
