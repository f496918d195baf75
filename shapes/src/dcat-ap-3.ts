// **dcat-ap-3** holds the DCAT-AP 3.0.1 requirements (classes, properties, cardinalities, ranges).
import type { ClassRule, LevelSpec, Prop } from './model.js';
import { base } from './dcat-ap-3-base.js';
import { RESOURCE_CLASSES } from './model.js';

const SERIES_MEMBER = 'member dataset (a dataset with dcat:inSeries to it)';

const c = (path: string, cls: string): Prop => ({ path, cls });

/** Ranges: the class of each property's values (DCAT-AP 3.0.1). */
export const ranges: ClassRule[] = [
  { name: 'Agent', target: 'foaf:Agent', props: [c('dct:type', 'skos:Concept')] },
  {
    name: 'CatalogRecord',
    target: 'dcat:CatalogRecord',
    props: [
      { path: 'foaf:primaryTopic', anyClass: RESOURCE_CLASSES },
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
      c('dcatap:applicableLegislation', 'eli:LegalResource'),
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
      c('dct:temporal', 'dct:PeriodOfTime'),
      c('dct:publisher', 'foaf:Agent'),
      c('foaf:homepage', 'foaf:Document'),
    ],
  },
  {
    name: 'DataService',
    target: 'dcat:DataService',
    props: [
      c('dct:accessRights', 'dct:RightsStatement'),
      c('dcatap:applicableLegislation', 'eli:LegalResource'),
      c('dct:conformsTo', 'dct:Standard'),
      c('dcat:contactPoint', 'vcard:Kind'),
      c('dct:format', 'dct:MediaTypeOrExtent'),
      c('dcat:landingPage', 'foaf:Document'),
      c('dct:license', 'dct:LicenseDocument'),
      c('dct:publisher', 'foaf:Agent'),
      c('dcat:servesDataset', 'dcat:Dataset'),
      c('dcat:theme', 'skos:Concept'),
      c('foaf:page', 'foaf:Document'),
    ],
  },
  {
    name: 'Dataset',
    target: 'dcat:Dataset',
    props: [
      c('dct:accessRights', 'dct:RightsStatement'),
      c('dcatap:applicableLegislation', 'eli:LegalResource'),
      c('dct:conformsTo', 'dct:Standard'),
      c('dcat:contactPoint', 'vcard:Kind'),
      c('dct:creator', 'foaf:Agent'),
      c('dcat:distribution', 'dcat:Distribution'),
      c('foaf:page', 'foaf:Document'),
      c('dct:accrualPeriodicity', 'dct:Frequency'),
      c('dct:spatial', 'dct:Location'),
      c('dcat:hasVersion', 'dcat:Dataset'),
      c('dcat:inSeries', 'dcat:DatasetSeries'),
      c('dcat:landingPage', 'foaf:Document'),
      c('dct:language', 'dct:LinguisticSystem'),
      c('adms:identifier', 'adms:Identifier'),
      c('dct:provenance', 'dct:ProvenanceStatement'),
      c('dct:publisher', 'foaf:Agent'),
      c('prov:qualifiedAttribution', 'prov:Attribution'),
      c('dcat:qualifiedRelation', 'dcat:Relationship'),
      c('adms:sample', 'dcat:Distribution'),
      c('dct:source', 'dcat:Dataset'),
      c('dct:temporal', 'dct:PeriodOfTime'),
      c('dcat:theme', 'skos:Concept'),
      c('dct:type', 'skos:Concept'),
      c('prov:wasGeneratedBy', 'prov:Activity'),
    ],
  },
  {
    name: 'Distribution',
    target: 'dcat:Distribution',
    props: [
      c('dcat:accessService', 'dcat:DataService'),
      c('dcatap:applicableLegislation', 'eli:LegalResource'),
      c('dcatap:availability', 'skos:Concept'),
      c('spdx:checksum', 'spdx:Checksum'),
      c('dcat:compressFormat', 'dct:MediaType'),
      c('foaf:page', 'foaf:Document'),
      c('dct:format', 'dct:MediaTypeOrExtent'),
      c('odrl:hasPolicy', 'odrl:Policy'),
      c('dct:language', 'dct:LinguisticSystem'),
      c('dct:license', 'dct:LicenseDocument'),
      c('dct:conformsTo', 'dct:Standard'),
      c('dcat:mediaType', 'dct:MediaType'),
      c('dcat:packageFormat', 'dct:MediaType'),
      c('dct:rights', 'dct:RightsStatement'),
      c('adms:status', 'skos:Concept'),
    ],
  },
  {
    name: 'Checksum',
    target: 'spdx:Checksum',
    props: [c('spdx:algorithm', 'spdx:ChecksumAlgorithm')],
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
    props: [{ path: 'dct:relation', anyClass: RESOURCE_CLASSES }, c('dcat:hadRole', 'dcat:Role')],
  },
  {
    name: 'DatasetSeries',
    target: 'dcat:DatasetSeries',
    props: [
      { path: '^dcat:inSeries', label: SERIES_MEMBER, cls: 'dcat:Dataset', severity: 'Warning' },
      c('dcatap:applicableLegislation', 'eli:LegalResource'),
      c('dcat:contactPoint', 'vcard:Kind'),
      c('dct:accrualPeriodicity', 'dct:Frequency'),
      c('dct:spatial', 'dct:Location'),
      c('dct:publisher', 'foaf:Agent'),
      c('dct:temporal', 'dct:PeriodOfTime'),
    ],
  },
];

const rec = (...paths: string[]): Prop[] => paths.map((path) => ({ path, min: 1 }));

/** Recommended properties (DCAT-AP 3.0.1): a Warning when missing. */
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
    props: rec(
      'dcat:servesDataset',
      'dcat:endpointDescription',
      'dcat:contactPoint',
      'dct:publisher',
      'dcat:theme',
      'dct:conformsTo',
      'dcat:keyword',
    ),
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
    name: 'DatasetSeries',
    target: 'dcat:DatasetSeries',
    props: rec('dcat:contactPoint', 'dct:publisher'),
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

const gone = (path: string, instead: string): Prop => ({
  path,
  max: 0,
  message: `uses the deprecated ${path}: replace it with ${instead}`,
});

/** Deprecated terms (DCAT-AP 2.x → 3.x): a Warning when used. */
export const deprecated: ClassRule[] = [
  {
    name: 'PeriodOfTime',
    target: 'dct:PeriodOfTime',
    props: [gone('schema:endDate', 'dcat:endDate'), gone('schema:startDate', 'dcat:startDate')],
  },
  {
    name: 'Dataset',
    target: 'dcat:Dataset',
    props: [
      gone('dct:hasVersion', 'dcat:hasVersion'),
      gone('dct:isVersionOf', 'dcat:isVersionOf'),
      gone('owl:versionInfo', 'dcat:version'),
      {
        path: 'dcat:isVersionOf',
        max: 0,
        message:
          'uses dcat:isVersionOf, an inverse property: state dcat:hasVersion on the other dataset instead',
      },
    ],
  },
];

const TITLE = 'DCAT-AP 3.0.1';

/** The four levels of the profile. */
export const levels: LevelSpec[] = [
  {
    level: 'base',
    classes: base,
    severity: 'Violation',
    comment: 'Cardinalities, node kinds and datatypes of DCAT-AP 3.0.1.',
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
  profile: 'dcat-ap-3',
  title: TITLE,
}));
