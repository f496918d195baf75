// **audit** scores a catalog the MQA way: records page by page in, per-dataset scores and group summaries out.
import type { Quad } from '@rdfjs/types';
import { Store } from 'n3';
import { extractRecords, termId, titleOf, type RecordGraph } from '../rdf/records.js';
import { DCAT } from '../vocab.js';
import type { Measured } from './judged.js';
import { KeySet } from '../key-set.js';
import { JsonSpool } from '../spool.js';
import { GroupAccumulator, type GroupSummary } from './aggregate.js';
import { DIMENSIONS, MAX_POINTS } from './dimensions.js';
import { INDICATORS } from './indicators/index.js';
import {
  emptyLinks,
  sample,
  summarizeLinks,
  urlReferences,
  type LinkSummary,
} from './link-summary.js';
import type { LinkChecking } from './link-types.js';
import {
  applyLinkStatuses,
  detachMeasurement,
  measureDataset,
  measureNode,
  type DatasetMeasurement,
} from './measure.js';
import { indexPage, storeView } from './node-view.js';
import { datasetNodes, isQuadPage, NOT_DATASET, titleFrom, type AuditPage } from './pages.js';
import { PortalDetector, type PortalChoice } from './portal.js';
import { METHOD_LABELS, scoreDataset, type DatasetScore, type ScoringMethod } from './score.js';
import type { MeasureContext, UrlStatus } from './types.js';

export type { AuditPage } from './pages.js';
export type { LinkSummary } from './link-summary.js';
export { sample } from './link-summary.js';

/** The identifier written in audit JSON so readers can check what they read. */
export const AUDIT_SCHEMA = 'dcat-harvest/audit@1';

/** Options of {@link auditRecords}. */
export interface AuditOptions {
  /** `mqa` (default: piveau's best distribution) or `proportional`. */
  method?: ScoringMethod;
  /** HTTP statuses counted as accessible; default [200, 399] (piveau's older code: 200–299). */
  statusRange?: [number, number];
  /**
   * DCAT-AP compliance of a record (no Violation), optionally with the violations' messages;
   * without it the indicator is not measured.
   */
  compliance?: (record: RecordGraph) => ComplianceVerdict | Promise<ComplianceVerdict>;
  /** What the compliance check ran, for the report (`dcat-ap-2 (full)`). */
  complianceLabel?: string;
  /** URL checker; without it the two "URL accessible" indicators are not measured. */
  links?: LinkChecking;
  /** Check only a deterministic sample of this many URLs. */
  linkSample?: number;
  /** Seed of the sample (default `dcat-harvest`). */
  linkSampleSeed?: string;
  /** Called while URLs are checked. */
  onLinkProgress?: (done: number, total: number) => void;
  /** Portal profile: `auto` (default, detects udata), `udata` or `none`. */
  portal?: PortalChoice;
}

/** A compliance check's answer: a boolean, or the verdict with the first violations. */
export type ComplianceVerdict = boolean | { conforms: boolean; violations?: string[] };

/** One indicator as the report describes it. */
export interface IndicatorInfo {
  id: string;
  label: string;
  dimension: string;
  points: number;
  level: string;
  metric: string;
  property: string;
}

/** The whole audit: what `--report json` writes. */
export interface AuditReport {
  schema: typeof AUDIT_SCHEMA;
  method: ScoringMethod;
  methodLabel: string;
  statusRange: [number, number];
  maxPoints: number;
  dimensions: { id: string; label: string; max: number; iri: string }[];
  indicators: IndicatorInfo[];
  compliance: { checked: boolean; label?: string };
  links: LinkSummary;
  portal?: { id: string; label: string; notes: string[] };
  catalog: GroupSummary;
  /** Most datasets first. */
  publishers: GroupSummary[];
  /**
   * In input order; readable as often as needed until `dispose()` (past a few hundred datasets
   * they are read back from a temporary file). Their number is `catalog.datasets`.
   */
  datasets: Iterable<DatasetScore>;
  /** Records skipped as duplicates (same IRI on several pages). */
  duplicates: number;
  notes: string[];
  /** Deletes what the report keeps on disk (its datasets cannot be read after). */
  dispose?: () => void;
}

const NO_PUBLISHER = { id: '', name: '(no publisher)' };

/**
 * Scores datasets as they come (measured here from pages, or measured elsewhere, e.g. on the
 * validation's worker threads) and sums them per catalog and publisher. The scores go to a spool
 * past a few hundred datasets, so memory grows with the groups, not with the datasets.
 */
export class AuditBuilder {
  readonly method: ScoringMethod;
  readonly statusRange: [number, number];
  private readonly catalog = new GroupAccumulator('catalog', 'Catalog');
  private readonly publishers = new Map<string, GroupAccumulator>();
  private readonly detector = new PortalDetector();
  private readonly scores = new JsonSpool<DatasetScore>();
  private readonly pending: DatasetMeasurement[] = [];
  private readonly seen = new KeySet();
  private duplicates = 0;
  private readonly noLinks: MeasureContext;

  constructor(
    private readonly options: AuditOptions = {},
    /** Called with each dataset's score as it is made. */
    private readonly onScore?: (score: DatasetScore) => void,
  ) {
    this.method = options.method ?? 'mqa';
    this.statusRange = options.statusRange ?? [200, 399];
    this.noLinks = { status: () => undefined, statusRange: this.statusRange };
  }

  /** Scores the datasets of one page (records, a store or quads). */
  async addPage(given: AuditPage): Promise<void> {
    const options = this.options;
    const page =
      options.compliance && !Array.isArray(given)
        ? extractRecords(
            given instanceof Store ? given : new Store([...(given as { quads: Quad[] }).quads]),
          )
        : given;
    const noLinks = this.noLinks;
    if (isQuadPage(page)) {
      const index = indexPage(page.quads);
      const others = new Set(NOT_DATASET.flatMap((cls) => index.typed(cls)));
      for (const id of index.typed(DCAT.Dataset)) {
        if (others.has(id) || !this.fresh(id)) continue;
        const root = index.view(id);
        this.keep(measureNode(root, titleFrom(root), noLinks));
      }
      return;
    }
    if (page instanceof Store) {
      for (const node of datasetNodes(page)) {
        if (this.fresh(termId(node)))
          this.keep(measureNode(storeView(page, node), titleOf(page, node), noLinks));
      }
      return;
    }
    for (const rec of page) {
      if (rec.kind !== 'dataset' || !this.fresh(rec.id)) continue;
      const verdict = options.compliance ? await options.compliance(rec) : undefined;
      const context: MeasureContext =
        verdict === undefined
          ? noLinks
          : typeof verdict === 'boolean'
            ? { ...noLinks, compliance: verdict }
            : { ...noLinks, compliance: verdict.conforms, violations: verdict.violations ?? [] };
      this.keep(measureDataset(rec, context));
    }
  }

  /**
   * Adds a dataset measured (and maybe scored) elsewhere, its compliance already in it; repeats
   * are counted as duplicates.
   */
  addMeasured(m: Measured): void {
    if ('measurement' in m) {
      if (this.fresh(m.measurement.id)) this.keep(m.measurement);
      return;
    }
    if (!this.fresh(m.score.id)) return;
    this.detector.count(m.udata);
    this.add(m.score);
  }

  private fresh(id: string): boolean {
    if (!this.seen.add(id)) {
      this.duplicates += 1;
      return false;
    }
    return true;
  }

  private keep(m: DatasetMeasurement): void {
    this.detector.add(m);
    if (this.options.links) this.pending.push(detachMeasurement(m));
    else this.record(m, this.noLinks);
  }

  private record(m: DatasetMeasurement, context: MeasureContext): void {
    applyLinkStatuses(m, context);
    this.add(scoreDataset(m, this.method));
  }

  private add(score: DatasetScore): void {
    this.scores.add(score);
    this.onScore?.(score);
    this.catalog.add(score);
    const publisher = score.publisher ?? NO_PUBLISHER;
    let group = this.publishers.get(publisher.id);
    if (!group)
      this.publishers.set(
        publisher.id,
        (group = new GroupAccumulator(publisher.id, publisher.name)),
      );
    group.add(score);
  }

  /** Checks the URLs (when asked), scores what waited for them, and sums everything up. */
  async finish(): Promise<AuditReport> {
    const options = this.options;
    const { method, statusRange } = this;
    let links: LinkSummary = emptyLinks('off');
    if (options.links) {
      const pending = this.pending;
      const refs = urlReferences(pending);
      const all = [...refs.keys()];
      const chosen =
        options.linkSample !== undefined
          ? sample(all, options.linkSample, options.linkSampleSeed ?? 'dcat-harvest')
          : all;
      const results = await options.links.check(chosen, options.onLinkProgress);
      const status = (url: string): UrlStatus | undefined => {
        const r = results.get(url);
        if (!r) return undefined;
        return r.outcome === 'inconclusive'
          ? { status: r.status, inconclusive: true }
          : { status: r.status };
      };
      for (const m of pending) this.record(m, { status, statusRange });
      pending.length = 0;
      links = summarizeLinks(
        options.linkSample !== undefined ? 'sample' : 'all',
        all.length,
        results,
        refs,
      );
    }

    const portal = this.detector.decide(options.portal);
    const notes: string[] = [];
    if (!options.links) {
      notes.push(
        'URLs were not checked: "access URL accessible" (50) and "download URL accessible" (30) score 0 as not measured; run with --check-links',
      );
    } else if (options.linkSample !== undefined) {
      notes.push(
        `Only a sample of ${options.linkSample} URLs was checked; the others score 0 as not measured`,
      );
    }
    if (!options.compliance && !options.complianceLabel)
      notes.push('DCAT-AP compliance (30) was not checked and scores 0');
    if (portal) notes.push(...portal.notes);
    notes.push(
      "Rating bands follow piveau's code: Sufficient starts at 120 (the published prose says 121)",
    );
    const scores = this.scores;
    const report: AuditReport = {
      schema: AUDIT_SCHEMA,
      method,
      methodLabel: METHOD_LABELS[method],
      statusRange,
      maxPoints: MAX_POINTS,
      dimensions: DIMENSIONS.map((d) => ({ ...d })),
      indicators: INDICATORS.map((i) => ({
        id: i.id,
        label: i.label,
        dimension: i.dimension,
        points: i.points,
        level: i.datasetFallback ? 'distribution (dataset as fallback)' : i.level,
        metric: i.metric,
        property: i.property,
      })),
      compliance:
        options.compliance || options.complianceLabel
          ? {
              checked: true,
              ...(options.complianceLabel ? { label: options.complianceLabel } : {}),
            }
          : { checked: false },
      links,
      catalog: this.catalog.summary(portal),
      publishers: [...this.publishers.values()]
        .sort(
          (a, b) =>
            b.datasets - a.datasets ||
            a.name.localeCompare(b.name) ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        )
        .map((g) => g.summary(portal)),
      datasets: scores,
      duplicates: this.duplicates,
      notes,
      dispose: () => scores.close(),
    };
    if (portal) report.portal = { id: portal.id, label: portal.label, notes: [...portal.notes] };
    return report;
  }
}

/**
 * Scores every `dcat:Dataset` of the pages (duplicates by IRI counted once). Pages are records
 * (from `extractRecords`) or stores; with a compliance check, stores are split into records.
 * Past a few hundred datasets their scores wait in a temporary file: call `report.dispose()`
 * when done with it.
 *
 * @example
 * ```ts
 * import { auditRecords } from 'dcat-harvest/audit';
 * import { extractRecords, parseText } from 'dcat-harvest/rdf';
 * import { Store } from 'n3';
 *
 * const turtle = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
 * PREFIX dct: <http://purl.org/dc/terms/>
 * <https://example.org/d1> a dcat:Dataset ; dct:title "Schools" ; dct:description "All schools." .`;
 * const { quads } = await parseText(turtle, { format: 'turtle' });
 * const report = await auditRecords([[...extractRecords(new Store(quads))]]);
 * report.catalog.datasets; // 1
 * console.log(report.catalog.score, report.catalog.rating, report.catalog.fixFirst[0]?.action);
 * report.dispose?.();
 * ```
 */
export async function auditRecords(
  pages: AsyncIterable<AuditPage> | Iterable<AuditPage>,
  options: AuditOptions = {},
): Promise<AuditReport> {
  const builder = new AuditBuilder(options);
  for await (const page of pages) await builder.addPage(page);
  return builder.finish();
}
