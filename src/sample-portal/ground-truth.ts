// **ground-truth** lists which dataset carries which planted defect, and what drift did, so tests can check what tools find.
import { datasetHeader, type CatalogConfig } from './catalog.js';
import { datasetIri, type Site } from './dataset-graph.js';
import { DEFECT_IDS, DEFECT_WHERE, type DefectId } from './defects.js';
import { driftWalk } from './drift.js';
import type { FaultSpec } from './faults.js';
import { random } from './prng.js';

/** One dataset with at least one defect. */
export interface GroundTruthRecord {
  /** The dataset IRI (the upstream IRI when harvested): the record key. */
  iri: string;
  /** dct:identifier of the dataset. */
  identifier: string;
  /** ObjectId of the dataset on the portal. */
  id: string;
  /** Position in the site catalog (0 = newest) and page at page_size 100. */
  index: number;
  page: number;
  title: string;
  defects: DefectId[];
  /** The distribution carrying distribution-level defects (missing-licence shows on all of them). */
  distribution?: string;
  /** duplicate-title: the IRI of the earlier dataset with the same title. */
  duplicateOf?: string;
}

/** The ground truth document (`GET /_sample/ground-truth.json`). */
export interface GroundTruth {
  seed: number;
  datasets: number;
  baseUrl: string;
  rates: Record<DefectId, number>;
  /** How each defect shows in the RDF. */
  where: Record<DefectId, string>;
  /** Datasets carrying each defect. */
  counts: Record<DefectId, number>;
  records: GroundTruthRecord[];
  /** What the `drift` fault does to a walk of the site catalog (present with that fault only). */
  drift?: DriftTruth;
}

/** A dataset served on two consecutive pages. */
export interface DriftRepeat {
  iri: string;
  identifier: string;
  id: string;
  /** Position in the site catalog (0 = newest). */
  index: number;
}

/**
 * What a harvester walking the unfiltered site catalog (page 1, then every page up to the last
 * one announced) meets under the `drift` fault, at one page size.
 */
export interface DriftTruth {
  /** page_size of the walk (100 unless asked with `?page_size=`). */
  pageSize: number;
  /** hydra:totalItems announced by page 1 and by the last page. */
  totalItems: { first: number; last: number };
  /** hydra:last announced by page 1 and by the last page (the pages a walk fetches). */
  lastPage: { first: number; last: number };
  /** Dataset nodes served over the walk, duplicates included. */
  datasetsSeen: number;
  /** Unique datasets served: all of the catalog (the inserted ones sit on page 1, already fetched). */
  uniqueDatasets: number;
  /** Datasets served twice (on two consecutive pages). */
  duplicates: number;
  /** Each page served right after datasets were inserted, and what it repeats from the page before. */
  pages: { page: number; inserted: number; totalItems: number; repeats: DriftRepeat[] }[];
}

/** The IRI of a dataset's first distribution (resource 0). */
export function firstDistributionIri(
  config: CatalogConfig,
  site: Site,
  index: number,
  id: string,
): string {
  return `${site.base}/datasets/${id}?resource_id=${random(config.seed, 'resource', index, 0).uuid()}`;
}

/** The drift truth at `pageSize`, from the pages a walk fetches (memory: one entry per page). */
export function computeDriftTruth(
  config: CatalogConfig,
  site: Site,
  faults: FaultSpec,
  pageSize: number,
): DriftTruth {
  const walk = driftWalk(config.seed, faults.drift, config.datasets, pageSize);
  const out: DriftTruth = {
    pageSize,
    totalItems: { first: walk[0]!.announced, last: walk[walk.length - 1]!.announced },
    lastPage: { first: walk[0]!.last, last: walk[walk.length - 1]!.last },
    datasetsSeen: 0,
    uniqueDatasets: 0,
    duplicates: 0,
    pages: [],
  };
  const unique = new Set<number>();
  walk.forEach((page, k) => {
    out.datasetsSeen += page.end - page.start;
    for (let i = page.start; i < page.end; i += 1) unique.add(i);
    const before = walk[k - 1];
    if (!before || page.inserted === before.inserted) return;
    const repeats: DriftRepeat[] = [];
    for (let index = page.start; index < Math.min(before.end, page.end); index += 1) {
      const header = datasetHeader(config, index);
      repeats.push({
        iri: datasetIri(site, header),
        identifier: header.upstream ?? header.id,
        id: header.id,
        index,
      });
    }
    out.duplicates += repeats.length;
    out.pages.push({
      page: page.page,
      inserted: page.inserted - before.inserted,
      totalItems: page.announced,
      repeats,
    });
  });
  out.uniqueDatasets = unique.size;
  return out;
}

/** Computes the ground truth by a scan of dataset headers (no resources generated). */
export function computeGroundTruth(
  config: CatalogConfig,
  site: Site,
  faults: FaultSpec = {},
  pageSize = 100,
): GroundTruth {
  const counts = Object.fromEntries(DEFECT_IDS.map((id) => [id, 0])) as Record<DefectId, number>;
  const records: GroundTruthRecord[] = [];
  for (let index = 0; index < config.datasets; index += 1) {
    const header = datasetHeader(config, index);
    if (header.defects.length === 0) continue;
    for (const id of header.defects) counts[id] += 1;
    const record: GroundTruthRecord = {
      iri: datasetIri(site, header),
      identifier: header.upstream ?? header.id,
      id: header.id,
      index,
      page: Math.floor(index / 100) + 1,
      title: header.title,
      defects: header.defects,
    };
    if (header.resources > 0)
      record.distribution = firstDistributionIri(config, site, index, header.id);
    if (header.duplicateOf !== undefined) {
      record.duplicateOf = datasetIri(site, datasetHeader(config, header.duplicateOf));
    }
    records.push(record);
  }
  return {
    seed: config.seed,
    datasets: config.datasets,
    baseUrl: site.base,
    rates: { ...config.defectRates },
    where: { ...DEFECT_WHERE },
    counts,
    records,
    ...(faults.drift ? { drift: computeDriftTruth(config, site, faults, pageSize) } : {}),
  };
}
