import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getActivity, walkActivity } from '../../src/udata/activity.js';
import { createSiteApi } from '../../src/udata/api.js';
import { getSiteContext } from '../../src/udata/context.js';
import { getHomeDatasets, setHomeReuses } from '../../src/udata/home.js';
import { startServer, type TestServer } from '../fetch/server.js';
import { cli } from '../helpers/cli.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A udata-ish API: activity with short pages (total 7, page 2 short), home lists, context. */
async function startApi(options: { homeRemoved?: boolean; redirectTo?: string } = {}) {
  let reuses: string[] = ['r0'];
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const key = req.headers['x-api-key'];
    if (key !== undefined && key !== 'admin' && key !== 'user')
      return json(401, { message: 'Invalid API Key' });
    if (url.pathname === '/api/1/activity/') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const size = Number(url.searchParams.get('page_size') ?? 20);
      if (url.searchParams.get('related_to') === 'bad')
        return json(400, { message: 'related_to: not an ObjectId' });
      const all = Array.from({ length: 7 }, (_, i) => ({ key: `a${i}` }));
      let data = all.slice((page - 1) * size, page * size);
      if (page === 2) data = data.slice(1); // an item the caller cannot see
      const fields = req.headers['x-fields'];
      return json(200, {
        data,
        page,
        page_size: size,
        total: 7,
        next_page: page * size < 7 ? 'more' : null,
        fields,
      });
    }
    if (url.pathname.startsWith('/api/1/site/home/')) {
      if (options.homeRemoved)
        return json(404, { message: 'The requested URL was not found on the server.' });
      if (options.redirectTo)
        return res.writeHead(307, { location: options.redirectTo + url.pathname }).end();
      if (req.method === 'PUT') {
        if (!key) return json(401, { message: 'Unauthorized' });
        if (key !== 'admin') return json(403, { message: 'Forbidden' });
        reuses = JSON.parse(server!.requests.at(-1)!.body) as string[];
        return json(
          200,
          reuses.map((id) => ({ id })),
        );
      }
      return json(
        200,
        url.pathname.includes('datasets') ? [{ id: 'd1' }] : reuses.map((id) => ({ id })),
      );
    }
    if (url.pathname === '/api/1/site/context.jsonld')
      return json(200, { dcat: 'http://www.w3.org/ns/dcat#' });
    json(404, { message: 'not found' });
  });
  return server;
}

describe('udata Site API', () => {
  it('reads one activity page with a field mask', async () => {
    const s = await startApi();
    const api = createSiteApi({ portal: s.url });
    const page = await getActivity(api, { pageSize: 3, fields: '{data{key},total}' });
    expect(page.data.map((d) => d.key)).toEqual(['a0', 'a1', 'a2']);
    expect(s.requests[0]?.headers['x-fields']).toBe('{data{key},total}');
    await api.close();
  });

  it('walks every activity page, tolerating a short page', async () => {
    const s = await startApi();
    const api = createSiteApi({ portal: s.url });
    const keys: unknown[] = [];
    for await (const item of walkActivity(api, { pageSize: 3 })) keys.push(item.key);
    expect(keys).toEqual(['a0', 'a1', 'a2', 'a4', 'a5', 'a6']);
    expect(s.requests).toHaveLength(3);
    await api.close();
  });

  it('turns a 400 into a plain message', async () => {
    const s = await startApi();
    const api = createSiteApi({ portal: s.url });
    await expect(getActivity(api, { relatedTo: 'bad' })).rejects.toThrow(
      /400 Bad Request.*related_to: not an ObjectId/,
    );
    await api.close();
  });

  it('sends no API key on reads, and sends it on set', async () => {
    const s = await startApi();
    const api = createSiteApi({ portal: s.url, apiKey: 'admin' });
    expect(await getHomeDatasets(api)).toEqual([{ id: 'd1' }]);
    expect(await setHomeReuses(api, ['r1', 'r2'])).toEqual([{ id: 'r1' }, { id: 'r2' }]);
    expect(s.requests.map((r) => r.headers['x-api-key'])).toEqual([undefined, 'admin']);
    expect(s.requests[1]?.body).toBe('["r1","r2"]');
    await api.close();
  });

  it('explains 403 for a non-admin key and 404 on a udata without home endpoints', async () => {
    const s = await startApi({ homeRemoved: true });
    const api = createSiteApi({ portal: s.url, apiKey: 'user' });
    await expect(getHomeDatasets(api)).rejects.toThrow(
      /udata 10.9 or later.*PATCH \/api\/1\/site\//,
    );
    await api.close();
    await s.close();
    const t = await startApi();
    const userApi = createSiteApi({ portal: t.url, apiKey: 'user' });
    await expect(setHomeReuses(userApi, ['x'])).rejects.toThrow(/403 Forbidden/);
    await userApi.close();
  });

  it('never sends the key after a redirect to another origin', async () => {
    const other = await startServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]'),
    );
    try {
      const s = await startApi({ redirectTo: other.url });
      const api = createSiteApi({ portal: s.url, apiKey: 'admin' });
      await setHomeReuses(api, ['r1']);
      expect(s.requests[0]?.headers['x-api-key']).toBe('admin');
      expect(other.requests[0]?.headers['x-api-key']).toBeUndefined();
      await api.close();
    } finally {
      await other.close();
    }
  });

  it('wraps the bare context term map', async () => {
    const s = await startApi();
    const api = createSiteApi({ portal: s.url });
    const { served, wrapped } = await getSiteContext(api);
    expect(served).toEqual({ dcat: 'http://www.w3.org/ns/dcat#' });
    expect(wrapped).toEqual({ '@context': served });
    await api.close();
  });
});

describe('site command', () => {
  it('prints activity as JSON Lines with --all', async () => {
    const s = await startApi();
    const result = await cli([
      'site',
      '--portal',
      s.url,
      '--output',
      'jsonl',
      'activity',
      '--all',
      '--page-size',
      '3',
    ]);
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).key),
    ).toEqual(['a0', 'a1', 'a2', 'a4', 'a5', 'a6']);
  });

  it('sets home reuses with the key from DCAT_HARVEST_API_KEY and never prints it', async () => {
    const s = await startApi();
    const result = await cli(['site', '--portal', s.url, 'home-reuses', 'set', 'r9'], {
      env: { DCAT_HARVEST_API_KEY: 'admin' },
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ id: 'r9' }]);
    expect(result.stdout + result.stderr).not.toContain('admin');
  });

  it('reads the key from --api-key-file and reports 401 plainly with exit 3', async () => {
    const s = await startApi();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'site-'));
    await writeFile(path.join(dir, 'key'), 'wrong-key\n');
    const result = await cli([
      'site',
      '--portal',
      s.url,
      '--api-key-file',
      path.join(dir, 'key'),
      'home-reuses',
      'set',
      'r1',
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/401 Unauthorized/);
    expect(result.stderr).not.toContain('wrong-key');
  });

  it('asks for a key when set has none', async () => {
    const s = await startApi();
    const result = await cli(['site', '--portal', s.url, 'home-datasets', 'set', 'd1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs an API key/);
  });

  it('prints the wrapped context', async () => {
    const s = await startApi();
    const result = await cli(['site', '--portal', s.url, 'context', '--wrapped']);
    expect(JSON.parse(result.stdout)).toEqual({
      '@context': { dcat: 'http://www.w3.org/ns/dcat#' },
    });
  });
});
