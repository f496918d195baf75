// **run** is the everyday pipeline: harvest → validate → audit → one report folder.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { auditCsvChunks } from '../audit/render/audit-csv.js';
import { auditDqvTurtleChunks } from '../audit/render/audit-dqv.js';
import { writeChunksToFile } from '../report/write.js';
import { writeHtmlReport } from '../report/html/write.js';
import { VERSION } from '../version.js';
import { assess, type AssessOptions, type Assessment } from './assess.js';
import { buildRunReport, reportJsonChunks, type BuiltReport } from './build-report.js';
import { writeByPublisher } from './by-publisher.js';
import { harvestStage, type HarvestStageOptions } from './harvest-stage.js';
import { FINDINGS_FILE, type RunReportHead } from './report-model.js';
import { writeSarifFile } from './sarif-file.js';

/** The files of a report folder. */
export const REPORT_FILES = {
  html: 'index.html',
  json: 'report.json',
  findings: FINDINGS_FILE,
  sarif: 'validation.sarif',
  csv: 'audit.csv',
  dqv: 'audit.dqv.ttl',
  harvest: 'harvest',
} as const;

/** A run's stages, in order: the first argument of `onProgress`. */
export type RunStage = 'harvest' | 'validate' | 'audit' | 'report';

/** Options of {@link runPipeline}. */
export interface RunOptions
  extends Omit<AssessOptions, 'onPage'>, Omit<HarvestStageOptions, 'onProgress'> {
  /** The report folder (created). */
  out: string;
  /** Also write `publishers/<name>/` with a Markdown summary and a CSV per publisher. */
  byPublisher?: boolean;
  /** Progress lines, one per stage step, for stderr. */
  onProgress?: (stage: RunStage, message: string) => void;
  /** Options recorded in the report (as given on the command line). */
  recordedOptions?: Record<string, string | number | boolean | null>;
}

/** What a run produced. */
export interface RunOutcome {
  /** `report.json` without its dataset rows (read them with `readRunReport`). */
  report: RunReportHead;
  /** Absolute paths of the files written, by kind. */
  files: Record<keyof typeof REPORT_FILES, string> & { publishers: string[] };
}

/**
 * Runs the whole pipeline on `source` and writes the report folder.
 *
 * @example
 * ```ts
 * import { runPipeline } from 'dcat-harvest';
 *
 * const outcome = await runPipeline('https://www.data.gouv.fr', {
 *   out: 'report-gouv',
 *   byPublisher: true,
 *   onProgress: (stage, message) => console.error(`${stage}: ${message}`),
 * });
 * console.log(outcome.report.audit.score, outcome.report.audit.rating, outcome.files.html);
 * ```
 */
export async function runPipeline(source: string, options: RunOptions): Promise<RunOutcome> {
  const started = new Date();
  const t0 = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const out = path.resolve(cwd, options.out);
  await mkdir(out, { recursive: true });
  const progress = options.onProgress ?? (() => {});
  const files = Object.fromEntries(
    Object.entries(REPORT_FILES).map(([k, name]) => [k, path.join(out, name)]),
  ) as unknown as RunOutcome['files'];

  const harvested = await harvestStage(source, files.harvest, {
    ...options,
    cwd,
    onProgress: (message) => progress('harvest', message),
  });
  const tHarvest = performance.now();
  if (!harvested.local) {
    const h = harvested.section;
    progress(
      'harvest',
      `${h.pages} pages, ${h.records} records${h.complete ? '' : `, ${h.missingPages.length} pages missing`}`,
    );
  } else progress('harvest', `reading local data: ${source}`);

  progress('validate', 'validating and scoring each page once, on worker threads');
  const assessment = await assess(harvested.inputs, files.findings, {
    ...options,
    cwd,
    signal: options.signal,
    onFindings: () => progress('report', `writing ${REPORT_FILES.findings}`),
    onPage: (pages) => {
      if (pages % 10 === 0) progress('validate', `${pages} pages validated`);
    },
  });
  let built: BuiltReport | undefined;
  try {
    const tAssess = performance.now();
    const { validation, audit } = assessment;
    if (harvested.local) {
      harvested.section.pages = assessment.pages;
      harvested.section.records = validation.summary.records;
    }
    const c = validation.summary.counts;
    progress(
      'validate',
      `${validation.summary.records} records: ${c.violation} violations, ${c.warning} warnings, ${c.info} infos (${validation.shapes})`,
    );
    progress(
      'audit',
      `${audit.catalog.datasets} datasets scored: catalog ${audit.catalog.score}/${audit.maxPoints} (${audit.catalog.rating})`,
    );

    const meta = {
      source,
      startedAt: started.toISOString(),
      finishedAt: started.toISOString(),
      tool: { name: 'dcat-harvest', version: VERSION },
      options: options.recordedOptions ?? {},
      durations: {
        harvest: Math.round(tHarvest - t0),
        validate: Math.round(assessment.validateMs),
        audit: Math.round(assessment.auditMs),
        report: 0,
        total: 0,
      },
    };
    built = buildRunReport({ meta, harvest: harvested.section, assessment });
    const report = built;
    files.publishers = await writeReportFiles(report, assessment, files, {
      out,
      byPublisher: options.byPublisher === true,
      progress,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const finished = new Date();
    report.head.run.finishedAt = finished.toISOString();
    report.head.run.durations.report = Math.round(performance.now() - tAssess);
    report.head.run.durations.total = Math.round(performance.now() - t0);
    progress('report', `writing ${REPORT_FILES.json}`);
    await writeChunksToFile(files.json, reportJsonChunks(report));
    progress('report', `written to ${out}`);
    return { report: report.head, files };
  } finally {
    built?.dispose();
    assessment.dispose();
  }
}

/**
 * Writes the report folder's files but report.json (its durations wait for them): SARIF from
 * `findings.jsonl` on a thread of its own while this one writes the audit's CSV and DQV, the
 * publishers' folders and the HTML page; each in pieces, as at data.gouv.fr's size they pass V8's
 * largest string. Gives the publishers' files.
 */
async function writeReportFiles(
  report: BuiltReport,
  assessment: Assessment,
  files: RunOutcome['files'],
  to: {
    out: string;
    byPublisher: boolean;
    progress: (stage: RunStage, message: string) => void;
    signal?: AbortSignal;
  },
): Promise<string[]> {
  const { validation, audit } = assessment;
  const writing = (file: string) => to.progress('report', `writing ${path.basename(file)}`);
  to.progress('report', `writing ${REPORT_FILES.sarif} on its own thread`);
  const t0 = performance.now();
  const stop = new AbortController();
  const stopped = () => stop.abort(to.signal?.reason);
  to.signal?.addEventListener('abort', stopped, { once: true });
  const sarif = writeSarifFile(
    {
      findings: files.findings,
      sarif: files.sarif,
      summary: validation.summary,
      notices: validation.notices,
      shapes: validation.shapes,
      version: VERSION,
    },
    stop.signal,
  ).then(() => performance.now() - t0);
  sarif.catch(() => undefined); // awaited below, after the other files
  try {
    writing(files.csv);
    await writeChunksToFile(files.csv, auditCsvChunks(audit));
    writing(files.dqv);
    await writeChunksToFile(files.dqv, auditDqvTurtleChunks(audit));
    let publishers: string[] = [];
    if (to.byPublisher) {
      to.progress('report', 'writing publishers/');
      publishers = await writeByPublisher(report, to.out);
    }
    writing(files.html);
    await writeHtmlReport(files.html, report.head, report.datasets);
    to.progress('report', `waiting for ${REPORT_FILES.sarif}`);
    const ms = await sarif;
    to.progress('report', `${REPORT_FILES.sarif} written in ${(ms / 1000).toFixed(1)} s`);
    return publishers;
  } finally {
    to.signal?.removeEventListener('abort', stopped);
    stop.abort(new Error('the report was not written')); // a no-op once SARIF is written
  }
}
