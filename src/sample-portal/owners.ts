// **owners** generates organizations, users, contact points and data services from the seed.
import { LATEST, objectId, slugify } from './ids.js';
import { FIRST_NAMES, LAST_NAMES, ORG_KINDS, PLACES } from './lexicon.js';
import { hash, random, unit } from './prng.js';

export interface Organization {
  index: number;
  id: string;
  name: string;
  slug: string;
  homepage: string;
  deleted: boolean;
}

export interface User {
  index: number;
  id: string;
  name: string;
  slug: string;
}

export interface Contact {
  id: string;
  name: string;
  email: string;
  url?: string;
}

/** Organizations for a catalog of `datasets` datasets. */
export function organizationCount(datasets: number): number {
  return Math.max(4, Math.ceil(datasets / 25));
}

/** Users for a catalog of `datasets` datasets. */
export function userCount(datasets: number): number {
  return Math.max(4, Math.ceil(datasets / 50));
}

/** Organization `index` (about 2 % are deleted: their catalog answers 410; they own nothing). */
export function organizationAt(seed: number, index: number): Organization {
  const kind = ORG_KINDS[hash(seed, 'org-kind', index) % ORG_KINDS.length] as string;
  const place = PLACES[hash(seed, 'org-place', index) % PLACES.length] as string;
  const name =
    index < PLACES.length * ORG_KINDS.length ? `${kind} ${place}` : `${kind} ${place} (${index})`;
  const slug = slugify(name);
  return {
    index,
    id: objectId(seed, 'organization', index, LATEST - 4e8 + index * 1000),
    name,
    slug,
    homepage: `https://${slug}.example.org`,
    deleted: index > 0 && unit(seed, 'org-deleted', index) < 0.02,
  };
}

/** User `index`. */
export function userAt(seed: number, index: number): User {
  const rng = random(seed, 'user', index);
  const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  return {
    index,
    id: objectId(seed, 'user', index, LATEST - 3.5e8 + index * 1000),
    name,
    slug: `${slugify(name)}-${index}`,
  };
}

/** The contact point an organization's datasets share (one per organization, `variant` 0 or 1). */
export function contactOf(seed: number, org: Organization, variant: number): Contact {
  const counter = org.index * 2 + variant;
  const rng = random(seed, 'contact', counter);
  const service = variant === 0 ? 'Service open data' : 'Service SIG';
  return {
    id: objectId(seed, 'contact', counter, LATEST - 2e8 + counter * 100),
    name: `${service} (${org.name})`,
    email: `${variant === 0 ? 'opendata' : 'sig'}@${org.slug}.example.org`,
    ...(rng.chance(0.5) ? { url: `${org.homepage}/contact` } : {}),
  };
}

/** The "publisher" contact (foaf:Agent) of a harvested dataset. */
export function publisherContactOf(seed: number, org: Organization): Contact {
  const counter = 0x800000 + org.index;
  return {
    id: objectId(seed, 'contact', counter, LATEST - 2e8 + org.index * 100),
    name: `Mairie (${org.name})`,
    email: `mairie@${org.slug}.example.org`,
  };
}

/** Datasets per data-service block: service `k` may serve datasets of block `k` only. */
export const SERVICE_BLOCK = 60;
const SERVED_RATE = 0.08;

/** True when dataset `index` is served by the data service of its block. */
export function isServed(seed: number, index: number): boolean {
  return unit(seed, 'served', index) < SERVED_RATE;
}

export interface DataService {
  index: number;
  id: string;
  title: string;
  slug: string;
  endpointURL: string;
  endpointDescription: string;
  description: string;
  created: number;
  modified: number;
  /** Dataset indices it serves (all within its block). */
  serves: number[];
}

/** Data service `k` (serving the served datasets of block `k`). */
export function serviceAt(seed: number, k: number, datasets: number): DataService {
  const rng = random(seed, 'service', k);
  const place = PLACES[k % PLACES.length] as string;
  const title = `API ${place} ${k}`;
  const slug = slugify(title);
  const serves: number[] = [];
  for (let i = k * SERVICE_BLOCK; i < Math.min(datasets, (k + 1) * SERVICE_BLOCK); i += 1) {
    if (isServed(seed, i)) serves.push(i);
  }
  const created = LATEST - 1e8 + k * 3600 + rng.int(0, 3599);
  return {
    index: k,
    id: objectId(seed, 'dataservice', k, created),
    title,
    slug,
    endpointURL: `https://api.${slug}.example.org/`,
    endpointDescription: `https://api.${slug}.example.org/openapi.json`,
    description: `Une API de ${place}`,
    created,
    modified: created + rng.int(0, 3e7),
    serves,
  };
}
