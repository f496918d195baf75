// **page** assembles one catalog page: the catalog node, its hydra view, the datasets and the services.
import { PREFIXES as P } from '../vocab.js';
import { datasetHeader, type CatalogConfig } from './catalog.js';
import { addDataset, datasetIri, organizationIri, serviceIri, type Site } from './dataset-graph.js';
import {
  blank,
  blankLabel,
  iri,
  lit,
  PageGraph,
  type GNode,
  type GObject,
  type NodeSink,
} from './graph.js';
import { dateTime } from './ids.js';
import { HVD_CATEGORIES, HVD_LEGISLATION } from './lexicon.js';
import { isServed, SERVICE_BLOCK, serviceAt, type Organization } from './owners.js';

const RDF_TYPE = P.rdf + 'type';
const XSD_DT = P.xsd + 'dateTime';

/** What a catalog page shows. */
export interface PageSpec {
  /** The catalog: the whole site, or one organization's. */
  organization?: Organization;
  /** Extension used in the hydra links (the one requested). */
  ext: string;
  page: number;
  pageSize: number;
  /** Datasets matching the filters. */
  total: number;
  /** Filters as they appear after page and page_size (`&tag=a&q=b`), or ''. */
  filterQuery: string;
  /** Dataset indices on this page, newest first. */
  indices: readonly number[];
  /** Fault: hydra:next points back to page 1. */
  loop?: boolean;
  /** Fault: hydra:next points to this other origin. */
  nextOrigin?: string;
}

/** The path of a catalog, without extension (`/api/1/site/catalog`). */
export function catalogPath(organization?: Organization): string {
  return organization ? `/api/1/organizations/${organization.id}/catalog` : '/api/1/site/catalog';
}

/** The last page number (0 when nothing matches). */
export function lastPage(total: number, pageSize: number): number {
  return Math.ceil(total / pageSize);
}

/** Builds one catalog page, handing complete nodes to `sink` in page order. */
export function buildPage(
  config: CatalogConfig,
  site: Site,
  spec: PageSpec,
  sink?: NodeSink,
): PageGraph {
  const graph = new PageGraph(sink);
  const path = catalogPath(spec.organization);
  const pageUrl = (n: number, origin = site.base): string =>
    `${origin}${path}.${spec.ext}?page=${n}&page_size=${spec.pageSize}${spec.filterQuery}`;
  const last = lastPage(spec.total, spec.pageSize);
  const catalog: [string, GObject][] = [
    [RDF_TYPE, iri(P.dcat + 'Catalog')],
    [RDF_TYPE, iri(P.hydra + 'Collection')],
  ];
  if (spec.organization) {
    catalog.push(
      [P.dct + 'title', lit(spec.organization.name)],
      [P.dct + 'description', lit(spec.organization.name)],
      [P.dct + 'publisher', iri(organizationIri(site, spec.organization.id))],
    );
  } else {
    catalog.push(
      [P.dct + 'title', lit(site.title)],
      [P.dct + 'description', lit(site.title)],
      [P.dct + 'language', lit('fr')],
      [P.foaf + 'homepage', iri(`${site.base}/`)],
      [
        P.dct + 'publisher',
        blank(blankLabel(config.seed, 'catalog-publisher'), [
          [RDF_TYPE, iri(P.foaf + 'Organization')],
          [P.foaf + 'name', lit(site.title)],
        ]),
      ],
    );
  }
  catalog.push(
    [P.hydra + 'totalItems', lit(String(spec.total), P.xsd + 'integer')],
    [P.hydra + 'view', iri(pageUrl(spec.page))],
  );
  const services: number[] = [];
  for (const index of spec.indices) {
    catalog.push([P.dcat + 'dataset', iri(datasetIri(site, datasetHeader(config, index)))]);
    const k = Math.floor(index / SERVICE_BLOCK);
    if (isServed(config.seed, index) && !services.includes(k)) services.push(k);
  }
  const serviceNodes = services.map((k) => serviceNode(config, site, k));
  for (const node of serviceNodes) catalog.push([P.dcat + 'service', iri(node.id)]);
  graph.add({ id: site.base + path, props: catalog });
  const view: [string, GObject][] = [
    [RDF_TYPE, iri(P.hydra + 'PartialCollectionView')],
    [P.hydra + 'first', iri(pageUrl(1))],
    [P.hydra + 'last', iri(pageUrl(last))],
  ];
  if (spec.page < last || spec.loop) {
    const next = spec.loop ? 1 : spec.page + 1;
    view.push([P.hydra + 'next', iri(pageUrl(next, spec.nextOrigin ?? site.base))]);
  }
  if (spec.page > 1) view.push([P.hydra + 'previous', iri(pageUrl(spec.page - 1))]);
  graph.add({ id: pageUrl(spec.page), props: view });

  for (const index of spec.indices) addDataset(config, site, index, graph);
  for (const node of serviceNodes) graph.add(node);
  return graph;
}

/** The dcat:DataService node of service `k`, listing every dataset it serves. */
export function serviceNode(config: CatalogConfig, site: Site, k: number): GNode {
  const service = serviceAt(config.seed, k, config.datasets);
  const served = service.serves.map((i) => datasetHeader(config, i));
  const props: [string, GObject][] = [
    [RDF_TYPE, iri(P.dcat + 'DataService')],
    [P.dct + 'title', lit(service.title)],
    [P.dct + 'description', lit(service.description)],
    [P.dct + 'identifier', lit(service.id)],
    [P.dct + 'created', lit(dateTime(service.created), XSD_DT)],
    [P.dct + 'issued', lit(dateTime(service.created), XSD_DT)],
    [P.dct + 'modified', lit(dateTime(service.modified), XSD_DT)],
    [P.dcat + 'endpointURL', iri(service.endpointURL)],
    [P.dcat + 'endpointDescription', iri(service.endpointDescription)],
    [P.dcat + 'landingPage', iri(`${site.base}/dataservices/${service.slug}`)],
  ];
  for (const header of served)
    props.push([P.dcat + 'servesDataset', iri(datasetIri(site, header))]);
  if (served.some((h) => h.hvd)) {
    props.push(
      [P.dcatap + 'applicableLegislation', iri(HVD_LEGISLATION)],
      [P.dcatap + 'hvdCategory', iri(HVD_CATEGORIES[k % HVD_CATEGORIES.length] as string)],
      [P.dcat + 'keyword', lit('hvd')],
    );
  }
  return { id: serviceIri(site, service.id), props };
}
