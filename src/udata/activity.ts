// **activity** reads udata's activity stream: one page, or every page tolerating short ones.
import type { SiteApi } from './api.js';

/** Filters and paging of `GET /api/1/activity/`. */
export interface ActivityQuery {
  page?: number;
  pageSize?: number;
  /** User id (ObjectId). */
  user?: string;
  /** Organization id (ObjectId). */
  organization?: string;
  /** Object the activities relate to (ObjectId; anything else is a 400). */
  relatedTo?: string;
  /** udata field mask (`X-Fields`), e.g. `{data{key,created_at},total}`. */
  fields?: string;
}

/** One page of the stream as udata answers it. */
export interface ActivityPage {
  data: Record<string, unknown>[];
  page?: number;
  page_size?: number;
  total?: number;
  next_page?: string | null;
  previous_page?: string | null;
}

/**
 * `GET /api/1/activity/` for one page.
 *
 * @example
 * ```ts
 * import { createSiteApi, getActivity } from 'dcat-harvest/udata';
 *
 * const api = createSiteApi({ portal: 'https://www.data.gouv.fr' });
 * const page = await getActivity(api, { pageSize: 20, organization: '534fff75a3a7292c64a77de4' });
 * console.log(page.total, page.data.length);
 * await api.close();
 * ```
 */
export function getActivity(api: SiteApi, query: ActivityQuery = {}): Promise<ActivityPage> {
  return api.call<ActivityPage>({
    path: '/activity/',
    query: {
      page: query.page,
      page_size: query.pageSize,
      user: query.user,
      organization: query.organization,
      related_to: query.relatedTo,
    },
    headers: query.fields ? { 'x-fields': query.fields } : undefined,
  });
}

/**
 * Every activity from `query.page` on. udata drops items the caller cannot see after paging, so
 * a page may be short while `total` is unchanged: the walk ends on `next_page: null`, an empty
 * page, or when `page × page_size` reaches `total` — never on a merely short page.
 *
 * @example
 * ```ts
 * import { createSiteApi, walkActivity } from 'dcat-harvest/udata';
 *
 * const api = createSiteApi({ portal: 'https://www.data.gouv.fr' });
 * let n = 0;
 * for await (const activity of walkActivity(api, { pageSize: 100 })) {
 *   console.log(activity.key, activity.created_at);
 *   if (++n === 250) break;
 * }
 * await api.close();
 * ```
 */
export async function* walkActivity(
  api: SiteApi,
  query: ActivityQuery = {},
): AsyncGenerator<Record<string, unknown>> {
  const pageSize = query.pageSize ?? 100;
  for (let page = query.page ?? 1; ; page++) {
    const result = await getActivity(api, { ...query, page, pageSize });
    const data = Array.isArray(result.data) ? result.data : [];
    yield* data;
    if (result.next_page === null) return;
    if (typeof result.total === 'number' && page * pageSize >= result.total) return;
    if (data.length === 0 && result.next_page === undefined) return;
  }
}
