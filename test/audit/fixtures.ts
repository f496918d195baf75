// Fixture datasets for the audit tests, written for this project.
import { Parser, Store } from 'n3';
import { extractRecords, type RecordGraph } from '../../src/rdf/records.js';

export const PREFIXES = `
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
`;

/** The dataset-level lines of a dataset earning every dataset point. */
export const FULL_DATASET = [
  'a dcat:Dataset',
  'dct:title "Full"@en',
  'dcat:keyword "roads"',
  'dcat:theme <http://publications.europa.eu/resource/authority/data-theme/TRAN>',
  'dct:spatial <http://publications.europa.eu/resource/authority/country/FRA>',
  'dct:temporal [ a dct:PeriodOfTime ; dcat:startDate "2020-01-01"^^xsd:date ]',
  'dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC>',
  'dcat:contactPoint [ a vcard:Kind ; vcard:fn "Desk" ]',
  'dct:publisher ex:agency',
];

/** The lines of a distribution earning every distribution point. */
export const FULL_DISTRIBUTION = [
  'a dcat:Distribution',
  'dcat:accessURL <http://files.example.org/access>',
  'dcat:downloadURL <http://files.example.org/data.csv>',
  'dct:format <http://publications.europa.eu/resource/authority/file-type/CSV>',
  'dcat:mediaType <https://www.iana.org/assignments/media-types/text/csv>',
  'dct:license <http://publications.europa.eu/resource/authority/licence/CC_BY_4_0>',
  'dct:rights [ a dct:RightsStatement ]',
  'dcat:byteSize "1024"^^xsd:nonNegativeInteger',
  'dct:issued "2020-01-01"^^xsd:date',
  'dct:modified "2021-01-01"^^xsd:date',
];

/** Writes a dataset `ex:<name>` with the given lines and distributions. */
export function dataset(name: string, lines: string[], distributions: string[][] = []): string {
  const dists = distributions.map((_, i) => `ex:${name}-d${i}`);
  const body = [...lines, ...dists.map((d) => `dcat:distribution ${d}`)].join(' ;\n  ');
  const parts = [`ex:${name}\n  ${body} .`];
  distributions.forEach((d, i) => parts.push(`ex:${name}-d${i}\n  ${d.join(' ;\n  ')} .`));
  return parts.join('\n');
}

export const AGENCY = 'ex:agency a foaf:Organization ; foaf:name "Agency" .';

/** Parses Turtle (prefixes added) and returns its records. */
export function records(turtle: string): RecordGraph[] {
  const quads = new Parser().parse(PREFIXES + turtle);
  return extractRecords(new Store(quads));
}

/** Lines without those starting with `prefix`. */
export function without(lines: string[], prefix: string): string[] {
  return lines.filter((l) => !l.startsWith(prefix));
}

/** Lines with those starting with `prefix` replaced. */
export function replacing(lines: string[], prefix: string, line: string): string[] {
  return lines.map((l) => (l.startsWith(prefix) ? line : l));
}
