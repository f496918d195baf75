// The tables of the synthetic report (test/report/html-synthetic.ts): the indicators, formats and
// licences of a sample-portal run, and its groups of findings with the messages `describeFinding`
// writes.
import type { FindingGroupRow } from '../../src/run/report-model.js';
import type { Severity } from '../../src/shacl/findings.js';

export const INDICATORS: [string, string, string, number][] = [
  ['keywordAvailability', 'Keyword usage', 'findability', 30],
  ['categoryAvailability', 'Categories', 'findability', 30],
  ['spatialAvailability', 'Geo search', 'findability', 20],
  ['temporalAvailability', 'Time-based search', 'findability', 20],
  ['accessUrlStatusCode', 'Access URL accessible', 'accessibility', 50],
  ['downloadUrlAvailability', 'Download URL', 'accessibility', 20],
  ['downloadUrlStatusCode', 'Download URL accessible', 'accessibility', 30],
  ['formatAvailability', 'Format', 'interoperability', 20],
  ['mediaTypeAvailability', 'Media type', 'interoperability', 10],
  [
    'formatMediaTypeVocabularyAlignment',
    'Format / media type from vocabulary',
    'interoperability',
    10,
  ],
  ['formatMediaTypeNonProprietary', 'Non-proprietary', 'interoperability', 20],
  ['formatMediaTypeMachineInterpretable', 'Machine-readable', 'interoperability', 20],
  ['dcatApCompliance', 'DCAT-AP compliance', 'interoperability', 30],
  ['licenceAvailability', 'Licence', 'reusability', 20],
  ['knownLicence', 'Known licence', 'reusability', 10],
  ['accessRightsAvailability', 'Access restrictions', 'reusability', 10],
  ['accessRightsVocabularyAlignment', 'Access restrictions vocabulary', 'reusability', 5],
  ['contactPointAvailability', 'Contact point', 'reusability', 20],
  ['publisherAvailability', 'Publisher', 'reusability', 10],
  ['rightsAvailability', 'Rights', 'contextuality', 5],
  ['byteSizeAvailability', 'File size', 'contextuality', 5],
  ['dateIssuedAvailability', 'Date of issue', 'contextuality', 5],
  ['dateModifiedAvailability', 'Modification date', 'contextuality', 5],
];
export const DIMENSIONS: [string, string, number][] = [
  ['findability', 'Findability', 100],
  ['accessibility', 'Accessibility', 100],
  ['interoperability', 'Interoperability', 110],
  ['reusability', 'Reusability', 75],
  ['contextuality', 'Contextuality', 20],
];
export const FORMATS: [string, string][] = [
  ['csv', 'text/csv'],
  ['json', 'application/json'],
  ['geojson', 'application/geo+json'],
  ['xml', 'application/xml'],
  ['zip', 'application/zip'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
];
export const LICENCES: [string, string][] = [
  ['https://www.etalab.gouv.fr/licence-ouverte-open-licence', 'is Licence Ouverte 2.0 (Etalab)'],
  ['http://opendatacommons.org/licenses/odbl/summary/', 'is ODbL 1.0'],
  ['http://www.opendefinition.org/licenses/cc-by', 'is not a known licence'],
];

type Focus = 'record' | 'distribution' | string; // or the type of a blank node
type Kind = 'Class' | 'NodeKind' | 'Datatype' | 'MaxCount' | 'MinCount' | 'Or';

export interface SyntheticGroup {
  row: Omit<FindingGroupRow, 'count' | 'records' | 'message'>;
  /** Counted once per distribution of the dataset. */
  perDistribution: boolean;
  focus: Focus;
  kind: Kind;
  /** The class or datatype the value must have. */
  need?: string;
}

function group(
  severity: Severity,
  focus: Focus,
  kind: Kind,
  path: string,
  need?: string,
): SyntheticGroup {
  const owner =
    focus === 'record'
      ? 'Dataset'
      : focus === 'distribution'
        ? 'Distribution'
        : focus.split(':')[1];
  const shape = `<https://w3id.org/dcat-harvest/shapes/dcat-ap-3#${owner}-${path.replace(':', '-')}-${kind.toLowerCase()}>`;
  return {
    row: {
      severity,
      component: `sh:${kind}ConstraintComponent`,
      shape,
      path,
      recordKind: 'dataset',
    },
    perDistribution: focus === 'distribution',
    focus,
    kind,
    ...(need ? { need } : {}),
  };
}

const CLASSES: [string, string][] = [
  ['dct:format', 'dct:MediaTypeOrExtent'],
  ['dcat:mediaType', 'dct:MediaType'],
  ['dct:license', 'dct:LicenseDocument'],
  ['dct:rights', 'dct:RightsStatement'],
  ['dcatap:applicableLegislation', 'eli:LegalResource'],
  ['dcat:accessService', 'dcat:DataService'],
];
const DATASET_CLASSES: [string, string][] = [
  ['dcat:landingPage', 'foaf:Document'],
  ['dct:accrualPeriodicity', 'dct:Frequency'],
  ['dcatap:applicableLegislation', 'eli:LegalResource'],
  ['dct:conformsTo', 'dct:Standard'],
  ['dct:language', 'dct:LinguisticSystem'],
  ['dct:provenance', 'dct:ProvenanceStatement'],
];
const DATASET_RECOMMENDED = [
  'dcat:theme',
  'dct:spatial',
  'dct:temporal',
  'dcat:contactPoint',
  'dcat:keyword',
  'dcat:distribution',
  'dcat:landingPage',
  'dct:accessRights',
  'dct:provenance',
  'dct:type',
  'adms:identifier',
  'dcat:version',
  'dct:conformsTo',
  'dct:language',
];
const DISTRIBUTION_RECOMMENDED = [
  'dcatap:availability',
  'dct:license',
  'dct:description',
  'dct:format',
  'dct:rights',
  'dcat:byteSize',
  'dct:issued',
  'dct:modified',
  'dct:title',
  'spdx:checksum',
  'dct:language',
  'dcat:mediaType',
];

/** 56 groups: violations first. */
export const GROUPS: SyntheticGroup[] = [
  ...CLASSES.flatMap(([p, c]) => [
    group('violation', 'distribution', 'Class', p, c),
    group('violation', 'distribution', 'NodeKind', p),
  ]),
  group('violation', 'distribution', 'Datatype', 'dcat:byteSize', 'xsd:nonNegativeInteger'),
  group('violation', 'spdx:Checksum', 'Datatype', 'spdx:checksumValue', 'xsd:hexBinary'),
  ...DATASET_CLASSES.map(([p, c]) => group('violation', 'record', 'Class', p, c)),
  ...['dct:publisher', 'dct:issued', 'dct:modified'].map((p) =>
    group('violation', 'record', 'MaxCount', p),
  ),
  ...['dcat:startDate', 'dcat:endDate'].map((p) => group('violation', 'dct:PeriodOfTime', 'Or', p)),
  ...DATASET_RECOMMENDED.map((p) => group('warning', 'record', 'MinCount', p)),
  ...DISTRIBUTION_RECOMMENDED.map((p) => group('warning', 'distribution', 'MinCount', p)),
  group('warning', 'foaf:Person', 'MinCount', 'dct:type'),
  group('warning', 'foaf:Organization', 'MinCount', 'dct:type'),
];

/** What a message names. */
export interface MessageParts {
  id: string;
  title: string;
  value: string;
  distribution: string;
}

/** The message of group `g` (index into {@link GROUPS}) for one dataset, as `describeFinding` writes it. */
export function groupMessage(g: number, m: MessageParts): string {
  const { focus, kind, need, row } = GROUPS[g]!;
  const record = m.title ? `dataset «${m.title}» (${m.id})` : `dataset ${m.id}`;
  const who =
    focus === 'record'
      ? record
      : focus === 'distribution'
        ? `dcat:Distribution ${m.distribution} of ${record}`
        : `${focus} (blank node) of ${record}`;
  const p = row.path!;
  const an = (w: string) => `${/^(xsd:|[aeiouAEIOU])/.test(w) ? 'an' : 'a'} ${w}`;
  switch (kind) {
    case 'Class':
      return `${who}: ${p} "${m.value}" is not ${an(need!)}; fix: type it \`a ${need}\` (or a subclass)`;
    case 'NodeKind':
      return `${who}: ${p} "${m.value}" is not a BlankNodeOrIRI; fix: use a BlankNodeOrIRI`;
    case 'Datatype':
      return `${who}: ${p} "${m.value}" is not ${an(need!)}; fix: write it as ${an(need!)} literal`;
    case 'MaxCount':
      return `${who} has more than 1 ${p} (at most 1); fix: keep one`;
    case 'MinCount':
      return `${who} has no ${p} (${row.severity === 'violation' ? 'required' : 'recommended'}, at least 1); fix: add ${p}`;
    case 'Or':
      return `${who}: ${p} "${m.value}" fails sh:Or`;
  }
}
