// **dcat-ap-2** holds the DCAT-AP 2.1.1 requirements (classes, properties, cardinalities, ranges).
import type { ClassRule, LevelSpec, Prop } from './model.js';
import { base } from './dcat-ap-2-base.js';

const p = (path: string, extra: Omit<Prop, 'path'> = {}): Prop => ({ path, ...extra });
const c = (path: string, cls: string): Prop => ({ path, cls });
const DCAT2_RESOURCES = ['dcat:Catalog', 'dcat:Dataset', 'dcat:DataService'];

/** Ranges: the class of each property's values (DCAT-AP 2.1.1). */
export const ranges: ClassRule[] = [
  { name: 'Agent', target: 'foaf:Agent', props: [c('dct:type', 'skos:Concept')] },
  {
    name: 'CatalogRecord',
    target: 'dcat:CatalogRecord',
    props: [
      p('foaf:primaryTopic', { anyClass: DCAT2_RESOURCES }),
      c('dct:conformsTo', 'dct:Standard'),
      c('adms:status', 'skos:Concept'),
      c('dct:language', 'dct:LinguisticSystem'),
      c('dct:source', 'dcat:CatalogRecord'),
    ],
  },
  {
    name: 'Catalog',
    target: 'dcat:Catalog',
    props: [
      c('dct:language', 'dct:LinguisticSystem'),
      c('dct:license', 'dct:LicenseDocument'),
      c('dct:spatial', 'dct:Location'),
      c('dct:hasPart', 'dcat:Catalog'),
      c('dct:isPartOf', 'dcat:Catalog'),
      c('dct:rights', 'dct:RightsStatement'),
      c('dcat:record', 'dcat:CatalogRecord'),
      c('dcat:themeTaxonomy', 'skos:ConceptScheme'),
      c('dcat:service', 'dcat:DataService'),
      c('dcat:catalog', 'dcat:Catalog'),
      c('dct:creator', 'foaf:Agent'),
      c('dcat:dataset', 'dcat:Dataset'),
      c('dct:publisher', 'foaf:Agent'),
      c('foaf:homepage', 'foaf:Document'),
    ],
  },
  {
    name: 'DataService',
    target: 'dcat:DataService',
    props: [
      c('dcat:servesDataset', 'dcat:Dataset'),
      c('dct:license', 'dct:LicenseDocument'),
      c('dct:accessRights', 'dct:RightsStatement'),
    ],
  },
  {
    name: 'Dataset',
    target: 'dcat:Dataset',
    props: [
      c('dcat:contactPoint', 'vcard:Kind'),
      c('dcat:distribution', 'dcat:Distribution'),
      c('dct:publisher', 'foaf:Agent'),
      c('dct:spatial', 'dct:Location'),
      c('dct:temporal', 'dct:PeriodOfTime'),
      c('dcat:theme', 'skos:Concept'),
      c('dct:accessRights', 'dct:RightsStatement'),
      c('dct:accrualPeriodicity', 'dct:Frequency'),
      c('dct:conformsTo', 'dct:Standard'),
      c('dct:hasVersion', 'dcat:Dataset'),
      c('dct:isVersionOf', 'dcat:Dataset'),
      c('dct:language', 'dct:LinguisticSystem'),
      c('dct:provenance', 'dct:ProvenanceStatement'),
      c('dct:source', 'dcat:Dataset'),
      c('dct:type', 'skos:Concept'),
      c('adms:identifier', 'adms:Identifier'),
      c('adms:sample', 'dcat:Distribution'),
      c('dcat:landingPage', 'foaf:Document'),
      c('foaf:page', 'foaf:Document'),
      c('dcat:qualifiedRelation', 'dcat:Relationship'),
      c('prov:qualifiedAttribution', 'prov:Attribution'),
      c('prov:wasGeneratedBy', 'prov:Activity'),
      c('dct:creator', 'foaf:Agent'),
    ],
  },
  {
    name: 'Distribution',
    target: 'dcat:Distribution',
    props: [
      c('dct:conformsTo', 'dct:Standard'),
      c('dct:language', 'dct:LinguisticSystem'),
      c('dct:rights', 'dct:RightsStatement'),
      c('spdx:checksum', 'spdx:Checksum'),
      c('adms:status', 'skos:Concept'),
      c('dcat:mediaType', 'dct:MediaType'),
      c('foaf:page', 'foaf:Document'),
      c('odrl:hasPolicy', 'odrl:Policy'),
      c('dcat:accessService', 'dcat:DataService'),
      c('dcat:compressFormat', 'dct:MediaType'),
      c('dcat:packageFormat', 'dct:MediaType'),
      c('dcatap:availability', 'skos:Concept'),
      c('dct:format', 'dct:MediaTypeOrExtent'),
      c('dct:license', 'dct:LicenseDocument'),
    ],
  },
  {
    name: 'LicenseDocument',
    target: 'dct:LicenseDocument',
    props: [c('dct:type', 'skos:Concept')],
  },
  {
    name: 'PeriodOfTime',
    target: 'dct:PeriodOfTime',
    props: [c('time:hasBeginning', 'time:Instant'), c('time:hasEnd', 'time:Instant')],
  },
  {
    name: 'Relationship',
    target: 'dcat:Relationship',
    props: [p('dct:relation', { anyClass: DCAT2_RESOURCES }), c('dcat:hadRole', 'dcat:Role')],
  },
];

const rec = (...paths: string[]): Prop[] => paths.map((path) => ({ path, min: 1 }));

/** Recommended properties (DCAT-AP 2.1.1): a Warning when missing. */
export const recommended: ClassRule[] = [
  { name: 'Agent', target: 'foaf:Agent', props: rec('dct:type') },
  {
    name: 'CatalogRecord',
    target: 'dcat:CatalogRecord',
    props: rec('dct:conformsTo', 'dct:issued', 'adms:status'),
  },
  {
    name: 'Catalog',
    target: 'dcat:Catalog',
    props: rec(
      'dct:language',
      'dct:issued',
      'dct:license',
      'dct:spatial',
      'dct:modified',
      'dcat:themeTaxonomy',
      'foaf:homepage',
    ),
    oneOf: [
      {
        slug: 'dataset-or-service',
        paths: ['dcat:dataset', 'dcat:service'],
        message: 'lists no dcat:dataset and no dcat:service (recommended: at least one)',
      },
    ],
  },
  {
    name: 'DataService',
    target: 'dcat:DataService',
    props: rec('dcat:servesDataset', 'dcat:endpointDescription'),
  },
  {
    name: 'Dataset',
    target: 'dcat:Dataset',
    props: rec(
      'dcat:contactPoint',
      'dcat:distribution',
      'dcat:keyword',
      'dct:publisher',
      'dct:spatial',
      'dct:temporal',
      'dcat:theme',
    ),
  },
  {
    name: 'Distribution',
    target: 'dcat:Distribution',
    props: rec('dct:description', 'dcatap:availability', 'dct:format', 'dct:license'),
  },
  { name: 'LicenseDocument', target: 'dct:LicenseDocument', props: rec('dct:type') },
  { name: 'Location', target: 'dct:Location', props: rec('dcat:bbox', 'dcat:centroid') },
  {
    name: 'PeriodOfTime',
    target: 'dct:PeriodOfTime',
    props: rec('dcat:endDate', 'dcat:startDate'),
  },
];

/** Deprecated terms (DCAT-AP 1.x → 2.x): a Warning when used. */
export const deprecated: ClassRule[] = [
  {
    name: 'PeriodOfTime',
    target: 'dct:PeriodOfTime',
    props: ['endDate', 'startDate'].map((name) => ({
      path: `schema:${name}`,
      max: 0,
      message: `uses the deprecated schema:${name}: replace it with dcat:${name}`,
    })),
  },
];

const TITLE = 'DCAT-AP 2.1.1';

/** The four levels of the profile. */
export const levels: LevelSpec[] = [
  {
    level: 'base',
    classes: base,
    severity: 'Violation',
    comment: 'Cardinalities, node kinds and datatypes of DCAT-AP 2.1.1.',
  },
  {
    level: 'ranges',
    classes: ranges,
    severity: 'Violation',
    comment: 'Classes of property values (needs the class hierarchy as background knowledge).',
  },
  {
    level: 'recommended',
    classes: recommended,
    severity: 'Warning',
    comment: 'Recommended properties: a Warning when missing.',
  },
  {
    level: 'deprecated',
    classes: deprecated,
    severity: 'Warning',
    comment: 'Deprecated terms: a Warning when used.',
  },
].map((l) => ({
  ...l,
  severity: l.severity as LevelSpec['severity'],
  profile: 'dcat-ap-2',
  title: TITLE,
}));
