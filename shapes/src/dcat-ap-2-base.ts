// **dcat-ap-2-base** holds the DCAT-AP 2.1.1 base level: cardinalities, node kinds and datatypes.
import type { ClassRule, NodeKind, Prop } from './model.js';

const R: NodeKind = 'BlankNodeOrIRI';
const L: NodeKind = 'Literal';
const p = (path: string, extra: Omit<Prop, 'path'> = {}): Prop => ({ path, ...extra });

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
