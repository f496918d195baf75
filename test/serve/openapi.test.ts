// The OpenAPI document is valid 3.1, names every route, and every operation answers as it says.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/serve/openapi.js';
import { dashboardOperations } from '../../src/serve/openapi-dashboard.js';
import { startServer, type Started } from './serve-helper.js';

const CATALOG = path.resolve(import.meta.dirname, '../fixtures/audit/catalog.ttl');
let s: Started;

beforeAll(async () => {
  s = await startServer({ jobAboveMb: 0.002 }); // 2,097 bytes: the catalog (2,091) is not a job
});
afterAll(async () => {
  await s.server.close();
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(openApiDocument());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('names every route the server has, and the server has every route it names', () => {
    const routes = new Set(s.server.routes.map((r) => r.replace(/:(\w+)/g, '{$1}')));
    const documented = new Set<string>();
    for (const [route, item] of Object.entries(openApiDocument().paths as Record<string, object>))
      for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${route}`);
    expect([...routes].sort()).toEqual([...documented].sort());
  });

  it('holds for one request to each operation, checked against it', async () => {
    const catalog = await readFile(CATALOG);
    const turtle = { 'content-type': 'text/turtle' };
    await s.api.call('GET', '/');
    await s.api.call('GET', '/assets/style.css');
    await s.api.call('GET', '/api/openapi.json');
    await s.api.call('GET', '/api/profiles');
    for (const accept of ['application/json', 'text/turtle', 'application/ld+json', 'text/csv'])
      for (const route of ['/api/validate', '/api/audit'])
        expect(
          (await s.api.call('POST', route, { headers: { ...turtle, accept }, body: catalog }))
            .status,
        ).toBe(200);
    const data = new FormData();
    data.append('file', new Blob([catalog]), 'catalog.ttl');
    const page = await s.api.call('POST', '/validator', { body: data });
    const link = /href="(\/results\/[^"]+\/audit\.json)"/.exec(page.text)?.[1];
    expect(link).toBeDefined();
    expect((await s.api.call('GET', link!)).status).toBe(200);
    const padded = Buffer.concat([catalog, Buffer.from('# a larger document\n'.repeat(20))]);
    const accepted = await s.api.call('POST', '/api/validate', { headers: turtle, body: padded });
    expect(accepted.status).toBe(202);
    const location = accepted.headers.get('location')!;
    while ((await s.api.call('GET', location)).status !== 303)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await s.api.call('GET', `${location}/report`)).status).toBe(200);
    // The dashboard's operations are exercised by catalogs-api.test.ts, on catalogs that ran.
    const dashboard = new Set(dashboardOperations());
    expect(s.api.unexercised().filter((op) => !dashboard.has(op))).toEqual([]);
    expect(s.api.problems).toEqual([]);
  });
});
