// **build-report** assembles `report.json` from a run's assessment: the head (run, harvest,
// validation, audit, publishers) and the dataset rows, sorted by IRI, one at a time.
import type { FixSuggestion } from '../audit/fixes.js';
import type { AuditReport } from '../audit/audit.js';
import type { DatasetScore } from '../audit/score.js';
import { compactIri, compactPath } from '../shacl/messages.js';
import { emptyCounts, type Severity, type SeverityCounts } from '../shacl/findings.js';
import { compareKeys, groupKeyOf } from '../shacl/summary.js';
import { JsonSpool } from '../spool.js';
import { ATTRIBUTION_RULE, type Assessment } from './assess.js';
import {
  FINDINGS_FILE,
  FINDINGS_SCHEMA,
  REPORT_SCHEMA,
  type DatasetRow,
  type FixRow,
  type HarvestSection,
  type LinkSection,
  type PublisherRow,
  type RunMeta,
  type RunReportHead,
} from './report-model.js';

/** What {@link buildRunReport} reads. */
export interface RunResults {
  meta: RunMeta;
  harvest: HarvestSection;
  assessment: Assessment;
}

/** A run's report: its head, and its dataset rows (sorted by IRI) waiting in a spool. */
export interface BuiltReport {
  head: RunReportHead;
  /** Readable as often as needed until `dispose()`. */
  datasets: JsonSpool<DatasetRow>;
  /** Row positions per publisher id, in row order. */
  byPublisher: Map<string, number[]>;
  /** Deletes the spooled dataset rows. */
  dispose(): void;
}

function fixRow(f: FixSuggestion): FixRow {
  return {
    indicator: f.indicator,
    action: f.reaches ? `${f.action} (reaches ${f.reaches})` : f.action,
    datasets: f.datasets,
    gain: f.gain,
    portal: false,
  };
}

function addCounts(into: SeverityCounts, from: SeverityCounts): void {
  into.violation += from.violation;
  into.warning += from.warning;
  into.info += from.info;
}

function linkSection(audit: AuditReport): LinkSection | undefined {
  const l = audit.links;
  if (l.mode === 'off') return undefined;
  return {
    checked: l.checked,
    ok: l.ok,
    broken: l.broken,
    inconclusive: l.inconclusive,
    results: l.problems.map((p) => ({
      url: p.url,
      status: p.outcome === 'inconclusive' ? null : p.status,
      outcome: p.outcome,
      datasets: p.datasets,
      ...(p.redirects && p.redirects.length > 0 ? { redirects: p.redirects } : {}),
      ...(p.error ? { error: p.error } : {}),
    })),
  };
}

/** The scores in input order, read once or by position. */
function scoresOf(audit: AuditReport): {
  all: Iterable<DatasetScore>;
  at(i: number): DatasetScore;
} {
  const d = audit.datasets;
  if (d instanceof JsonSpool) return { all: d, at: (i) => d.get(i) as DatasetScore };
  const list = Array.isArray(d) ? (d as DatasetScore[]) : [...d];
  return { all: list, at: (i) => list[i] as DatasetScore };
}

/**
 * Builds the run report: dataset rows sorted by IRI (each with its record's finding counts per
 * group, as `findings.jsonl` attributes them) go to a spool; publishers and the head are summed on
 * the way. Memory holds one entry per dataset (its id and position) and per publisher.
 *
 * @example
 * ```ts
 * import { assess, buildRunReport, type RunMeta } from 'dcat-harvest/run';
 *
 * const assessment = await assess(['catalog.ttl'], 'findings.jsonl');
 * const now = new Date().toISOString();
 * const meta: RunMeta = {
 *   source: 'catalog.ttl',
 *   startedAt: now,
 *   finishedAt: now,
 *   tool: { name: 'my-tool', version: '1.0.0' },
 *   options: {},
 *   durations: { harvest: 0, validate: assessment.validateMs, audit: assessment.auditMs, report: 0, total: 0 },
 * };
 * const harvest = { pages: 1, records: 1, duplicates: 0, complete: true, missingPages: [] };
 * const report = buildRunReport({ meta, harvest, assessment });
 * console.log(report.head.counts.datasets, report.head.audit.rating);
 * report.dispose();
 * assessment.dispose();
 * ```
 */
export function buildRunReport(input: RunResults): BuiltReport {
  const { assessment } = input;
  const { audit, validation } = assessment;
  const summary = validation.summary;
  const groupIndex = new Map(summary.groups.map((g, i) => [groupKeyOf(g), i]));
  const severityOf = (key: string) => key.slice(0, key.indexOf('\u0000')) as Severity;
  const broken = new Set(
    audit.links.problems.filter((p) => p.outcome === 'broken').map((p) => p.url),
  );
  const scores = scoresOf(audit);
  const ids: string[] = [];
  for (const d of scores.all) ids.push(d.id);
  const order = ids
    .map((_, i) => i)
    .sort((a, b) => compareKeys(ids[a] as string, ids[b] as string));
  ids.length = 0;

  const rows = new JsonSpool<DatasetRow>();
  const byPublisher = new Map<string, number[]>();
  const publisherCounts = new Map<string, { counts: SeverityCounts; broken: number }>();
  for (const at of order) {
    const d = scores.at(at);
    const counts = emptyCounts();
    const groups: [number, number][] = [];
    for (const [key, count] of assessment.groupsOf(d.id)) {
      const g = groupIndex.get(key);
      if (g !== undefined) groups.push([g, count]);
      counts[severityOf(key)] += count;
    }
    groups.sort((a, b) => a[0] - b[0]);
    const brokenLinks = (assessment.datasetUrls.get(d.id) ?? []).filter((u) =>
      broken.has(u),
    ).length;
    const publisher = d.publisher?.id ?? '';
    const sums = publisherCounts.get(publisher) ?? { counts: emptyCounts(), broken: 0 };
    addCounts(sums.counts, counts);
    sums.broken += brokenLinks;
    publisherCounts.set(publisher, sums);
    const list = byPublisher.get(publisher) ?? [];
    list.push(rows.length);
    byPublisher.set(publisher, list);
    const row: DatasetRow = {
      id: d.id,
      ...(d.title === undefined ? {} : { title: d.title }),
      publisher,
      score: d.score,
      rating: d.rating,
      dimensions: { ...d.dimensions },
      distributions: d.distributions,
      counts,
      brokenLinks,
      indicators: d.indicators.map((i) => ({ id: i.id, points: i.points, max: i.max, why: i.why })),
      groups,
    };
    rows.add(row);
  }

  const publishers = audit.publishers.map((p): PublisherRow => {
    const sums = publisherCounts.get(p.id) ?? { counts: emptyCounts(), broken: 0 };
    return {
      id: p.id,
      name: p.name,
      datasets: p.datasets,
      score: p.score,
      rating: p.rating,
      counts: sums.counts,
      brokenLinks: sums.broken,
      fixFirst: p.fixFirst.map(fixRow),
    };
  });

  const catalog = audit.catalog;
  const head: RunReportHead = {
    schema: REPORT_SCHEMA,
    run: input.meta,
    counts: {
      datasets: catalog.datasets,
      distributions: catalog.distributions,
      publishers: publishers.length,
      violations: summary.counts.violation,
      warnings: summary.counts.warning,
      brokenLinks: audit.links.broken,
    },
    harvest: input.harvest,
    validation: validationSection(assessment),
    audit: auditSection(audit),
    publishers,
  };
  return { head, datasets: rows, byPublisher, dispose: () => rows.close() };
}

/** The report's validation section: the summary's groups with their examples, the findings file. */
function validationSection(assessment: Assessment): RunReportHead['validation'] {
  const { validation } = assessment;
  const summary = validation.summary;
  return {
    shapes: validation.shapes,
    records: summary.records,
    conformingRecords: summary.conformingRecords,
    counts: summary.counts,
    groups: summary.groups.map((g) => ({
      severity: g.severity,
      component: compactIri(g.component),
      shape: g.sourceShape.startsWith('_:') ? g.sourceShape : compactIri(g.sourceShape),
      ...(g.path === undefined ? {} : { path: compactPath(g.path) }),
      recordKind: g.recordKind,
      count: g.count,
      records: g.records,
      message: g.example.message,
    })),
    notices: validation.notices,
    findings: {
      file: FINDINGS_FILE,
      schema: FINDINGS_SCHEMA,
      records: assessment.findings.records,
      findings: assessment.findings.findings,
      attribution: ATTRIBUTION_RULE,
    },
  };
}

/** The report's audit section: the catalog's score, dimensions, indicators and fixes. */
function auditSection(audit: Assessment['audit']): RunReportHead['audit'] {
  const catalog = audit.catalog;
  const links = linkSection(audit);
  return {
    method: audit.method,
    maxPoints: audit.maxPoints,
    score: catalog.score,
    rating: catalog.rating,
    dimensions: audit.dimensions.map((d) => ({
      id: d.id,
      label: d.label,
      max: d.max,
      score: catalog.dimensions[d.id as keyof typeof catalog.dimensions] ?? 0,
    })),
    indicators: catalog.indicators.map((i) => ({
      id: i.id,
      label: i.label,
      dimension: i.dimension,
      max: i.max,
      passRate: i.passRate,
    })),
    fixFirst: catalog.fixFirst.map(fixRow),
    portalLosses: catalog.portalLosses.map((l) => ({
      indicator: l.indicator,
      label: l.label,
      points: l.points,
      datasets: l.datasets,
    })),
    ...(links ? { links } : {}),
  };
}

/**
 * `report.json` in pieces: the head, then `"datasets":[` and one row per line (the layout
 * `readRunReport` streams), then `]}`.
 *
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * import { Readable } from 'node:stream';
 * import { pipeline } from 'node:stream/promises';
 * import { buildRunReport, reportJsonChunks, type RunResults } from 'dcat-harvest/run';
 *
 * declare const results: RunResults; // see buildRunReport
 * const report = buildRunReport(results);
 * await pipeline(Readable.from(reportJsonChunks(report)), createWriteStream('report.json'));
 * report.dispose();
 * ```
 */
export function* reportJsonChunks(report: BuiltReport): Generator<string> {
  const head = JSON.stringify(report.head);
  yield head.slice(0, -1) + ',"datasets":[\n';
  let first = true;
  for (const text of report.datasets.texts()) {
    yield (first ? '' : ',\n') + text;
    first = false;
  }
  yield first ? ']}\n' : '\n]}\n';
}
