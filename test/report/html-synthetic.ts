// Builds a deterministic synthetic run report of any size that looks like the sample portal's
// (its titles, IRIs and organisations; the real indicators, reasons and groups of findings), for
// the HTML tests and bench/html.ts. Rows come one at a time, so a bench holds none of them.
import { datasetHeader } from '../../src/sample-portal/catalog.js';
import { DEFAULT_DEFECT_RATES } from '../../src/sample-portal/defects.js';
import { organizationAt } from '../../src/sample-portal/owners.js';
import { hash, unit } from '../../src/sample-portal/prng.js';
import type {
  DatasetRow,
  FindingGroupRow,
  IndicatorResult,
  RunReport,
  RunReportHead,
} from '../../src/run/report-model.js';
import {
  FINDINGS_FILE,
  FINDINGS_SCHEMA,
  REPORT_SCHEMA,
  ratingOf,
} from '../../src/run/report-model.js';
import {
  DIMENSIONS,
  FORMATS,
  GROUPS,
  INDICATORS,
  LICENCES,
  groupMessage,
} from './html-synthetic-tables.js';

const BASE = 'https://www.data.gouv.fr';

export interface SyntheticOptions {
  datasets: number;
  /** Default: one per 74 datasets (1,003 at 74,200), at least 1. */
  publishers?: number;
  seed?: number;
  /** Title of dataset 0 (to test escaping). */
  firstTitle?: string;
}

const publisherCount = (o: SyntheticOptions) =>
  o.publishers ?? Math.max(1, Math.round(o.datasets / 74));
const publisherId = (seed: number, p: number) =>
  `${BASE}/organizations/${organizationAt(seed, p).id}`;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('Z', '');

/** Dataset `i`: 5–15 groups of findings (a few datasets none), reasons like the auditor's. */
export function syntheticRow(o: SyntheticOptions, i: number): DatasetRow {
  const seed = o.seed ?? 1;
  const header = datasetHeader(
    { datasets: o.datasets, seed, giants: 0, defectRates: DEFAULT_DEFECT_RATES },
    i,
  );
  const id = `${BASE}/datasets/${header.id}`;
  const title = i === 0 && o.firstTitle !== undefined ? o.firstTitle : header.title;
  const u = (key: string) => unit(seed, key, i);
  const dists = Math.max(1, Math.min(header.resources, 30));
  const publisher = Math.floor(publisherCount(o) * u('publisher') ** 2);
  const [format, media] = FORMATS[hash(seed, 'format', i) % FORMATS.length] as [string, string];
  const [licence, known] = LICENCES[hash(seed, 'licence', i) % LICENCES.length] as [string, string];
  const groups: [number, number][] = [];
  if (u('conforms') > 0.04) {
    const n = 5 + (hash(seed, 'groups', i) % 11);
    const picked = new Set<number>();
    for (let k = 0; picked.size < n; k++) picked.add(hash(seed, 'group', i, k) % GROUPS.length);
    for (const g of [...picked].sort((a, b) => a - b)) {
      groups.push([g, GROUPS[g]!.perDistribution ? dists : 1]);
    }
  }
  const counts = { violation: 0, warning: 0, info: 0 };
  for (const [g, n] of groups) counts[GROUPS[g]!.row.severity] += n;
  const kw = header.tags[0];
  const compliance =
    counts.violation === 0
      ? 'conforms to the DCAT-AP shapes (no violation)'
      : `DCAT-AP violations: ${groupMessage(groups[0]![0], { id, title, value: String(hash(seed, 'size', i)), distribution: `${id}?resource_id=${hash(seed, 'r', i).toString(16)}` })}`;
  const why: [boolean, string][] = [
    [
      kw !== undefined,
      kw
        ? `dcat:keyword "${kw}"${header.tags.length > 1 ? ` (+${header.tags.length - 1} more)` : ''}`
        : 'dcat:keyword missing',
    ],
    [false, 'dcat:theme missing'],
    [false, 'dct:spatial missing'],
    [
      u('temporal') < 0.4,
      u('temporal') < 0.4 ? 'dct:temporal [a blank node]' : 'dct:temporal missing',
    ],
    [false, 'dcat:accessURL not checked'],
    [
      true,
      `dcat:downloadURL <https://static.data.gouv.fr/resources/${header.slug}/${iso(header.created).slice(0, 10)}/${format}>`,
    ],
    [false, 'dcat:downloadURL not checked'],
    [true, `dct:format "${format}"`],
    [true, `dcat:mediaType "${media}"`],
    [
      format !== 'zip',
      `dct:format "${format}" (EU file type ${format.toUpperCase()}) from vocabulary`,
    ],
    [
      format !== 'xlsx',
      `dct:format "${format}" (EU file type ${format.toUpperCase()}) is non-proprietary`,
    ],
    [
      format !== 'zip',
      `dct:format "${format}" (EU file type ${format.toUpperCase()}) is machine-readable`,
    ],
    [counts.violation === 0, compliance],
    [true, `dct:license <${licence}>`],
    [!known.includes('not'), `dct:license <${licence}> ${known}`],
    [
      u('rights') < 0.35,
      u('rights') < 0.35
        ? 'dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC>'
        : 'dct:accessRights missing',
    ],
    [
      u('rights') < 0.35,
      u('rights') < 0.35
        ? 'dct:accessRights is EU access right PUBLIC'
        : 'dct:accessRights missing',
    ],
    [true, `dcat:contactPoint <${BASE}/api/1/contacts/${organizationAt(seed, publisher).id}/>`],
    [true, `dct:publisher <${publisherId(seed, publisher)}>`],
    [false, 'dct:rights missing'],
    [
      u('size') < 0.9,
      u('size') < 0.9 ? `dcat:byteSize "${hash(seed, 'size', i)}"` : 'dcat:byteSize missing',
    ],
    [true, `dct:issued "${iso(header.created)}"`],
    [true, `dct:modified "${iso(header.created + (hash(seed, 'mod', i) % 9e7))}"`],
  ];
  const dimensions: Record<string, number> = {};
  const indicators = INDICATORS.map(([ind, , dim, max], k): IndicatorResult => {
    const [pass, reason] = why[k]!;
    dimensions[dim] = (dimensions[dim] ?? 0) + (pass ? max : 0);
    return { id: ind, points: pass ? max : 0, max, why: reason };
  });
  const score = indicators.reduce((s, x) => s + x.points, 0);
  return {
    id,
    title,
    publisher: publisherId(seed, publisher),
    score,
    rating: ratingOf(score),
    dimensions,
    distributions: dists,
    counts,
    brokenLinks: u('broken') < 0.05 ? 1 : 0,
    indicators,
    groups,
  };
}

/** The rows, one at a time. */
export function* syntheticRows(o: SyntheticOptions): Generator<DatasetRow> {
  for (let i = 0; i < o.datasets; i++) yield syntheticRow(o, i);
}

/** The head of the report: one pass over the rows, keeping only sums. */
export function syntheticHead(o: SyntheticOptions): RunReportHead {
  const seed = o.seed ?? 1;
  const pubs = Array.from({ length: publisherCount(o) }, () => ({
    n: 0,
    score: 0,
    v: 0,
    w: 0,
    broken: 0,
  }));
  const groups: FindingGroupRow[] = GROUPS.map((g) => ({
    ...g.row,
    count: 0,
    records: 0,
    message: '',
  }));
  const pass = INDICATORS.map(() => 0);
  const dims: Record<string, number> = {};
  const sum = { datasets: 0, distributions: 0, score: 0, v: 0, w: 0, broken: 0, conforming: 0 };
  const publisherIndex = new Map(pubs.map((_, p) => [publisherId(seed, p), p]));
  for (const row of syntheticRows(o)) {
    const p = pubs[publisherIndex.get(row.publisher!)!]!;
    p.n++;
    p.score += row.score;
    p.v += row.counts.violation;
    p.w += row.counts.warning;
    p.broken += row.brokenLinks;
    sum.datasets++;
    sum.distributions += row.distributions;
    sum.score += row.score;
    sum.v += row.counts.violation;
    sum.w += row.counts.warning;
    sum.broken += row.brokenLinks;
    if (row.counts.violation === 0) sum.conforming++;
    row.indicators.forEach((x, k) => (pass[k]! += x.points === x.max ? 1 : 0));
    for (const [d, v] of Object.entries(row.dimensions)) dims[d] = (dims[d] ?? 0) + v;
    for (const [g, n] of row.groups) {
      const group = groups[g]!;
      if (group.records === 0) {
        group.message = groupMessage(g, {
          id: row.id,
          title: row.title ?? '',
          value: '42',
          distribution: `${row.id}?resource_id=1`,
        });
      }
      group.count += n;
      group.records++;
    }
  }
  const n = Math.max(1, sum.datasets);
  const score = Math.round(sum.score / n);
  return {
    schema: REPORT_SCHEMA,
    run: {
      source: `${BASE}/`,
      startedAt: '2026-11-26T23:00:00.000Z',
      finishedAt: '2026-11-26T23:01:00.000Z',
      tool: { name: 'dcat-harvest', version: '0.1.0' },
      options: { profile: 'dcat-ap-3', method: 'mqa' },
      durations: { harvest: 1000, validate: 2000, audit: 500, report: 100, total: 3600 },
    },
    counts: {
      datasets: sum.datasets,
      distributions: sum.distributions,
      publishers: pubs.length,
      violations: sum.v,
      warnings: sum.w,
      brokenLinks: sum.broken,
    },
    harvest: {
      pages: Math.ceil(n / 100),
      records: sum.datasets,
      totalItems: sum.datasets,
      duplicates: 0,
      complete: true,
      missingPages: [],
    },
    validation: {
      shapes: 'dcat-ap-3 (full)',
      records: sum.datasets,
      conformingRecords: sum.conforming,
      counts: { violation: sum.v, warning: sum.w, info: 0 },
      groups: groups
        .filter((g) => g.count > 0)
        .sort((a, b) =>
          a.severity === b.severity ? b.count - a.count : a.severity === 'violation' ? -1 : 1,
        ),
      notices: [],
      findings: {
        file: FINDINGS_FILE,
        schema: FINDINGS_SCHEMA,
        records: sum.datasets - sum.conforming,
        findings: sum.v + sum.w,
        attribution: 'smallest record IRI',
      },
    },
    audit: {
      method: 'mqa',
      maxPoints: 405,
      score,
      rating: ratingOf(score),
      dimensions: DIMENSIONS.map(([id, label, max]) => ({
        id,
        label,
        max,
        score: Math.round((dims[id] ?? 0) / n),
      })),
      indicators: INDICATORS.map(([id, label, dimension, max], k) => ({
        id,
        label,
        dimension,
        max,
        passRate: pass[k]! / n,
      })),
      fixFirst: [
        {
          indicator: 'licenceAvailability',
          action: 'add dct:license to 120 distributions',
          datasets: 120,
          gain: 3,
          portal: false,
        },
      ],
      portalLosses: [
        {
          indicator: 'spatialAvailability',
          label: 'Geo search',
          points: 20,
          datasets: sum.datasets,
        },
      ],
      links: {
        checked: 10,
        ok: 9,
        broken: 1,
        inconclusive: 0,
        results: [{ url: `${BASE}/missing.csv`, status: 404, outcome: 'broken', datasets: 1 }],
      },
    },
    publishers: pubs.map((p, k) => {
      const avg = Math.round(p.score / Math.max(1, p.n));
      return {
        id: publisherId(seed, k),
        name: organizationAt(seed, k).name,
        datasets: p.n,
        score: avg,
        rating: ratingOf(avg),
        counts: { violation: p.v, warning: p.w, info: 0 },
        brokenLinks: p.broken,
        fixFirst: [],
      };
    }),
  };
}

/**
 * The head with group indices as the rows use them: {@link syntheticHead} sorts the groups, so
 * rows are remapped to the sorted order.
 */
export function syntheticParts(o: SyntheticOptions): {
  head: RunReportHead;
  rows: () => Generator<DatasetRow>;
} {
  const head = syntheticHead(o);
  const order = new Map(head.validation.groups.map((g, k) => [g.shape, k]));
  const remap = GROUPS.map((g) => order.get(g.row.shape) ?? -1);
  return {
    head,
    rows: function* () {
      for (const row of syntheticRows(o)) {
        row.groups = row.groups
          .map(([g, n]): [number, number] => [remap[g]!, n])
          .sort((a, b) => a[0] - b[0]);
        yield row;
      }
    },
  };
}

/** The whole report in memory (small sizes: tests). */
export function syntheticReport(o: SyntheticOptions): RunReport {
  const { head, rows } = syntheticParts(o);
  return { ...head, datasets: [...rows()] };
}
