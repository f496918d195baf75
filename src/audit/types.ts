// **types** defines what indicators measure and how they are described (the indicator table's shape).
import type { Term } from '@rdfjs/types';

/** The five MQA dimensions. */
export type DimensionId =
  'findability' | 'accessibility' | 'interoperability' | 'reusability' | 'contextuality';

/** Where an indicator is measured: on the dataset node or on each distribution. */
export type IndicatorLevel = 'dataset' | 'distribution';

/** One measurement: whether it earns its points and why, for people. */
export interface Check {
  pass: boolean;
  /** False when nothing was measured (a URL not checked, a compliance check not run). */
  measured: boolean;
  why: string;
  /** The measured value when it is not a boolean (an HTTP status or pseudo-code). */
  value?: number;
}

/** A read-only view of one node of a record graph. */
export interface NodeView {
  /** The node: IRI or `_:label`. */
  readonly id: string;
  /** The objects of `predicate` on this node. */
  values(predicate: string): Term[];
  /** The node `term` (an object of this node) as a view over the same graph. */
  node(term: Term): NodeView;
}

/** The result of one URL check, as indicators see it. */
export interface UrlStatus {
  /** HTTP status, or a pseudo-code: 1100 connection failed, 1300 invalid URL. */
  status: number;
  /** True when the check could not conclude (429): counted as not measured. */
  inconclusive?: boolean;
}

/** What indicators may consult beside the graph. */
export interface MeasureContext {
  /** The record's DCAT-AP compliance, when it was checked. */
  compliance?: boolean;
  /** Why it does not comply (the first violations), for the explanation. */
  violations?: string[];
  /** The checked status of a URL; undefined when the URL was not checked. */
  status(url: string): UrlStatus | undefined;
  /** Statuses that count as accessible; default 200–399. */
  statusRange: readonly [number, number];
}

/** One MQA indicator: an entry of the indicator table. */
export interface Indicator {
  /** The piveau metric's local name (`keywordAvailability`). */
  id: string;
  label: string;
  dimension: DimensionId;
  points: number;
  level: IndicatorLevel;
  /** The MQA metric IRI (`https://piveau.eu/ns/voc#keywordAvailability`), for DQV output. */
  metric: string;
  /** The property it reads, prefixed (`dcat:keyword`). */
  property: string;
  /** What to do when it fails, as a verb phrase: `add dcat:keyword`. */
  fix: string;
  /**
   * The presence indicator this one needs (`knownLicence` needs `licenceAvailability`): when both
   * fail, the fix list offers one fix worth both.
   */
  dependsOn?: string;
  /** The parent's fix when it also earns its dependents' points: `add dct:license with a known licence`. */
  fixWithDependents?: string;
  /** True when the dataset node is measured too, counting only when the chosen distribution was not. */
  datasetFallback?: boolean;
  /** True when the measurement needs URL checks (access/download URL accessible). */
  needsLinks?: boolean;
  /** Measures the indicator on one dataset (or distribution) node. */
  measure(node: NodeView, context: MeasureContext): Check;
}
