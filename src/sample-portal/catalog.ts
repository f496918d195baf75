// **catalog** derives any dataset of the generated catalog from hash(seed, index), never the whole.
import { defectsAt, hasDuplicateTitle, type DefectId } from './defects.js';
import { LATEST, objectId, counterOf, slugify } from './ids.js';
import { HARVEST_HOSTS, KEYWORDS, PLACES, TOPICS } from './lexicon.js';
import { organizationAt, organizationCount, userCount } from './owners.js';
import { hash, random, unit } from './prng.js';

/** What the generator needs: size, seed, giant datasets and defect rates. */
export interface CatalogConfig {
  datasets: number;
  seed: number;
  /** Datasets with thousands of resources, at evenly spread positions. */
  giants: number;
  defectRates: Readonly<Record<DefectId, number>>;
}

export type Owner = { kind: 'organization'; index: number } | { kind: 'user'; index: number };

/** The cheap part of a dataset: enough to filter, page and name it. */
export interface DatasetHeader {
  index: number;
  id: string;
  /** Creation time in seconds (newest first: decreasing with the index). */
  created: number;
  title: string;
  slug: string;
  owner: Owner;
  tags: string[];
  hvd: boolean;
  /** Upstream IRI when harvested from another portal. */
  upstream?: string;
  resources: number;
  defects: DefectId[];
  /** Index of the dataset whose title this one repeats (duplicate-title defect). */
  duplicateOf?: number;
}

const SPAN = 12 * 365 * 86400;
const TITLE_SPACE = TOPICS.length * PLACES.length * 15;

/** The unique base title of dataset `index` (a bijection over topic × place × year). */
export function baseTitle(seed: number, index: number): string {
  const round = Math.floor(index / TITLE_SPACE);
  const offset = hash(seed, 'title-offset') % TITLE_SPACE;
  // 7919 is prime and does not divide TITLE_SPACE, so this permutes [0, TITLE_SPACE).
  const n = ((index % TITLE_SPACE) * 7919 + offset) % TITLE_SPACE;
  const topic = TOPICS[n % TOPICS.length] as string;
  const place = PLACES[Math.floor(n / TOPICS.length) % PLACES.length] as string;
  const year = 2011 + Math.floor(n / (TOPICS.length * PLACES.length));
  const title = `${topic} – ${place} ${year}`;
  return round === 0 ? title : `${title} (lot ${round + 1})`;
}

/** The positions of the giant datasets. */
export function giantPositions(config: CatalogConfig): number[] {
  const out: number[] = [];
  for (let k = 1; k <= config.giants; k += 1) {
    out.push(Math.floor((config.datasets * (2 * k - 1)) / (2 * config.giants)));
  }
  return out;
}

/** The number of resources of dataset `index`: skewed, ≈ 9.3 on average with the giants. */
export function resourceCount(config: CatalogConfig, index: number): number {
  const giant = giantPositions(config).indexOf(index);
  if (giant >= 0) return Math.max(1000, Math.round(8021 / (giant + 1)));
  const u = unit(config.seed, 'resources', index);
  const v = unit(config.seed, 'resources-n', index);
  const between = (min: number, max: number) => min + Math.floor(v * (max - min + 1));
  if (u < 0.04) return 0;
  if (u < 0.45) return between(1, 3);
  if (u < 0.75) return between(4, 9);
  if (u < 0.93) return between(11, 22);
  if (u < 0.99) return between(26, 50);
  return between(61, 140);
}

/** The creation time of dataset `index`. */
export function createdAt(config: CatalogConfig, index: number): number {
  const gap = SPAN / Math.max(1, config.datasets);
  return Math.floor(LATEST - (index + unit(config.seed, 'created', index)) * gap);
}

/** The owner of dataset `index`: a (not deleted) organization mostly, else a user. */
export function ownerAt(config: CatalogConfig, index: number): Owner {
  const { seed } = config;
  if (unit(seed, 'owner-kind', index) < 0.15) {
    return { kind: 'user', index: hash(seed, 'owner-user', index) % userCount(config.datasets) };
  }
  const orgs = organizationCount(config.datasets);
  let k = Math.floor(orgs * unit(seed, 'owner-org', index) ** 3);
  while (k > 0 && organizationAt(seed, k).deleted) k -= 1;
  return { kind: 'organization', index: k };
}

/** The header of dataset `index` (cheap: no resources generated). */
export function datasetHeader(config: CatalogConfig, index: number): DatasetHeader {
  const { seed } = config;
  const created = createdAt(config, index);
  const resources = resourceCount(config, index);
  const defects = defectsAt(seed, index, resources, config.defectRates);
  let duplicateOf: number | undefined;
  let title = baseTitle(seed, index);
  if (defects.includes('duplicate-title')) {
    duplicateOf = index - 1 - (hash(seed, 'duplicate', index) % Math.min(index, 50));
    while (duplicateOf > 0 && hasDuplicateTitle(seed, duplicateOf, config.defectRates))
      duplicateOf -= 1;
    title = baseTitle(seed, duplicateOf);
  }
  const hvd = unit(seed, 'hvd', index) < 0.04;
  const harvested = !hvd && unit(seed, 'harvested', index) < 0.3;
  const slug = slugify(title);
  const rng = random(seed, 'tags', index);
  const tags: string[] = [];
  if (!defects.includes('missing-keywords')) {
    const n = rng.int(1, 4);
    while (tags.length < n) {
      const tag = rng.pick(KEYWORDS);
      if (!tags.includes(tag)) tags.push(tag);
    }
    if (hvd) tags.push('hvd');
  }
  const host = HARVEST_HOSTS[hash(seed, 'host', index) % HARVEST_HOSTS.length] as string;
  return {
    index,
    id: objectId(seed, 'dataset', index, created),
    created,
    title,
    slug,
    owner: ownerAt(config, index),
    tags,
    hvd,
    ...(harvested ? { upstream: `https://${host}/explore/dataset/${slug}-${index}/` } : {}),
    resources,
    defects,
    ...(duplicateOf === undefined ? {} : { duplicateOf }),
  };
}

/** The index of the dataset with ObjectId `id`, or undefined. */
export function indexOfDatasetId(config: CatalogConfig, id: string): number | undefined {
  const index = counterOf(config.seed, 'dataset', id);
  if (index === undefined || index >= config.datasets) return undefined;
  return datasetHeader(config, index).id === id ? index : undefined;
}
