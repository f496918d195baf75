// **activity** generates udata's activity stream (newest first) with its filters and short pages.
import { datasetHeader, type CatalogConfig } from './catalog.js';
import type { Site } from './dataset-graph.js';
import { LATEST, objectId } from './ids.js';
import { organizationAt, userAt, userCount } from './owners.js';
import { hash, unit } from './prng.js';

const KEYS = [
  'dataset:created',
  'dataset:updated',
  'resource:created',
  'resource:updated',
] as const;
const LABELS: Record<(typeof KEYS)[number], string> = {
  'dataset:created': 'created a dataset',
  'dataset:updated': 'updated a dataset',
  'resource:created': 'added a resource to a dataset',
  'resource:updated': 'updated a resource',
};

export interface ActivityQuery {
  page: number;
  pageSize: number;
  user?: string;
  organization?: string;
  /** Dataset index the activities relate to. */
  relatedTo?: number;
}

/** Two activities per dataset. */
export function activityTotal(config: CatalogConfig): number {
  return config.datasets * 2;
}

/** Activity `k` (0 = newest) as the API serialises it. */
export function activityAt(config: CatalogConfig, site: Site, k: number): Record<string, unknown> {
  const { seed } = config;
  const dataset = datasetHeader(config, Math.floor(k / 2));
  const user = userAt(seed, hash(seed, 'activity-user', k) % userCount(config.datasets));
  const org =
    dataset.owner.kind === 'organization' ? organizationAt(seed, dataset.owner.index) : undefined;
  const key = KEYS[
    k % 2 === 1 ? 0 : 1 + (hash(seed, 'activity-key', k) % 3)
  ] as (typeof KEYS)[number];
  const gap = (12 * 365 * 86400) / Math.max(1, activityTotal(config));
  const created = Math.floor(LATEST - k * gap);
  return {
    id: objectId(seed, 'activity', k, created),
    key,
    label: LABELS[key],
    created_at: new Date(created * 1000).toISOString().replace('Z', '+00:00'),
    actor: {
      id: user.id,
      slug: user.slug,
      first_name: user.name.split(' ')[0],
      last_name: user.name.split(' ')[1],
      page: `${site.base}/users/${user.slug}/`,
    },
    organization: org
      ? {
          id: org.id,
          name: org.name,
          slug: org.slug,
          page: `${site.base}/organizations/${org.slug}/`,
        }
      : null,
    related_to: dataset.title,
    related_to_id: dataset.id,
    related_to_kind: 'Dataset',
    related_to_url: `${site.base}/datasets/${dataset.slug}/`,
    extras: {},
  };
}

/** True when the caller cannot see activity `k` (udata drops those after paging). */
export function isHidden(seed: number, k: number): boolean {
  return unit(seed, 'activity-hidden', k) < 0.03;
}

/** One page of the activity stream. */
export function activityPage(
  config: CatalogConfig,
  site: Site,
  query: ActivityQuery,
): Record<string, unknown> {
  let ids: number[] | undefined;
  if (query.relatedTo !== undefined) ids = [query.relatedTo * 2, query.relatedTo * 2 + 1];
  if (query.user !== undefined || query.organization !== undefined) {
    const all = ids ?? Array.from({ length: activityTotal(config) }, (_, k) => k);
    ids = all.filter((k) => {
      const item = activityAt(config, site, k) as {
        actor: { id: string };
        organization: { id: string } | null;
      };
      if (query.user !== undefined && item.actor.id !== query.user) return false;
      return query.organization === undefined || item.organization?.id === query.organization;
    });
  }
  const total = ids ? ids.length : activityTotal(config);
  const start = (query.page - 1) * query.pageSize;
  const data: Record<string, unknown>[] = [];
  for (let i = start; i < Math.min(total, start + query.pageSize); i += 1) {
    const k = ids ? (ids[i] as number) : i;
    if (!isHidden(config.seed, k)) data.push(activityAt(config, site, k));
  }
  const link = (page: number) => {
    const params = new URLSearchParams({ page: String(page), page_size: String(query.pageSize) });
    if (query.user) params.set('user', query.user);
    if (query.organization) params.set('organization', query.organization);
    if (query.relatedTo !== undefined)
      params.set('related_to', datasetHeader(config, query.relatedTo).id);
    return `${site.base}/api/1/activity/?${params.toString()}`;
  };
  return {
    data,
    next_page: start + query.pageSize < total ? link(query.page + 1) : null,
    previous_page: query.page > 1 ? link(query.page - 1) : null,
    page: query.page,
    page_size: query.pageSize,
    total,
  };
}
