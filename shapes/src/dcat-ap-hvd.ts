// **dcat-ap-hvd** holds the DCAT-AP HVD 3.0.0 requirements (base, ranges and usage notes).
import type { ClassRule, LevelSpec, NodeKind, Prop } from './model.js';

const R: NodeKind = 'BlankNodeOrIRI';
const p = (path: string, extra: Omit<Prop, 'path'> = {}): Prop => ({ path, ...extra });
const c = (path: string, cls: string): Prop => ({ path, cls });

/** The HVD implementing regulation (EU) 2023/138. */
export const HVD_ELI = 'http://data.europa.eu/eli/reg_impl/2023/138/oj';
/** The HVD category concept scheme. */
export const HVD_CATEGORIES = 'http://data.europa.eu/bna/asd487ae75';

/** Cardinalities and node kinds (DCAT-AP HVD 3.0.0). */
export const base: ClassRule[] = [
  {
    name: 'Kind',
    target: 'vcard:Kind',
    props: [p('vcard:hasEmail', { max: 1, kind: R }), p('vcard:hasURL', { max: 1, kind: R })],
  },
  {
    name: 'Catalog',
    target: 'dcat:Catalog',
    props: [
      p('dcat:dataset', { kind: R }),
      p('dcat:record', { kind: R }),
      p('dcat:service', { kind: R }),
    ],
  },
  {
    name: 'CatalogRecord',
    target: 'dcat:CatalogRecord',
    props: [p('foaf:primaryTopic', { min: 1, max: 1, kind: R })],
  },
  {
    name: 'DataService',
    target: 'dcat:DataService',
    props: [
      p('dcatap:applicableLegislation', { min: 1, kind: R }),
      p('dcat:endpointURL', { min: 1, kind: R }),
      p('dcatap:hvdCategory', { min: 1, kind: R }),
      p('dcat:contactPoint', { min: 1, kind: R }),
      p('foaf:page', { min: 1, kind: R, label: 'foaf:page (documentation)' }),
      p('dcat:endpointDescription', { kind: R }),
      p('dct:license', { max: 1, kind: R }),
      p('dct:rights', { kind: R }),
      p('dcat:servesDataset', { kind: R }),
    ],
  },
  {
    name: 'Dataset',
    target: 'dcat:Dataset',
    props: [
      p('dcatap:applicableLegislation', { min: 1, kind: R }),
      p('dcatap:hvdCategory', { min: 1, kind: R }),
      p('dcat:distribution', { min: 1, kind: R }),
      p('dct:conformsTo', { kind: R }),
      p('dcat:inSeries', { kind: R }),
      p('dcat:contactPoint', { kind: R }),
    ],
  },
  {
    name: 'DatasetSeries',
    target: 'dcat:DatasetSeries',
    props: [
      p('dcatap:applicableLegislation', { min: 1, kind: R }),
      p('dcatap:hvdCategory', { min: 1, kind: R }),
    ],
  },
  {
    name: 'Distribution',
    target: 'dcat:Distribution',
    props: [
      p('dcatap:applicableLegislation', { min: 1, kind: R }),
      p('dcat:accessURL', { min: 1, kind: R }),
      p('dcat:accessService', { kind: R }),
      p('dct:conformsTo', { kind: R }),
      p('dct:license', { max: 1, kind: R }),
      p('dct:rights', { kind: R }),
    ],
  },
];

/** Ranges (DCAT-AP HVD 3.0.0), without the vacuous `sh:class rdfs:Resource` checks. */
export const ranges: ClassRule[] = [
  {
    name: 'Catalog',
    target: 'dcat:Catalog',
    props: [
      c('dcat:record', 'dcat:CatalogRecord'),
      c('dcat:dataset', 'dcat:Dataset'),
      c('dcat:service', 'dcat:DataService'),
    ],
  },
  {
    name: 'CatalogRecord',
    target: 'dcat:CatalogRecord',
    props: [c('foaf:primaryTopic', 'dcat:Resource')],
  },
  {
    name: 'DataService',
    target: 'dcat:DataService',
    props: [
      c('dcat:servesDataset', 'dcat:Dataset'),
      c('dcatap:hvdCategory', 'skos:Concept'),
      c('foaf:page', 'foaf:Document'),
      c('dcatap:applicableLegislation', 'eli:LegalResource'),
      c('dcat:contactPoint', 'vcard:Kind'),
      c('dct:rights', 'dct:RightsStatement'),
      c('dct:license', 'dct:LicenseDocument'),
    ],
  },
  {
    name: 'Dataset',
    target: 'dcat:Dataset',
    props: [
      c('dcat:distribution', 'dcat:Distribution'),
      c('dcat:inSeries', 'dcat:DatasetSeries'),
      c('dcatap:applicableLegislation', 'eli:LegalResource'),
      c('dcat:contactPoint', 'vcard:Kind'),
      c('dcatap:hvdCategory', 'skos:Concept'),
      c('dct:conformsTo', 'dct:Standard'),
    ],
  },
  {
    name: 'DatasetSeries',
    target: 'dcat:DatasetSeries',
    props: [
      c('dcatap:applicableLegislation', 'eli:LegalResource'),
      c('dcatap:hvdCategory', 'skos:Concept'),
    ],
  },
  {
    name: 'Distribution',
    target: 'dcat:Distribution',
    props: [
      c('dct:conformsTo', 'dct:Standard'),
      c('dcatap:applicableLegislation', 'eli:LegalResource'),
      c('dcat:accessService', 'dcat:DataService'),
      c('dct:rights', 'dct:RightsStatement'),
      c('dct:license', 'dct:LicenseDocument'),
    ],
  },
];

const eli = (): Prop => ({
  path: 'dcatap:applicableLegislation',
  hasValue: HVD_ELI,
  message: `does not name the HVD regulation <${HVD_ELI}> in dcatap:applicableLegislation (required)`,
});
const category = (): Prop => ({
  path: 'dcatap:hvdCategory',
  inScheme: HVD_CATEGORIES,
  message: `has a dcatap:hvdCategory that is not in the HVD category scheme <${HVD_CATEGORIES}> (skos:inScheme)`,
});
const legal = {
  slug: 'legal-information',
  paths: ['dct:license', 'dct:rights'],
  message: 'has neither dct:license nor dct:rights (required: legal information)',
};

/** Usage notes (DCAT-AP HVD 3.0.0): the HVD regulation, categories, APIs and legal information. */
export const usagenotes: ClassRule[] = [
  {
    name: 'Dataset',
    target: 'dcat:Dataset',
    props: [
      eli(),
      category(),
      {
        path: '[ sh:alternativePath ( [ sh:inversePath dcat:servesDataset ] ( dcat:distribution dcat:accessService ) ) ]',
        slug: 'api',
        label: 'API (a data service serving it, or one reached through a distribution)',
        min: 1,
        kind: R,
        message:
          'has no API: no dcat:DataService has dcat:servesDataset to it and no distribution has dcat:accessService (required)',
      },
    ],
  },
  { name: 'DataService', target: 'dcat:DataService', props: [eli(), category()], oneOf: [legal] },
  { name: 'DatasetSeries', target: 'dcat:DatasetSeries', props: [eli(), category()] },
  { name: 'Distribution', target: 'dcat:Distribution', props: [eli()], oneOf: [legal] },
  {
    name: 'LicenseDocument',
    target: 'dct:LicenseDocument',
    props: [],
    oneOf: [
      {
        slug: 'mapping',
        paths: [
          'skos:exactMatch',
          'owl:sameAs',
          'skos:broadMatch',
          'skos:narrowMatch',
          'skos:closeMatch',
          'rdfs:seeAlso',
        ],
        severity: 'Warning',
        message:
          'does not relate the licence to a known licence (recommended: skos:exactMatch, owl:sameAs, skos:broadMatch, skos:narrowMatch, skos:closeMatch or rdfs:seeAlso)',
      },
    ],
  },
  {
    name: 'Kind',
    target: 'vcard:Kind',
    props: [],
    oneOf: [
      {
        slug: 'email-or-url',
        paths: ['vcard:hasEmail', 'vcard:hasURL'],
        severity: 'Warning',
        message:
          'has neither vcard:hasEmail nor vcard:hasURL (recommended: an email or a contact page)',
      },
    ],
  },
];

const TITLE = 'DCAT-AP HVD 3.0.0';

/** The three levels of the profile. */
export const levels: LevelSpec[] = [
  { level: 'base', classes: base, comment: 'Cardinalities and node kinds of DCAT-AP HVD 3.0.0.' },
  {
    level: 'ranges',
    classes: ranges,
    comment: 'Classes of property values (needs the class hierarchy as background knowledge).',
  },
  {
    level: 'usagenotes',
    classes: usagenotes,
    comment: 'The HVD usage notes: regulation, category scheme, API, legal information.',
  },
].map((l) => ({
  ...l,
  severity: 'Violation',
  profile: 'dcat-ap-hvd',
  title: TITLE,
}));
