// Large documents as jobs: 202 and a status resource that ends with the report, or says why it failed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/serve/jobs.js';
import type { Submission } from '../../src/serve/submissions.js';
import { cli } from '../helpers/cli.js';
import { startServer, type Started } from './serve-helper.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/audit');
const TURTLE = {
  'content-type': 'text/turtle',
  'content-disposition': 'attachment; filename="catalog.ttl"',
};

describe('JobQueue', () => {
  const submission = (name: string) => ({ id: name, name, bytes: 1 }) as Submission;

  it('runs jobs one at a time in order, keeps why one failed, forgets them after their time', async () => {
    let now = 0;
    const order: string[] = [];
    const forgotten: string[] = [];
    const queue = new JobQueue<string>(
      async (job) => {
        order.push(job.submission.name);
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (job.submission.name === 'bad')
          throw Object.assign(new Error('nope'), { statusCode: 415 });
        return `report of ${job.submission.name}`;
      },
      async (job) => {
        forgotten.push(job.submission.name);
      },
      { ttlMs: 1000, now: () => now },
    );
    const a = queue.add('validate', submission('a'), {});
    const bad = queue.add('audit', submission('bad'), {});
    const c = queue.add('validate', submission('c'), {});
    expect(a.view.status).toBe('running');
    expect(queue.get(c.view.id)?.view.ahead).toBe(1);
    await expect.poll(() => c.view.status).toBe('done');
    expect(order).toEqual(['a', 'bad', 'c']);
    expect(a.result).toBe('report of a');
    expect(bad.view).toMatchObject({ status: 'failed', error: { status: 415, detail: 'nope' } });
    now = 2000;
    await queue.sweep();
    expect(forgotten.sort()).toEqual(['a', 'bad', 'c']);
    expect(queue.get(a.view.id)).toBeUndefined();
  });
});

describe('documents above --job-above-mb', () => {
  let s: Started;
  let catalog: Buffer;
  beforeAll(async () => {
    catalog = await readFile(path.join(FIXTURES, 'catalog.ttl'));
    s = await startServer({ jobAboveMb: 0.001 }); // 1,048 bytes: the catalog is a job
  });
  afterAll(async () => {
    expect(s.api.problems).toEqual([]);
    await s.server.close();
  });

  /** Polls the job until it ends: the 303's Location, or the failed job. */
  async function finish(location: string) {
    for (;;) {
      const r = await s.api.call('GET', location);
      if (r.status === 303) return { report: r.headers.get('location')!, job: r.json() };
      const job = r.json() as { status: string };
      if (job.status === 'failed') return { job };
      expect(r.headers.get('retry-after')).toBe('2');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('answers 202 with Location, then the report the CLI writes', async () => {
    const r = await s.api.call('POST', '/api/validate', { headers: TURTLE, body: catalog });
    expect(r.status).toBe(202);
    const location = r.headers.get('location')!;
    expect(location).toMatch(/^\/api\/jobs\/[0-9a-f-]{36}$/);
    expect(r.json()).toMatchObject({
      kind: 'validate',
      document: { name: 'catalog.ttl', bytes: 2091 },
    });
    const { report } = await finish(location);
    expect(report).toBe(`${location}/report`);
    const json = await s.api.call('GET', report!);
    const local = await cli(['validate', 'catalog.ttl', '--report', 'json'], { cwd: FIXTURES });
    expect(json.json()).toEqual(JSON.parse(local.stdout));
    const sarif = await s.api.call('GET', report!, {
      headers: { accept: 'application/sarif+json' },
    });
    expect((sarif.json() as { version: string }).version).toBe('2.1.0');
  });

  it('runs audits as jobs too', async () => {
    const r = await s.api.call('POST', '/api/audit', { headers: TURTLE, body: catalog });
    expect(r.status).toBe(202);
    const { report } = await finish(r.headers.get('location')!);
    const csv = await s.api.call('GET', report!, { headers: { accept: 'text/csv' } });
    const local = await cli(['audit', 'catalog.ttl', '--report', 'csv'], { cwd: FIXTURES });
    expect(csv.text).toBe(local.stdout);
  });

  it('shows why a job failed: unparsable RDF with its line and column', async () => {
    const broken = Buffer.concat([catalog, Buffer.from('\nex:x ex:y ex:z ex:w .\n')]);
    const r = await s.api.call('POST', '/api/validate', { headers: TURTLE, body: broken });
    expect(r.status).toBe(202);
    const { job, report } = await finish(r.headers.get('location')!);
    expect(report).toBeUndefined();
    const line = catalog.toString('utf8').split('\n').length + 1; // the line added
    expect(job).toMatchObject({
      status: 'failed',
      error: { status: 422, line, source: 'catalog.ttl' },
    });
    const none = await s.api.call('GET', `${r.headers.get('location')!}/report`);
    expect(none.status).toBe(409);
  });

  it('answers 404 for an unknown job', async () => {
    const r = await s.api.call('GET', '/api/jobs/00000000-0000-4000-8000-000000000000');
    expect(r.status).toBe(404);
  });
});
