// **build-report** assembles `report.json` from the harvest, validation and audit results of a run.
import type { AuditReport } from '../audit/audit.js';
import type { FixSuggestion } from '../audit/fixes.js';
import { compactIri, compactPath } from '../shacl/messages.js';
import {
  SEVERITIES,
  emptyCounts,
  type Finding,
  type SeverityCounts,
  type ValidationRun,
} from '../shacl/findings.js';
import {
  REPORT_SCHEMA,
  type DatasetFinding,
  type DatasetRow,
  type FixRow,
  type HarvestSection,
  type LinkSection,
  type PublisherRow,
  type RunMeta,
  type RunReport,
} from './report-model.js';

/** What {@link buildRunReport} reads. */
export interface RunResults {
  meta: RunMeta;
  harvest: HarvestSection;
  validation: ValidationRun;
  audit: AuditReport;
  /** The access and download URLs of each dataset, to count its broken links. */
  datasetUrls?: Map<string, string[]>;
}

function groupKey(
  severity: string,
  shape: string,
  component: string,
  path = '',
  kind = '',
): string {
  return [severity, shape, component, path, kind].join('\u0000');
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

/** Builds the run report; findings are attached to the dataset whose record holds them. */
export function buildRunReport(input: RunResults): RunReport {
  const { validation, audit } = input;
  const groups = validation.summary.groups;
  const groupIndex = new Map(
    groups.map((g, i) => [
      groupKey(g.severity, g.sourceShape, g.component, g.path, g.recordKind),
      i,
    ]),
  );
  const byRecord = new Map<string, Finding[]>();
  for (const result of validation.results) {
    if (result.findings.length === 0) continue;
    const list = byRecord.get(result.record.id) ?? [];
    list.push(...result.findings);
    byRecord.set(result.record.id, list);
  }
  const broken = new Set(
    audit.links.problems.filter((p) => p.outcome === 'broken').map((p) => p.url),
  );
  const publisherCounts = new Map<string, { counts: SeverityCounts; broken: number }>();

  const datasets = audit.datasets.map((d): DatasetRow => {
    const kinds = new Map<string, DatasetFinding>();
    const counts = emptyCounts();
    for (const f of byRecord.get(d.id) ?? []) {
      counts[f.severity]++;
      const key = groupKey(f.severity, f.sourceShape, f.component, f.path, f.record.kind);
      const seen = kinds.get(key);
      if (seen) {
        seen.count++;
        continue;
      }
      const row: DatasetFinding = {
        severity: f.severity,
        message: f.message,
        focusNode: f.focusNode,
        count: 1,
      };
      if (f.path !== undefined) row.path = compactPath(f.path);
      if (f.value !== undefined) row.value = f.value;
      const g = groupIndex.get(key);
      if (g !== undefined) row.group = g;
      kinds.set(key, row);
    }
    const findings = [...kinds.values()].sort(
      (a, b) =>
        SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.count - a.count,
    );
    const brokenLinks = (input.datasetUrls?.get(d.id) ?? []).filter((u) => broken.has(u)).length;
    const publisher = d.publisher?.id ?? '';
    const sums = publisherCounts.get(publisher) ?? { counts: emptyCounts(), broken: 0 };
    addCounts(sums.counts, counts);
    sums.broken += brokenLinks;
    publisherCounts.set(publisher, sums);
    const row: DatasetRow = {
      id: d.id,
      publisher,
      score: d.score,
      rating: d.rating,
      dimensions: { ...d.dimensions },
      distributions: d.distributions,
      counts,
      brokenLinks,
      indicators: d.indicators.map((i) => ({ id: i.id, points: i.points, max: i.max, why: i.why })),
      findings,
    };
    if (d.title !== undefined) row.title = d.title;
    return row;
  });

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
  const links = linkSection(audit);
  return {
    schema: REPORT_SCHEMA,
    run: input.meta,
    counts: {
      datasets: datasets.length,
      distributions: catalog.distributions,
      publishers: publishers.length,
      violations: validation.summary.counts.violation,
      warnings: validation.summary.counts.warning,
      brokenLinks: audit.links.broken,
    },
    harvest: input.harvest,
    validation: {
      shapes: validation.shapes,
      records: validation.summary.records,
      conformingRecords: validation.summary.conformingRecords,
      counts: validation.summary.counts,
      groups: groups.map((g) => ({
        severity: g.severity,
        component: compactIri(g.component),
        ...(g.path === undefined ? {} : { path: compactPath(g.path) }),
        recordKind: g.recordKind,
        count: g.count,
        records: g.records,
        message: g.example.message,
      })),
      notices: validation.notices,
    },
    audit: {
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
    },
    publishers,
    datasets,
  };
}
