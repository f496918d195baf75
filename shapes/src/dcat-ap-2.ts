// **dcat-ap-2** holds the DCAT-AP 2.1.1 requirements (classes, properties, cardinalities, ranges).
import type { ClassRule, LevelSpec, NodeKind, Prop } from './model.js';

const R: NodeKind = 'BlankNodeOrIRI';
const L: NodeKind = 'Literal';
const p = (path: string, extra: Omit<Prop, 'path'> = {}): Prop => ({ path, ...extra });
const c = (path: string, cls: string): Prop => ({ path, cls });
const DCAT2_RESOURCES = ['dcat:Catalog', 'dcat:Dataset', 'dcat:DataService'];

/** Cardinalities, node kinds and datatypes (DCAT-AP 2.1.1). */
export const base: ClassRule[] = [
  {
    name: 'Agent',
    target: 'foaf:Agent',
    props: [p('foaf:name', { min: 1, kind: L }), p('dct:type', { max: 1 })],
  },
  {
    name: 'CatalogRecord',
    target: 'dcat:CatalogRecord',
    props: [
      p('foaf:primaryTopic', { min: 1, max: 1 }),
      p('dct:modified', { min: 1, max: 1, date: true }),
      p('dct:conformsTo', { max: 1 }),
      p('dct:issued', { max: 1, date: true }),
      p('adms:status', { max: 1 }),
      p('dct:source', { max: 1 }),
      p('dct:title', { kind: L }),
      p('dct:description', { kind: L }),
    ],
  },
  {
    name: 'Catalog',
    target: 'dcat:Catalog',
    props: [
      p('dct:description', { min: 1, kind: L }),
      p('dct:publisher', { min: 1, max: 1 }),
      p('dct:title', { min: 1, kind: L }),
      p('dct:license', { max: 1 }),
      p('dct:issued', { max: 1, date: true }),
      p('dct:isPartOf', { max: 1 }),
      p('dct:modified', { max: 1, date: true }),
      p('dct:rights', { max: 1 }),
      p('foaf:homepage', { max: 1 }),
    ],
  },
  {
    name: 'ConceptScheme',
    target: 'skos:ConceptScheme',
    props: [p('dct:title', { min: 1, kind: L })],
  },
  { name: 'Concept', target: 'skos:Concept', props: [p('skos:prefLabel', { min: 1, kind: L })] },
  {
    name: 'Checksum',
    target: 'spdx:Checksum',
    props: [
      p('spdx:algorithm', { min: 1, max: 1, hasValue: 'spdx:checksumAlgorithm_sha1' }),
      p('spdx:checksumValue', { min: 1, max: 1, datatype: 'xsd:hexBinary' }),
    ],
  },
  {
    name: 'DataService',
    target: 'dcat:DataService',
    props: [
      p('dct:title', { min: 1, kind: L }),
      p('dcat:endpointURL', { min: 1, kind: R }),
      p('dct:description', { kind: L }),
      p('dcat:endpointDescription', { kind: R }),
      p('dct:license', { max: 1 }),
      p('dct:accessRights', { max: 1 }),
    ],
  },
  {
    name: 'Dataset',
    target: 'dcat:Dataset',
    props: [
      p('dct:description', { min: 1, kind: L }),
      p('dct:title', { min: 1, kind: L }),
      p('dct:identifier', { kind: L }),
      p('dcat:keyword', { kind: L }),
      p('dct:publisher', { max: 1 }),
      p('dct:accessRights', { max: 1 }),
      p('dct:accrualPeriodicity', { max: 1 }),
      p('dct:issued', { max: 1, date: true }),
      p('dct:modified', { max: 1, date: true }),
      p('dct:relation', { kind: R }),
      p('owl:versionInfo', { max: 1, kind: L }),
      p('adms:versionNotes', { kind: L }),
      p('dct:isReferencedBy', { kind: R }),
      p('dcat:temporalResolution', { max: 1, datatype: 'xsd:duration' }),
      p('dcat:spatialResolutionInMeters', { max: 1, datatype: 'xsd:decimal' }),
    ],
  },
  {
    name: 'Distribution',
    target: 'dcat:Distribution',
    props: [
      p('dcat:accessURL', { min: 1, kind: R }),
      p('dct:issued', { max: 1, date: true }),
      p('dct:modified', { max: 1, date: true }),
      p('dct:rights', { max: 1 }),
      p('dct:title', { kind: L }),
      p('spdx:checksum', { max: 1 }),
      p('adms:status', { max: 1 }),
      p('dcat:byteSize', { max: 1, datatype: 'xsd:decimal' }),
      p('dcat:downloadURL', { kind: R }),
      p('dcat:mediaType', { max: 1 }),
      p('odrl:hasPolicy', { max: 1 }),
      p('dcat:compressFormat', { max: 1 }),
      p('dcat:packageFormat', { max: 1 }),
      p('dcat:temporalResolution', { max: 1, datatype: 'xsd:duration' }),
      p('dcat:spatialResolutionInMeters', { max: 1, datatype: 'xsd:decimal' }),
      p('dct:description', { kind: L }),
      p('dcatap:availability', { max: 1 }),
      p('dct:format', { max: 1 }),
      p('dct:license', { max: 1 }),
    ],
  },
  { name: 'Identifier', target: 'adms:Identifier', props: [p('skos:notation', { max: 1 })] },
  {
    name: 'Location',
    target: 'dct:Location',
    props: [
      p('dcat:bbox', { max: 1, kind: L }),
      p('dcat:centroid', { max: 1, kind: L }),
      p('locn:geometry', { max: 1, kind: L }),
    ],
  },
  {
    name: 'PeriodOfTime',
    target: 'dct:PeriodOfTime',
    props: [
      p('dcat:endDate', { max: 1, date: true }),
      p('time:hasBeginning', { max: 1 }),
      p('time:hasEnd', { max: 1 }),
      p('dcat:startDate', { max: 1, date: true }),
    ],
  },
  {
    name: 'Relationship',
    target: 'dcat:Relationship',
    props: [p('dct:relation', { min: 1 }), p('dcat:hadRole', { min: 1 })],
  },
];

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
