// **geodcat-ap** holds what GeoDCAT-AP 2.0.0 adds to DCAT-AP 2 (agent roles, resource and service types, quality, provenance, INSPIRE's spatial elements).
import type { ClassRule, LevelSpec, NodeKind, Prop } from './model.js';

const R: NodeKind = 'BlankNodeOrIRI';
const p = (path: string, extra: Omit<Prop, 'path'> = {}): Prop => ({ path, ...extra });
const c = (path: string, cls: string): Prop => ({ path, cls });

/** The responsible-party roles GeoDCAT-AP adds (INSPIRE roles without a DCAT property). */
export const AGENT_ROLES = [
  'geodcat:custodian',
  'geodcat:distributor',
  'geodcat:originator',
  'geodcat:principalInvestigator',
  'geodcat:processor',
  'geodcat:resourceProvider',
  'geodcat:user',
];

const resourceBase = (): Prop[] => [
  ...AGENT_ROLES.map((role) => p(role, { kind: R })),
  p('dct:creator', { kind: R }),
  p('dct:type', { max: 1, kind: R, label: 'dct:type (resource type)' }),
  p('dqv:hasQualityMeasurement', { kind: R }),
  p('prov:qualifiedAttribution', { kind: R }),
  p('prov:wasUsedBy', { kind: R, label: 'prov:wasUsedBy (conformity test)' }),
];

const resourceRanges = (): Prop[] => [
  ...AGENT_ROLES.map((role) => c(role, 'foaf:Agent')),
  c('dct:creator', 'foaf:Agent'),
  c('dct:type', 'skos:Concept'),
  c('dqv:hasQualityMeasurement', 'dqv:QualityMeasurement'),
  c('prov:qualifiedAttribution', 'prov:Attribution'),
  c('prov:wasUsedBy', 'prov:Activity'),
];

/** Cardinalities and node kinds GeoDCAT-AP 2.0.0 adds. */
export const base: ClassRule[] = [
  { name: 'Dataset', target: 'dcat:Dataset', props: resourceBase() },
  {
    name: 'DataService',
    target: 'dcat:DataService',
    props: [
      ...resourceBase(),
      p('dct:spatial', { kind: R }),
      p('dct:temporal', { kind: R }),
      p('dct:conformsTo', { kind: R }),
    ],
  },
  {
    name: 'CatalogRecord',
    target: 'dcat:CatalogRecord',
    props: [
      p('dcat:contactPoint', { kind: R, label: 'dcat:contactPoint (metadata point of contact)' }),
      p('dct:identifier', { kind: 'Literal' }),
    ],
  },
  {
    name: 'Distribution',
    target: 'dcat:Distribution',
    props: [p('dct:conformsTo', { kind: R })],
  },
  {
    name: 'Attribution',
    target: 'prov:Attribution',
    props: [p('prov:agent', { min: 1, max: 1, kind: R }), p('dcat:hadRole', { min: 1, kind: R })],
  },
  {
    name: 'QualityMeasurement',
    target: 'dqv:QualityMeasurement',
    props: [
      p('dqv:isMeasurementOf', { min: 1, max: 1, kind: R }),
      p('dqv:value', { min: 1, max: 1, kind: 'Literal' }),
    ],
  },
];

/** Classes of the values of what GeoDCAT-AP 2.0.0 adds. */
export const ranges: ClassRule[] = [
  { name: 'Dataset', target: 'dcat:Dataset', props: resourceRanges() },
  {
    name: 'DataService',
    target: 'dcat:DataService',
    props: [
      ...resourceRanges(),
      c('dct:spatial', 'dct:Location'),
      c('dct:temporal', 'dct:PeriodOfTime'),
      c('dct:conformsTo', 'dct:Standard'),
    ],
  },
  {
    name: 'CatalogRecord',
    target: 'dcat:CatalogRecord',
    props: [c('dcat:contactPoint', 'vcard:Kind')],
  },
  {
    name: 'Distribution',
    target: 'dcat:Distribution',
    props: [c('dct:conformsTo', 'dct:Standard')],
  },
  {
    name: 'Attribution',
    target: 'prov:Attribution',
    props: [c('prov:agent', 'foaf:Agent'), c('dcat:hadRole', 'dcat:Role')],
  },
];

/**
 * Recommended by GeoDCAT-AP 2.0.0 (the INSPIRE mandatory elements GeoDCAT-AP carries: spatial
 * extent, reference system and conformity, lineage, resource type, metadata point of contact).
 */
export const recommended: ClassRule[] = [
  {
    name: 'Dataset',
    target: 'dcat:Dataset',
    props: [
      p('dct:spatial', { min: 1, label: 'dct:spatial (geographic extent)' }),
      p('dct:conformsTo', { min: 1, label: 'dct:conformsTo (reference system, specification)' }),
      p('dct:provenance', { min: 1, label: 'dct:provenance (lineage)' }),
      p('dct:type', { min: 1, label: 'dct:type (resource type)' }),
    ],
  },
  {
    name: 'DataService',
    target: 'dcat:DataService',
    props: [
      p('dct:type', { min: 1, label: 'dct:type (spatial data service type)' }),
      p('dct:spatial', { min: 1, label: 'dct:spatial (geographic extent)' }),
    ],
  },
  {
    name: 'Location',
    target: 'dct:Location',
    props: [p('dcat:bbox', { min: 1, label: 'dcat:bbox (geographic bounding box)' })],
  },
  {
    name: 'CatalogRecord',
    target: 'dcat:CatalogRecord',
    props: [
      p('dcat:contactPoint', { min: 1, label: 'dcat:contactPoint (metadata point of contact)' }),
    ],
  },
];

const TITLE = 'GeoDCAT-AP 2.0.0';

/** The levels: each is read together with the same level of dcat-ap-2 (see build.ts). */
export const levels: LevelSpec[] = [
  {
    level: 'base',
    classes: base,
    severity: 'Violation',
    comment: 'Cardinalities and node kinds GeoDCAT-AP 2.0.0 adds to DCAT-AP 2.',
  },
  {
    level: 'ranges',
    classes: ranges,
    severity: 'Violation',
    comment: 'Classes of the values of the properties GeoDCAT-AP 2.0.0 adds.',
  },
  {
    level: 'recommended',
    classes: recommended,
    severity: 'Warning',
    comment: 'What GeoDCAT-AP 2.0.0 recommends beyond DCAT-AP 2: a Warning when missing.',
  },
].map((l) => ({
  ...l,
  severity: l.severity as LevelSpec['severity'],
  profile: 'geodcat-ap',
  title: TITLE,
}));
