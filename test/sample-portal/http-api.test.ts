// The JSON endpoints over real HTTP: activity stream (filters, X-Fields, short pages) and the home lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import { datasetHeader } from '../../src/sample-portal/catalog.js';
import { defectRates } from '../../src/sample-portal/defects.js';
import { isHidden } from '../../src/sample-portal/activity.js';
import { get } from './helpers.js';

const config = { datasets: 300, seed: 5, giants: 0, defectRates: defectRates({}) };
let portal: SamplePortal;
beforeAll(async () => {
  portal = await startSamplePortal({
    datasets: 300,
    seed: 5,
    apiKeys: { admin: ['root'], user: ['jane'] },
  });
});
afterAll(() => portal.close());

interface ActivityBody {
  data: {
    id: string;
    key: string;
    created_at: string;
    related_to_id: string;
    actor: { id: string };
  }[];
  total: number;
  page: number;
  page_size: number;
  next_page: string | null;
}

describe('GET /api/1/activity/', () => {
  it('pages newest first with page_size 20 by default', async () => {
    const body = JSON.parse((await get(`${portal.url}/api/1/activity/`)).text) as ActivityBody;
    expect(body.total).toBe(600);
    expect(body.page).toBe(1);
    expect(body.page_size).toBe(20);
    const visible = Array.from({ length: 20 }, (_, k) => k).filter((k) => !isHidden(5, k)).length;
    expect(body.data).toHaveLength(visible);
    const times = body.data.map((a) => a.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(body.next_page).toBe(`${portal.url}/api/1/activity/?page=2&page_size=20`);
  });

  it('drops hidden items after paging: some pages are short while total is unchanged', async () => {
    const hidden = Array.from({ length: 600 }, (_, k) => k).find((k) => isHidden(5, k)) as number;
    const page = Math.floor(hidden / 10) + 1;
    const body = JSON.parse(
      (await get(`${portal.url}/api/1/activity/?page=${page}&page_size=10`)).text,
    ) as ActivityBody;
    expect(body.data.length).toBeLessThan(10);
    expect(body.total).toBe(600);
  });

  it('filters by related_to and answers 400 when it is not an ObjectId', async () => {
    const id = datasetHeader(config, 7).id;
    const body = JSON.parse(
      (await get(`${portal.url}/api/1/activity/?related_to=${id}`)).text,
    ) as ActivityBody;
    expect(body.total).toBe(2);
    for (const a of body.data) expect(a.related_to_id).toBe(id);
    expect((await get(`${portal.url}/api/1/activity/?related_to=not-an-id`)).status).toBe(400);
    expect((await get(`${portal.url}/api/1/activity/?page=0`)).status).toBe(400);
  });

  it('filters by user', async () => {
    const first = JSON.parse(
      (await get(`${portal.url}/api/1/activity/?page_size=1`)).text,
    ) as ActivityBody;
    const user = first.data[0]?.actor.id as string;
    const body = JSON.parse(
      (await get(`${portal.url}/api/1/activity/?user=${user}&page_size=1000`)).text,
    ) as ActivityBody;
    expect(body.total).toBeGreaterThan(0);
    for (const a of body.data) expect(a.actor.id).toBe(user);
  });

  it('applies the X-Fields mask', async () => {
    const reply = await get(`${portal.url}/api/1/activity/?page_size=3`, {
      headers: { 'x-fields': '{data{key,created_at},total}' },
    });
    const body = JSON.parse(reply.text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['data', 'total']);
    for (const item of body.data as Record<string, unknown>[])
      expect(Object.keys(item).sort()).toEqual(['created_at', 'key']);
  });
});

describe('/api/1/site/home/datasets/ and /home/reuses/', () => {
  it('lists the featured datasets publicly', async () => {
    const body = JSON.parse((await get(`${portal.url}/api/1/site/home/datasets/`)).text) as {
      id: string;
    }[];
    expect(body.map((d) => d.id)).toEqual([0, 1, 2].map((i) => datasetHeader(config, i).id));
  });

  it('answers 401 without a key or with an invalid one, 403 to a non-admin, 400 when the body is not a list', async () => {
    const url = `${portal.url}/api/1/site/home/datasets/`;
    expect((await get(url, { method: 'PUT', body: '[]' })).status).toBe(401);
    expect(
      (await get(url, { method: 'PUT', body: '[]', headers: { 'x-api-key': 'bad' } })).status,
    ).toBe(401);
    expect(
      (await get(url, { method: 'PUT', body: '[]', headers: { 'x-api-key': 'jane' } })).status,
    ).toBe(403);
    expect(
      (await get(url, { method: 'PUT', body: '{"a":1}', headers: { 'x-api-key': 'root' } })).status,
    ).toBe(400);
  });

  it('replaces the list for an admin', async () => {
    const ids = [datasetHeader(config, 9).id, datasetHeader(config, 4).id];
    const put = await get(`${portal.url}/api/1/site/home/datasets/`, {
      method: 'PUT',
      body: JSON.stringify(ids),
      headers: { 'x-api-key': 'root', 'content-type': 'application/json' },
    });
    expect(put.status).toBe(200);
    const body = JSON.parse((await get(`${portal.url}/api/1/site/home/datasets/`)).text) as {
      id: string;
    }[];
    expect(body.map((d) => d.id)).toEqual(ids);
    const reuses = JSON.parse((await get(`${portal.url}/api/1/site/home/reuses/`)).text) as {
      id: string;
    }[];
    expect(reuses).toHaveLength(2);
  });

  it('answers 404 as newer udata does when the switch is off', async () => {
    const newer = await startSamplePortal({ datasets: 10, homeEndpoints: false });
    try {
      expect((await get(`${newer.url}/api/1/site/home/datasets/`)).status).toBe(404);
      expect((await get(`${newer.url}/api/1/site/home/reuses/`)).status).toBe(404);
    } finally {
      await newer.close();
    }
  });
});
