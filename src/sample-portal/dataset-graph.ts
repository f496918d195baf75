// **dataset-graph** turns a dataset of the generated catalog into the nodes udata's dataset_to_rdf emits.
import { PREFIXES as P } from '../vocab.js';
import { datasetHeader, type CatalogConfig, type DatasetHeader } from './catalog.js';
import { blank, blankLabel, iri, lit, type GNode, type GObject, type PageGraph } from './graph.js';
import { LATEST, date, dateTime } from './ids.js';
import {
  ACCESS_RIGHTS_PUBLIC,
  EU_FREQUENCIES,
  FORMATS,
  FREQUENCIES,
  HVD_CATEGORIES,
  HVD_LEGISLATION,
  LICENCES_WITHOUT_URL,
  LICENCES_WITH_URL,
  SENTENCES,
} from './lexicon.js';
import {
  contactOf,
  isServed,
  organizationAt,
  publisherContactOf,
  SERVICE_BLOCK,
  serviceAt,
  userAt,
  type Contact,
} from './owners.js';
import { random, type Random } from './prng.js';

const RDF_TYPE = P.rdf + 'type';
const XSD_DT = P.xsd + 'dateTime';

/** The site the IRIs are minted for. */
export interface Site {
  base: string;
  title: string;
}

/** The IRI of a dataset: its upstream IRI when harvested, else the portal's. */
export function datasetIri(site: Site, header: DatasetHeader): string {
  return header.upstream ?? `${site.base}/datasets/${header.id}`;
}

export const organizationIri = (site: Site, id: string): string =>
  `${site.base}/organizations/${id}`;
export const serviceIri = (site: Site, id: string): string => `${site.base}/dataservices/${id}`;

function ownerIri(config: CatalogConfig, site: Site, header: DatasetHeader): string {
  return header.owner.kind === 'organization'
    ? organizationIri(site, organizationAt(config.seed, header.owner.index).id)
    : `${site.base}/users/${userAt(config.seed, header.owner.index).id}`;
}

/** Adds the owner (foaf:Organization or foaf:Person) node to the page. */
function addOwner(config: CatalogConfig, site: Site, header: DatasetHeader, page: PageGraph): void {
  const id = ownerIri(config, site, header);
  if (page.has(id)) return;
  if (header.owner.kind === 'organization') {
    const org = organizationAt(config.seed, header.owner.index);
    page.add({
      id,
      props: [
        [RDF_TYPE, iri(P.foaf + 'Organization')],
        [P.rdfs + 'label', lit(org.name)],
        [P.foaf + 'name', lit(org.name)],
        [P.foaf + 'homepage', iri(org.homepage)],
      ],
    });
  } else {
    const user = userAt(config.seed, header.owner.index);
    page.add({
      id,
      props: [
        [RDF_TYPE, iri(P.foaf + 'Person')],
        [P.rdfs + 'label', lit(user.name)],
        [P.foaf + 'name', lit(user.name)],
      ],
    });
  }
}

function contactFor(config: CatalogConfig, header: DatasetHeader, rng: Random): Contact {
  if (header.owner.kind === 'organization') {
    return contactOf(config.seed, organizationAt(config.seed, header.owner.index), rng.int(0, 1));
  }
  const user = userAt(config.seed, header.owner.index);
  return {
    id: user.id.slice(0, 18) + 'c' + user.id.slice(19),
    name: user.name,
    email: `${user.slug}@example.net`,
  };
}

function pickFormat(rng: Random): (typeof FORMATS)[number] {
  let r = rng.float() * FORMATS.reduce((s, f) => s + f.weight, 0);
  for (const f of FORMATS) {
    r -= f.weight;
    if (r < 0) return f;
  }
  return FORMATS[0];
}

/** The distribution node of resource `r` of a dataset. */
function resourceNode(
  config: CatalogConfig,
  site: Site,
  header: DatasetHeader,
  r: number,
  licence: GObject & { rights?: boolean },
): GNode {
  const rng = random(config.seed, 'resource', header.index, r);
  const uuid = rng.uuid();
  const wms = header.hvd && r === 0;
  const format = pickFormat(rng);
  const name = `${header.slug}-${r + 1}.${format.ext}`;
  const issued = header.created + rng.int(0, 86400 * 30);
  const modified = Math.min(LATEST, issued + rng.int(0, 3e7));
  const defects = header.defects;
  const description =
    r === 0 && defects.includes('none-literal')
      ? 'None'
      : rng.chance(0.5)
        ? ''
        : rng.pick(SENTENCES);
  const file =
    r === 0 && defects.includes('iri-space') ? `fichier final ${r + 1}.${format.ext}` : name;
  const wmsUrl = `https://wxs.${header.slug.slice(0, 40)}.example.org/wms`;
  const download = wms
    ? `${wmsUrl}?SERVICE=WMS&REQUEST=GetCapabilities`
    : `${site.base}/_sample/files/${header.id}/${uuid}/${file}`;
  const props: [string, GObject][] = [
    [RDF_TYPE, iri(P.dcat + 'Distribution')],
    [P.dct + 'title', lit(wms ? `Couche WMS ${header.slug}` : name)],
    [P.dct + 'description', lit(description)],
    [P.dct + 'identifier', lit(uuid)],
    [P.dct + 'issued', lit(dateTime(issued, rng.int(0, 999999)), XSD_DT)],
    [P.dct + 'modified', lit(dateTime(modified, rng.int(0, 999999)), XSD_DT)],
    [P.dct + 'format', lit(wms ? 'ogc:wms' : format.format)],
    [licence.rights ? P.dct + 'rights' : P.dct + 'license', licence],
    [P.dcat + 'accessURL', iri(`${site.base}/api/1/datasets/r/${uuid}`)],
    [P.dcat + 'downloadURL', iri(download)],
  ];
  if (!wms) props.push([P.dcat + 'mediaType', lit(format.mediaType)]);
  if (!wms && rng.chance(0.75))
    props.push([P.dcat + 'byteSize', lit(String(rng.int(200, 5e8)), P.xsd + 'integer')]);
  if (!wms && rng.chance(0.7)) {
    props.push([
      P.spdx + 'checksum',
      blank(blankLabel(config.seed, 'checksum', header.index, r), [
        [RDF_TYPE, iri(P.spdx + 'Checksum')],
        [P.spdx + 'algorithm', iri(P.spdx + 'checksumAlgorithm_sha1')],
        [P.spdx + 'checksumValue', lit(rng.hex(40))],
      ]),
    ]);
  }
  if (header.hvd) props.push([P.dcatap + 'applicableLegislation', iri(HVD_LEGISLATION)]);
  if (wms) {
    props.push([
      P.dcat + 'accessService',
      blank(blankLabel(config.seed, 'wms', header.index), [
        [RDF_TYPE, iri(P.dcat + 'DataService')],
        [P.dct + 'title', lit(`Couche WMS ${header.slug}`)],
        [P.dct + 'conformsTo', iri('http://www.opengeospatial.org/standards/wms')],
        ...(licence.rights ? [] : [[P.dct + 'license', licence] as [string, GObject]]),
        [P.dcat + 'endpointURL', iri(wmsUrl)],
        [P.dcat + 'endpointDescription', iri(`${wmsUrl}?SERVICE=WMS&REQUEST=GetCapabilities`)],
      ]),
    ]);
  }
  return { id: `${site.base}/datasets/${header.id}?resource_id=${uuid}`, props };
}

/** The dataset's contact point (a vcard:Kind node of the page). */
function addContact(
  config: CatalogConfig,
  site: Site,
  header: DatasetHeader,
  rng: Random,
  props: [string, GObject][],
  page: PageGraph,
): void {
  const contact = contactFor(config, header, rng);
  const contactIri = `${site.base}/api/1/contacts/${contact.id}/`;
  props.push([P.dcat + 'contactPoint', iri(contactIri)]);
  page.add({
    id: contactIri,
    props: [
      [RDF_TYPE, iri(P.vcard + 'Kind')],
      [P.vcard + 'fn', lit(contact.name)],
      [P.vcard + 'hasEmail', iri(`mailto:${contact.email}`)],
      ...(contact.url ? [[P.vcard + 'hasURL', iri(contact.url)] as [string, GObject]] : []),
    ],
  });
}

/** A harvested dataset's identity upstream: its adms:identifier, and half the time its agent. */
function addUpstreamIdentity(
  config: CatalogConfig,
  site: Site,
  header: DatasetHeader,
  rng: Random,
  props: [string, GObject][],
  page: PageGraph,
): void {
  const { seed } = config;
  props.push([
    P.adms + 'identifier',
    blank(blankLabel(seed, 'adms', header.index), [
      [RDF_TYPE, iri(P.adms + 'Identifier')],
      [P.dct + 'creator', lit(site.title)],
      [P.skos + 'notation', lit(`${site.base}/datasets/${header.id}`)],
    ]),
  ]);
  if (header.owner.kind === 'organization' && rng.chance(0.5)) {
    const agent = publisherContactOf(seed, organizationAt(seed, header.owner.index));
    const agentIri = `${site.base}/api/1/contacts/${agent.id}/`;
    props.push(
      [P.dct + 'publisher', iri(agentIri)],
      [P.geodcat + 'distributor', iri(ownerIri(config, site, header))],
    );
    page.add({
      id: agentIri,
      props: [
        [RDF_TYPE, iri(P.foaf + 'Agent')],
        [P.foaf + 'name', lit(agent.name)],
      ],
    });
  }
}

/** The dataset's dcat:distribution links: one per resource, and its HVD service's when served. */
function distributionLinks(
  config: CatalogConfig,
  site: Site,
  header: DatasetHeader,
): [string, GObject][] {
  const { seed } = config;
  const links: [string, GObject][] = [];
  for (let r = 0; r < header.resources; r += 1) {
    const uuid = random(seed, 'resource', header.index, r).uuid();
    links.push([
      P.dcat + 'distribution',
      iri(`${site.base}/datasets/${header.id}?resource_id=${uuid}`),
    ]);
  }
  if (header.hvd && isServed(seed, header.index)) {
    const service = serviceAt(seed, Math.floor(header.index / SERVICE_BLOCK), config.datasets);
    links.push([
      P.dcat + 'distribution',
      blank(blankLabel(seed, 'hvd-service', header.index), [
        [RDF_TYPE, iri(P.dcat + 'Distribution')],
        [P.dct + 'title', lit(service.title)],
        [P.dcat + 'accessService', iri(serviceIri(site, service.id))],
        [P.dcat + 'accessURL', iri(service.endpointURL)],
        [P.dcatap + 'applicableLegislation', iri(HVD_LEGISLATION)],
      ]),
    ]);
  }
  return links;
}

/** Adds dataset `index` (with its distributions, owner and contact nodes) to the page. */
export function addDataset(
  config: CatalogConfig,
  site: Site,
  index: number,
  page: PageGraph,
): DatasetHeader {
  const { seed } = config;
  const header = datasetHeader(config, index);
  const rng = random(seed, 'dataset', index);
  const id = datasetIri(site, header);
  const defects = header.defects;
  const modified = Math.min(LATEST, header.created + rng.int(0, 4e7));
  const micro = header.upstream ? undefined : rng.int(0, 999999);
  const props: [string, GObject][] = [
    [RDF_TYPE, iri(P.dcat + 'Dataset')],
    [P.dct + 'title', lit(header.title)],
    [
      P.dct + 'description',
      lit(
        defects.includes('empty-description')
          ? ''
          : `${header.title}\n\n**${rng.pick(SENTENCES)}** ${rng.pick(SENTENCES)}`,
      ),
    ],
    [P.dct + 'identifier', lit(header.upstream ?? header.id)],
    [P.dct + 'issued', lit(dateTime(header.created, micro), XSD_DT)],
    [P.dct + 'modified', lit(dateTime(modified, micro), XSD_DT)],
    [P.dcat + 'landingPage', iri(header.upstream ?? `${site.base}/datasets/${header.slug}`)],
    [P.dct + 'publisher', iri(ownerIri(config, site, header))],
  ];
  if (!header.upstream)
    props.push([P.dct + 'created', lit(dateTime(header.created, micro), XSD_DT)]);
  for (const tag of header.tags) props.push([P.dcat + 'keyword', lit(tag)]);
  if (rng.chance(0.2))
    props.push([P.skos + 'altLabel', lit(header.slug.slice(0, 4).toUpperCase())]);
  if (rng.chance(0.7))
    props.push([
      P.dct + 'accrualPeriodicity',
      iri(rng.pick(header.upstream ? EU_FREQUENCIES : FREQUENCIES)),
    ]);
  if (!header.upstream && rng.chance(0.5)) {
    props.push([P.dct + 'accessRights', iri(ACCESS_RIGHTS_PUBLIC)]);
    page.add({ id: ACCESS_RIGHTS_PUBLIC, props: [[RDF_TYPE, iri(P.dct + 'RightsStatement')]] });
  }
  const temporal = rng.chance(0.4);
  if (defects.includes('invalid-date') || temporal) {
    const start = header.created - rng.int(86400 * 30, 86400 * 3000);
    const invalid = defects.includes('invalid-date');
    props.push([
      P.dct + 'temporal',
      blank(blankLabel(seed, 'temporal', index), [
        [RDF_TYPE, iri(P.dct + 'PeriodOfTime')],
        [P.dcat + 'startDate', lit(invalid ? dateTime(start) : date(start), P.xsd + 'date')],
        [P.dcat + 'endDate', lit(invalid ? '' : date(header.created), P.xsd + 'date')],
      ]),
    ]);
  }
  if (!defects.includes('missing-contact-point'))
    addContact(config, site, header, rng, props, page);
  if (header.upstream) addUpstreamIdentity(config, site, header, rng, props, page);
  if (header.hvd) {
    props.push(
      [P.dcatap + 'applicableLegislation', iri(HVD_LEGISLATION)],
      [P.dcatap + 'hvdCategory', iri(rng.pick(HVD_CATEGORIES))],
    );
  }
  const licence: GObject & { rights?: boolean } = defects.includes('missing-licence')
    ? { lit: rng.pick(LICENCES_WITHOUT_URL), rights: true }
    : { iri: rng.pick(LICENCES_WITH_URL).url };
  // Distribution IRIs first (the uuid is the first draw of each resource's stream), nodes after
  // the dataset: a dataset of thousands of resources never holds all its nodes at once.
  for (const link of distributionLinks(config, site, header)) props.push(link);
  page.add({ id, props });
  for (let r = 0; r < header.resources; r += 1)
    page.add(resourceNode(config, site, header, r, licence));
  addOwner(config, site, header, page);
  return header;
}
