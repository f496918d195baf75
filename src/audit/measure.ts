// **measure** runs the indicator table over one dataset record: dataset checks and per-distribution checks.
import { DataFactory } from 'n3';
import type { RecordGraph } from '../rdf/records.js';
import { DCAT } from '../vocab.js';
import { INDICATORS } from './indicators/index.js';
import { nodeView, urlView } from './node-view.js';
import { publisherOf, type PublisherRef } from './publisher.js';
import type { Check, MeasureContext, NodeView } from './types.js';

/** One distribution's checks, keyed by indicator id, and its URLs (for link checks). */
export interface DistributionMeasurement {
  id: string;
  checks: Record<string, Check>;
  accessUrls: string[];
  downloadUrls: string[];
}

/** Everything measured on one dataset, before scoring. */
export interface DatasetMeasurement {
  id: string;
  title?: string;
  publisher?: PublisherRef;
  /** Dataset-level checks (and the dataset side of the date fallback), keyed by indicator id. */
  dataset: Record<string, Check>;
  distributions: DistributionMeasurement[];
}

/**
 * Measures the dataset-level and (except link) distribution-level indicators of a record.
 *
 * @example
 * ```ts
 * import { measureDataset, scoreDataset } from 'dcat-harvest/audit';
 * import { extractRecords, parseText } from 'dcat-harvest/rdf';
 * import { Store } from 'n3';
 *
 * const turtle = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
 * PREFIX dct: <http://purl.org/dc/terms/>
 * <https://example.org/d1> a dcat:Dataset ; dct:title "Schools" .`;
 * const { quads } = await parseText(turtle, { format: 'turtle' });
 * const [record] = extractRecords(new Store(quads));
 * const measured = measureDataset(record!, { status: () => undefined, statusRange: [200, 399] });
 * console.log(scoreDataset(measured).score);
 * ```
 */
export function measureDataset(record: RecordGraph, context: MeasureContext): DatasetMeasurement {
  const root = nodeView(record.quads, record.id);
  return measureNode(root, record.title, context);
}

/** Measures a dataset node seen through any view (a record's quads or a page's store). */
export function measureNode(
  root: NodeView,
  title: string | undefined,
  context: MeasureContext,
): DatasetMeasurement {
  const dataset: Record<string, Check> = {};
  for (const indicator of INDICATORS) {
    if (indicator.level === 'dataset' || indicator.datasetFallback) {
      dataset[indicator.id] = indicator.measure(root, context);
    }
  }
  const distributions: DistributionMeasurement[] = [];
  const seen = new Set<string>();
  for (const term of root.values(DCAT.distribution)) {
    if (term.termType === 'Literal') continue;
    const node = root.node(term);
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    distributions.push(measureDistribution(node, context));
  }
  const out: DatasetMeasurement = { id: root.id, dataset, distributions };
  if (title !== undefined) out.title = title;
  const publisher = publisherOf(root);
  if (publisher) out.publisher = publisher;
  return out;
}

function urls(node: NodeView, predicate: string): string[] {
  return node
    .values(predicate)
    .filter((t) => t.termType !== 'BlankNode')
    .map((t) => t.value);
}

function measureDistribution(node: NodeView, context: MeasureContext): DistributionMeasurement {
  const checks: Record<string, Check> = {};
  for (const indicator of INDICATORS) {
    if (indicator.level === 'distribution') checks[indicator.id] = indicator.measure(node, context);
  }
  return {
    id: node.id,
    checks,
    accessUrls: urls(node, DCAT.accessURL),
    downloadUrls: urls(node, DCAT.downloadURL),
  };
}

/** Copies a string out of the parser's input (see `detach` in score.ts; kept here to avoid a cycle). */
function own(text: string): string {
  return (text + ' ').slice(0, -1);
}

/**
 * Copies every string of a measurement, so that keeping it (until URLs are checked) does not
 * keep the page text it was read from.
 */
export function detachMeasurement(m: DatasetMeasurement): DatasetMeasurement {
  const checks = (from: Record<string, Check>): Record<string, Check> =>
    Object.fromEntries(Object.entries(from).map(([id, c]) => [id, { ...c, why: own(c.why) }]));
  const out: DatasetMeasurement = {
    id: own(m.id),
    dataset: checks(m.dataset),
    distributions: m.distributions.map((d) => ({
      id: own(d.id),
      checks: checks(d.checks),
      accessUrls: d.accessUrls.map(own),
      downloadUrls: d.downloadUrls.map(own),
    })),
  };
  if (m.title !== undefined) out.title = own(m.title);
  if (m.publisher) out.publisher = { id: own(m.publisher.id), name: own(m.publisher.name) };
  return out;
}

/** Re-measures the link indicators of every distribution once URL statuses are known. */
export function applyLinkStatuses(measurement: DatasetMeasurement, context: MeasureContext): void {
  const link = INDICATORS.filter((i) => i.needsLinks);
  for (const distribution of measurement.distributions) {
    const toTerm = (value: string) => DataFactory.namedNode(value);
    const view = urlView(distribution.id, {
      [DCAT.accessURL]: distribution.accessUrls.map(toTerm),
      [DCAT.downloadURL]: distribution.downloadUrls.map(toTerm),
    });
    for (const indicator of link)
      distribution.checks[indicator.id] = indicator.measure(view, context);
  }
}
