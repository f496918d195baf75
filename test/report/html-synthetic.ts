// Builds a deterministic synthetic run report of any size (for the HTML tests and the report bench).
import type {
  DatasetRow,
  IndicatorSummary,
  PublisherRow,
  Rating,
  RunReport,
} from '../../src/run/report-model.js';
import { REPORT_SCHEMA, ratingOf } from '../../src/run/report-model.js';

const INDICATORS: [string, string, string, number][] = [
  ['keyword', 'Keyword usage', 'findability', 30],
  ['theme', 'Categories', 'findability', 30],
  ['spatial', 'Geo search', 'findability', 20],
  ['temporal', 'Time-based search', 'findability', 20],
  ['accessUrl', 'Access URL accessible', 'accessibility', 50],
  ['downloadUrl', 'Download URL', 'accessibility', 20],
  ['downloadUrlStatus', 'Download URL accessible', 'accessibility', 30],
  ['format', 'Format', 'interoperability', 20],
  ['mediaType', 'Media type', 'interoperability', 10],
  ['formatVocabulary', 'Format from vocabulary', 'interoperability', 10],
  ['nonProprietary', 'Non-proprietary', 'interoperability', 20],
  ['machineReadable', 'Machine-readable', 'interoperability', 20],
  ['dcatApCompliance', 'DCAT-AP compliance', 'interoperability', 30],
  ['license', 'Licence', 'reusability', 20],
  ['knownLicense', 'Known licence', 'reusability', 10],
  ['accessRights', 'Access restrictions', 'reusability', 10],
  ['accessRightsVocabulary', 'Access restrictions vocabulary', 'reusability', 5],
  ['contactPoint', 'Contact point', 'reusability', 20],
  ['publisher', 'Publisher', 'reusability', 10],
  ['rights', 'Rights', 'contextuality', 5],
  ['byteSize', 'File size', 'contextuality', 5],
  ['issued', 'Date of issue', 'contextuality', 5],
  ['modified', 'Modification date', 'contextuality', 5],
];
const DIMENSIONS: [string, string, number][] = [
  ['findability', 'Findability', 100],
  ['accessibility', 'Accessibility', 100],
  ['interoperability', 'Interoperability', 110],
  ['reusability', 'Reusability', 75],
  ['contextuality', 'Contextuality', 20],
];

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  datasets: number;
  publishers?: number;
  seed?: number;
  /** Title of dataset 0 (to test escaping). */
  firstTitle?: string;
}

/** Builds a report whose counts are internally consistent. */
export function syntheticReport(options: SyntheticOptions): RunReport {
  const random = prng(options.seed ?? 1);
  const publisherCount = options.publishers ?? Math.max(1, Math.round(options.datasets / 40));
  const datasets: DatasetRow[] = [];
  for (let i = 0; i < options.datasets; i++) {
    const id = `https://example.org/datasets/${i.toString(16).padStart(6, '0')}`;
    const title =
      i === 0 && options.firstTitle !== undefined
        ? options.firstTitle
        : `Dataset ${i} about ${['roads', 'schools', 'water', 'budget', 'air'][i % 5]}`;
    const dims: Record<string, number> = {};
    const indicators = INDICATORS.map(([ind, label, dim, max]) => {
      const pass = random() < (ind === 'spatial' || ind === 'theme' ? 0 : 0.65);
      const points = pass ? max : 0;
      dims[dim] = (dims[dim] ?? 0) + points;
      return {
        id: ind,
        points,
        max,
        why: pass
          ? `${label.toLowerCase()} present`
          : `no ${label.toLowerCase()} on the best distribution`,
      };
    });
    const score = indicators.reduce((s, x) => s + x.points, 0);
    const violation = random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
    const warning = Math.floor(random() * 3);
    const findings = [
      ...Array.from({ length: violation }, (_, n) => ({
        severity: 'violation' as const,
        message: `dataset «${title}» (${id}) has no dct:description (required, at least 1) #${n}`,
        focusNode: id,
        path: 'dct:description',
        count: 1,
      })),
      ...Array.from({ length: warning }, () => ({
        severity: 'warning' as const,
        message: `distribution of «${title}» has no dcat:byteSize (recommended)`,
        focusNode: `${id}/distribution/1`,
        path: 'dcat:byteSize',
        count: 1,
      })),
    ];
    datasets.push({
      id,
      title,
      publisher: `https://example.org/org/${i % publisherCount}`,
      score,
      rating: ratingOf(score),
      dimensions: dims,
      distributions: 1 + (i % 4),
      counts: { violation, warning, info: 0 },
      brokenLinks: random() < 0.05 ? 1 : 0,
      indicators,
      findings,
    });
  }
  const publishers: PublisherRow[] = Array.from({ length: publisherCount }, (_, p) => {
    const mine = datasets.filter((_, i) => i % publisherCount === p);
    const score = Math.round(mine.reduce((s, d) => s + d.score, 0) / Math.max(1, mine.length));
    return {
      id: `https://example.org/org/${p}`,
      name: `Organisation ${p}`,
      datasets: mine.length,
      score,
      rating: ratingOf(score),
      counts: {
        violation: mine.reduce((s, d) => s + d.counts.violation, 0),
        warning: mine.reduce((s, d) => s + d.counts.warning, 0),
        info: 0,
      },
      brokenLinks: mine.reduce((s, d) => s + d.brokenLinks, 0),
      fixFirst: [],
    };
  });
  const n = Math.max(1, datasets.length);
  const score = Math.round(datasets.reduce((s, d) => s + d.score, 0) / n);
  const indicators: IndicatorSummary[] = INDICATORS.map(([id, label, dimension, max]) => ({
    id,
    label,
    dimension,
    max,
    passRate:
      datasets.filter((d) => d.indicators.find((x) => x.id === id)?.points === max).length / n,
  }));
  const violations = datasets.reduce((s, d) => s + d.counts.violation, 0);
  const warnings = datasets.reduce((s, d) => s + d.counts.warning, 0);
  const broken = datasets.reduce((s, d) => s + d.brokenLinks, 0);
  return {
    schema: REPORT_SCHEMA,
    run: {
      source: 'http://127.0.0.1:1/',
      startedAt: '2026-11-26T23:00:00.000Z',
      finishedAt: '2026-11-26T23:01:00.000Z',
      tool: { name: 'dcat-harvest', version: '0.1.0' },
      options: { profile: 'dcat-ap-3', method: 'mqa' },
      durations: { harvest: 1000, validate: 2000, audit: 500, report: 100, total: 3600 },
    },
    counts: {
      datasets: datasets.length,
      distributions: datasets.reduce((s, d) => s + d.distributions, 0),
      publishers: publishers.length,
      violations,
      warnings,
      brokenLinks: broken,
    },
    harvest: {
      pages: Math.ceil(n / 100),
      records: datasets.length,
      totalItems: datasets.length,
      duplicates: 0,
      complete: true,
      missingPages: [],
    },
    validation: {
      shapes: 'dcat-ap-3 (full)',
      records: datasets.length,
      conformingRecords: datasets.filter((d) => d.counts.violation === 0).length,
      counts: { violation: violations, warning: warnings, info: 0 },
      groups: [
        {
          severity: 'violation',
          component: 'sh:MinCountConstraintComponent',
          path: 'dct:description',
          recordKind: 'dataset',
          count: violations,
          records: datasets.filter((d) => d.counts.violation > 0).length,
          message: 'dataset has no dct:description (required, at least 1)',
        },
      ],
      notices: [],
    },
    audit: {
      method: 'mqa',
      maxPoints: 405,
      score,
      rating: ratingOf(score) as Rating,
      dimensions: DIMENSIONS.map(([id, label, max]) => ({
        id,
        label,
        max,
        score: Math.round(datasets.reduce((s, d) => s + (d.dimensions[id] ?? 0), 0) / n),
      })),
      indicators,
      fixFirst: [
        {
          indicator: 'license',
          action: 'add dct:license to 120 distributions',
          datasets: 120,
          gain: 3,
          portal: false,
        },
      ],
      portalLosses: [
        { indicator: 'spatial', label: 'Geo search', points: 20, datasets: datasets.length },
      ],
      links: {
        checked: 10,
        ok: 9,
        broken: 1,
        inconclusive: 0,
        results: [
          { url: 'http://127.0.0.1:1/missing.csv', status: 404, outcome: 'broken', datasets: 1 },
        ],
      },
    },
    publishers,
    datasets,
  };
}
