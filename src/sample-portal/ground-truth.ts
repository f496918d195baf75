// **ground-truth** lists which dataset carries which planted defect, so tests can check what tools find.
import { datasetHeader, type CatalogConfig } from './catalog.js';
import { datasetIri, type Site } from './dataset-graph.js';
import { DEFECT_IDS, DEFECT_WHERE, type DefectId } from './defects.js';
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

/** Computes the ground truth by a scan of dataset headers (no resources generated). */
export function computeGroundTruth(config: CatalogConfig, site: Site): GroundTruth {
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
  };
}
