// **vocab** holds the namespaces and IRIs the project uses; it imports nothing from src/.

/** Well-known namespaces, keyed by their usual prefix. */
export const PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  adms: 'http://www.w3.org/ns/adms#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  schema: 'http://schema.org/',
  locn: 'http://www.w3.org/ns/locn#',
  prov: 'http://www.w3.org/ns/prov#',
  time: 'http://www.w3.org/2006/time#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  geodcat: 'http://data.europa.eu/930/',
  sh: 'http://www.w3.org/ns/shacl#',
  dqv: 'http://www.w3.org/ns/dqv#',
  odrl: 'http://www.w3.org/ns/odrl/2/',
  cnt: 'http://www.w3.org/2011/content#',
  dh: 'https://w3id.org/dcat-harvest/ns#',
} as const;

export type Prefix = keyof typeof PREFIXES;

/** Builds `namespace + local` IRIs with a typed set of local names. */
function ns<const T extends readonly string[]>(
  base: string,
  names: T,
): { [K in T[number]]: string } {
  const out: Record<string, string> = {};
  for (const name of names) out[name] = base + name;
  return out as { [K in T[number]]: string };
}

/** dcat-harvest's own terms: the constraint of a repaired IRI. */
export const DH = ns(PREFIXES.dh, ['InvalidIri'] as const);
export const RDF = ns(PREFIXES.rdf, ['type', 'first', 'rest', 'nil', 'langString'] as const);
export const RDFS = ns(PREFIXES.rdfs, ['subClassOf', 'label', 'Class'] as const);
export const XSD = ns(PREFIXES.xsd, [
  'string',
  'date',
  'dateTime',
  'decimal',
  'integer',
  'nonNegativeInteger',
  'boolean',
  'gYear',
] as const);
export const DCAT = ns(PREFIXES.dcat, [
  'Catalog',
  'Dataset',
  'DatasetSeries',
  'DataService',
  'Distribution',
  'CatalogRecord',
  'dataset',
  'distribution',
  'service',
  'servesDataset',
  'accessService',
  'keyword',
  'theme',
  'contactPoint',
  'landingPage',
  'accessURL',
  'downloadURL',
  'mediaType',
  'byteSize',
  'startDate',
  'endDate',
  'inSeries',
  'endpointURL',
] as const);
export const DCT = ns(PREFIXES.dct, [
  'title',
  'description',
  'identifier',
  'publisher',
  'creator',
  'issued',
  'modified',
  'created',
  'license',
  'rights',
  'accessRights',
  'format',
  'temporal',
  'spatial',
  'language',
  'accrualPeriodicity',
  'conformsTo',
  'LicenseDocument',
  'PeriodOfTime',
  'RightsStatement',
] as const);
export const HYDRA = ns(PREFIXES.hydra, [
  'Collection',
  'PartialCollectionView',
  'PagedCollection',
  'totalItems',
  'view',
  'first',
  'last',
  'next',
  'previous',
  'nextPage',
  'lastPage',
  'firstPage',
  'previousPage',
  'itemsPerPage',
] as const);
export const FOAF = ns(PREFIXES.foaf, ['Agent', 'Organization', 'Person', 'name'] as const);
export const SH = ns(PREFIXES.sh, [
  'ValidationReport',
  'ValidationResult',
  'conforms',
  'result',
  'focusNode',
  'resultPath',
  'resultSeverity',
  'sourceConstraintComponent',
  'sourceShape',
  'value',
  'resultMessage',
  'Violation',
  'Warning',
  'Info',
] as const);

/** The usual DCAT-family prefixes offered to writers beside those of the input. */
export const DCAT_PREFIXES: Readonly<Record<string, string>> = {
  rdf: PREFIXES.rdf,
  rdfs: PREFIXES.rdfs,
  xsd: PREFIXES.xsd,
  dcat: PREFIXES.dcat,
  dct: PREFIXES.dct,
  dcatap: PREFIXES.dcatap,
  adms: PREFIXES.adms,
  foaf: PREFIXES.foaf,
  vcard: PREFIXES.vcard,
  skos: PREFIXES.skos,
  spdx: PREFIXES.spdx,
  schema: PREFIXES.schema,
  locn: PREFIXES.locn,
  hydra: PREFIXES.hydra,
  owl: PREFIXES.owl,
  prov: PREFIXES.prov,
  geodcat: PREFIXES.geodcat,
};
