// The dashboard's API on a real loopback server: two sample-portal catalogs run twice, checked against the OpenAPI document; keys; hostile documents.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../../src/serve/dashboard.js';
import type { RunSummary, PublisherSummary } from '../../src/history/model.js';
import { dashboardOperations } from '../../src/serve/openapi-dashboard.js';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import { freePort } from '../helpers/redis.js';
import { startServer, type Started } from './serve-helper.js';

const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/serve/hostile.ttl');
const ADMIN = 'admin-secret-0123456789';
const READ = 'read-secret-0123456789';
const admin = { authorization: `Bearer ${ADMIN}` };
const json = { 'content-type': 'application/json' };

let dir: string;
let s: Started;
let alpha: SamplePortal;
let beta: SamplePortal;

/** Polls a run until it ends; each poll is checked against the document. */
async function finished(id: number): Promise<RunSummary> {
  for (;;) {
    const res = await s.api.call('GET', `/api/runs/${id}`);
    const run = res.json() as RunSummary;
    if (run.status === 'done' || run.status === 'failed') return run;
    expect(res.headers.get('retry-after')).toBe('5');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runNow(catalog: string): Promise<RunSummary> {
  const res = await s.api.call('POST', `/api/catalogs/${catalog}/runs`, { headers: admin });
  expect(res.status).toBe(202);
  const run = res.json() as RunSummary;
  expect(res.headers.get('location')).toBe(`/api/runs/${run.id}`);
  return finished(run.id);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dh-dashboard-api-'));
  alpha = await startSamplePortal({ datasets: 60, seed: 1 });
  beta = await startSamplePortal({ datasets: 40, seed: 2 });
  const file = path.join(dir, 'catalogs.yaml');
  await writeFile(
    file,
    `defaults:
  page-size: 20
catalogs:
  - id: alpha
    title: Alpha <b>portal</b>
    source: ${alpha.url}
    every: 24h
  - id: beta
    source: ${beta.url}
    cron: "0 3 * * *"
`,
  );
  s = await startServer({
    dataDir: path.join(dir, 'data'),
    catalogsFile: file,
    keys: { admin: ADMIN, read: READ },
    workers: 1,
  });
});
afterAll(async () => {
  await s?.server.dashboard.runner.idle();
  await s?.server.close();
  await alpha?.close();
  await beta?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('The catalogs API', () => {
  let first: RunSummary;
  let second: RunSummary;

  it('lists the catalogs of the file with their schedules; a catalog never run on `every` runs at once', async () => {
    const res = await s.api.call('GET', '/api/catalogs');
    const views = res.json() as CatalogView[];
    expect(views.map((v) => [v.id, v.origin, v.schedule])).toEqual([
      ['alpha', 'file', { every: '1d' }],
      ['beta', 'file', { cron: '0 3 * * *' }],
    ]);
    const beta = views[1] as CatalogView;
    expect(new Date(beta.nextRunAt as string).getMinutes()).toBe(0);
    expect(beta.lastRun).toBeUndefined();
    let started: RunSummary | undefined;
    while (!(started = s.server.dashboard.store.latestRun('alpha')))
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started.trigger).toBe('schedule');
    first = await finished(started.id);
    expect(first).toMatchObject({ status: 'done', catalog: 'alpha', datasets: 60 });
  });

  it('refuses runs without the admin key: 401 missing or wrong, 403 with the read key', async () => {
    const none = await s.api.call('POST', '/api/catalogs/beta/runs');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await s.api.call('POST', '/api/catalogs/beta/runs', {
      headers: { authorization: `Bearer ${ADMIN}x` },
    });
    expect(wrong.status).toBe(401);
    const read = await s.api.call('POST', '/api/catalogs/beta/runs', {
      headers: { authorization: `Bearer ${READ}` },
    });
    expect(read.status).toBe(403);
    expect(s.server.dashboard.store.latestRun('beta')).toBeUndefined();
    expect((await s.api.call('POST', '/api/catalogs/nope/runs', { headers: admin })).status).toBe(
      404,
    );
  });

  it('runs a catalog on request, and again after the portal changed', async () => {
    const b = await runNow('beta');
    expect(b).toMatchObject({ status: 'done', trigger: 'api', datasets: 40 });
    await alpha.close();
    alpha = await startSamplePortal({ datasets: 70, seed: 1, port: alpha.port });
    second = await runNow('alpha');
    expect(second).toMatchObject({ status: 'done', datasets: 70 });
  });

  it('gives a run’s report head and links once done', async () => {
    const res = await s.api.call('GET', `/api/runs/${second.id}`);
    const run = res.json() as RunSummary & {
      report: { audit: { score: number } };
      links: { html: string };
    };
    expect(run.report.audit.score).toBe(second.score);
    expect(run.links.html).toBe(`/runs/${second.id}/report`);
    const report = await s.api.call('GET', run.links.html);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-security-policy')).toMatch(/^sandbox allow-scripts;/);
    expect(report.text).toContain('<!doctype html>');
    expect((await s.api.call('GET', '/api/runs/99999')).status).toBe(404);
    expect((await s.api.call('GET', '/runs/99999/report')).status).toBe(404);
  });

  it('answers a catalog, its history in a range, and its publishers with their trends', async () => {
    const view = (await s.api.call('GET', '/api/catalogs/alpha')).json() as CatalogView;
    expect(view.latest?.id).toBe(second.id);
    expect(view.trend).toEqual([first.score, second.score]);
    const history = (await s.api.call('GET', '/api/catalogs/alpha/history')).json() as {
      runs: RunSummary[];
    };
    expect(history.runs.map((r) => r.id)).toEqual([first.id, second.id]);
    const later = await s.api.call('GET', `/api/catalogs/alpha/history?from=${second.finishedAt}`);
    expect((later.json() as { runs: RunSummary[] }).runs.map((r) => r.id)).toEqual([second.id]);
    const none = await s.api.call('GET', '/api/catalogs/alpha/history?to=2000-01-01');
    expect((none.json() as { runs: unknown[] }).runs).toEqual([]);
    // A range the document refuses (sent around the checker, which would note it): 400.
    const bad = await fetch(`${s.base}/api/catalogs/alpha/history?from=yesterday`);
    expect(bad.status).toBe(400);
    const pubs = (await s.api.call('GET', '/api/catalogs/alpha/publishers')).json() as {
      run: number;
      publishers: PublisherSummary[];
    };
    expect(pubs.run).toBe(second.id);
    expect(pubs.publishers.length).toBeGreaterThan(1);
    const scores = pubs.publishers.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(pubs.publishers.some((p) => p.trend.length === 2)).toBe(true);
    expect(pubs.publishers.every((p) => p.trend.at(-1) === p.score)).toBe(true);
    expect((await s.api.call('GET', '/api/catalogs/nope')).status).toBe(404);
    expect((await s.api.call('GET', '/api/catalogs/nope/history')).status).toBe(404);
    expect((await s.api.call('GET', '/api/catalogs/nope/publishers')).status).toBe(404);
  });

  it('adds a catalog with the admin key, refusing bad ones with why', async () => {
    const body = (value: object) => ({
      headers: { ...admin, ...json },
      body: JSON.stringify(value),
    });
    const entry = {
      id: 'hostile',
      source: HOSTILE,
      title: '<script>alert(0)</script>',
      cron: '0 4 * * 1',
    };
    const noKey = await s.api.call('POST', '/api/catalogs', {
      headers: json,
      body: JSON.stringify(entry),
    });
    expect(noKey.status).toBe(401);
    const added = await s.api.call('POST', '/api/catalogs', body(entry));
    expect(added.status).toBe(201);
    expect(added.headers.get('location')).toBe('/api/catalogs/hostile');
    expect(added.json()).toMatchObject({
      id: 'hostile',
      origin: 'api',
      schedule: { cron: '0 4 * * 1' },
    });
    expect((await s.api.call('POST', '/api/catalogs', body(entry))).status).toBe(409);
    const badOption = await s.api.call(
      'POST',
      '/api/catalogs',
      body({ id: 'x', source: HOSTILE, options: { 'page-size': 'ten' } }),
    );
    expect(badOption.status).toBe(400);
    expect((badOption.json() as { detail: string }).detail).toMatch(/page-size must be integer/);
    const relative = await s.api.call(
      'POST',
      '/api/catalogs',
      body({ id: 'y', source: 'data/x.ttl' }),
    );
    expect((relative.json() as { detail: string }).detail).toMatch(
      /neither a URL nor an absolute path/,
    );
    const badCron = await s.api.call(
      'POST',
      '/api/catalogs',
      body({ id: 'z', source: HOSTILE, cron: 'sometimes' }),
    );
    expect(badCron.status).toBe(400);
    expect((await s.api.call('POST', '/api/catalogs', body({ id: 'w' }))).status).toBe(400);
    expect((await runNow('hostile')).status).toBe('done');
  });

  it('records a run that fails with why, and keeps the catalog’s latest done run', async () => {
    const port = await freePort();
    const entry = { id: 'gone', source: `http://127.0.0.1:${port}`, options: { retries: 0 } };
    const res = await s.api.call('POST', '/api/catalogs', {
      headers: { ...admin, ...json },
      body: JSON.stringify(entry),
    });
    expect(res.status).toBe(201);
    const run = await runNow('gone');
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/127\.0\.0\.1/);
    expect(run.exitCode).toBe(3);
    const view = (await s.api.call('GET', '/api/catalogs/gone')).json() as CatalogView;
    expect(view.latest).toBeUndefined();
    expect(view.lastRun?.status).toBe('failed');
    const history = (await s.api.call('GET', '/api/catalogs/gone/history')).json() as {
      runs: RunSummary[];
    };
    expect(history.runs.map((r) => r.status)).toEqual(['failed']);
  });

  it('serves the pages, escaping everything from the documents and the catalogs', async () => {
    const list = await s.api.call('GET', '/catalogs');
    expect(list.text).toContain('Alpha &lt;b&gt;portal&lt;/b&gt;');
    expect(list.text).toContain('&lt;script&gt;alert(0)&lt;/script&gt;');
    expect(list.text).not.toMatch(/<script|<b>portal/);
    const page = await s.api.call('GET', '/catalogs/alpha');
    expect(page.text).toContain('id="score-history"');
    expect(page.text).toContain(`Compared with run ${first.id}.`);
    expect(page.text).toContain(`href="/runs/${second.id}/report"`);
    const hostile = (await s.api.call('GET', '/api/catalogs/hostile/publishers')).json() as {
      publishers: PublisherSummary[];
    };
    const publisher = hostile.publishers[0] as PublisherSummary;
    expect(publisher.name).toBe('<script>alert(3)</script> Agency');
    const pub = await s.api.call('GET', `/catalogs/hostile/publishers/${publisher.id}?page=1`);
    expect(pub.status).toBe(200);
    expect(pub.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(pub.text).toContain('&lt;script&gt;alert(3)&lt;/script&gt; Agency');
    expect(pub.text).not.toMatch(/<script|<img/);
    expect((await s.api.call('GET', '/catalogs/nope')).status).toBe(404);
    expect((await s.api.call('GET', '/catalogs/alpha/publishers/99999')).status).toBe(404);
  });

  it('exercised every dashboard operation, each as the document says', () => {
    const dashboard = new Set(dashboardOperations());
    expect(s.api.unexercised().filter((op) => dashboard.has(op))).toEqual([]);
    expect(s.api.problems).toEqual([]);
  });
});

describe('A server without an admin key, or with --read-key', () => {
  it('closes writes (403) when no admin key is set, and reads (401) without a key', async () => {
    const open = await startServer({ dataDir: path.join(dir, 'no-admin') });
    try {
      const res = await open.api.call('POST', '/api/catalogs', {
        headers: { ...json, authorization: 'Bearer anything' },
        body: JSON.stringify({ id: 'a', source: HOSTILE }),
      });
      expect(res.status).toBe(403);
      expect((res.json() as { detail: string }).detail).toMatch(/without DCAT_HARVEST_ADMIN_KEY/);
    } finally {
      await open.server.close();
    }
    const closed = await startServer({
      dataDir: path.join(dir, 'closed'),
      readKey: true,
      keys: { read: READ },
    });
    try {
      expect((await closed.api.call('GET', '/api/catalogs')).status).toBe(401);
      expect((await closed.api.call('GET', '/catalogs')).status).toBe(401);
      const ok = await closed.api.call('GET', '/api/catalogs', {
        headers: { authorization: `Bearer ${READ}` },
      });
      expect(ok.json()).toEqual([]);
      expect(closed.api.problems).toEqual([]);
    } finally {
      await closed.server.close();
    }
  });
});
