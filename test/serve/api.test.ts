// The REST API on a real loopback server: the CLI's findings, every format, and each refusal.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startServer, type Started } from './serve-helper.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/audit');
const TURTLE: Record<string, string> = {
  'content-type': 'text/turtle',
  'content-disposition': 'attachment; filename="catalog.ttl"',
};
let s: Started;
let catalog: Buffer;

beforeAll(async () => {
  catalog = await readFile(path.join(FIXTURES, 'catalog.ttl'));
  s = await startServer();
});
afterAll(async () => {
  expect(s.api.problems).toEqual([]);
  await s.server.close();
});

const post = (route: string, accept: string | undefined, body: string | Buffer, headers = TURTLE) =>
  s.api.call('POST', route, { headers: { ...headers, ...(accept ? { accept } : {}) }, body });

describe('POST /api/validate', () => {
  it('answers the JSON report the CLI writes for the same file', async () => {
    const api = await post('/api/validate', undefined, catalog);
    expect(api.status).toBe(200);
    expect(api.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const local = await cli(['validate', 'catalog.ttl', '--report', 'json'], { cwd: FIXTURES });
    expect(local.code).toBe(1);
    expect(api.json()).toEqual(JSON.parse(local.stdout));
    expect(
      (api.json() as { summary: { counts: { violation: number } } }).summary.counts.violation,
    ).toBeGreaterThan(0);
  });

  it('follows Accept: SARIF, SHACL Turtle and JSON-LD, CSV, JUnit, Markdown, text, HTML', async () => {
    const sarif = await post('/api/validate', 'application/sarif+json', catalog);
    expect((sarif.json() as { version: string }).version).toBe('2.1.0');
    const turtle = await post('/api/validate', 'text/turtle', catalog);
    const quads = new Parser().parse(turtle.text);
    expect(
      quads.some((q) => q.object.value === 'http://www.w3.org/ns/shacl#ValidationReport'),
    ).toBe(true);
    const jsonld = await post('/api/validate', 'application/ld+json', catalog);
    expect(jsonld.text).toContain('ValidationReport');
    const csv = await post('/api/validate', 'text/csv', catalog);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\n')[0]).toMatch(/severity/i);
    const junit = await post('/api/validate', 'application/xml', catalog);
    expect(new XMLParser().parse(junit.text)).toHaveProperty('testsuites');
    const markdown = await post('/api/validate', 'text/markdown', catalog);
    expect(markdown.text).toMatch(/^#/m);
    const text = await post('/api/validate', 'text/plain', catalog);
    const local = await cli(['validate', 'catalog.ttl'], { cwd: FIXTURES });
    expect(text.text).toBe(local.stdout);
    const html = await post('/api/validate', 'text/html', catalog);
    expect(html.text).toContain('Validation against dcat-ap-3 (full)');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('takes gzip by magic number and by Content-Encoding, with the same findings', async () => {
    const plain = (await post('/api/validate', undefined, catalog)).json();
    const magic = await post('/api/validate', undefined, gzipSync(catalog), {
      ...TURTLE,
      'content-type': 'application/gzip',
    });
    expect(magic.json()).toEqual(plain);
    const encoded = await post('/api/validate', undefined, gzipSync(catalog), {
      ...TURTLE,
      'content-encoding': 'gzip',
    });
    expect(encoded.json()).toEqual(plain);
  });

  it('validates against the profile and level of the query', async () => {
    const r = await s.api.call('POST', '/api/validate?profile=dcat-ap-2&level=base', {
      headers: TURTLE,
      body: catalog,
    });
    expect((r.json() as { shapes: string }).shapes).toBe('dcat-ap-2 (base)');
  });

  it('answers 422 with line and column for unparsable RDF', async () => {
    const broken = '@prefix ex: <http://example.org/> .\nex:a ex:b "x" .\nex:c ex:d ex:e ex:f .\n';
    const r = await post('/api/validate', undefined, broken);
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.json()).toMatchObject({
      status: 422,
      source: 'catalog.ttl',
      line: 3,
      title: 'Unparsable RDF',
    });
    expect((r.json() as { column: number }).column).toBeGreaterThan(0);
  });

  it('answers 400 for an unknown profile or level, naming the known ones', async () => {
    const r = await s.api.call('POST', '/api/validate?profile=dcat-ap-9', {
      headers: TURTLE,
      body: catalog,
    });
    expect(r.status).toBe(400);
    expect((r.json() as { detail: string; hint: string }).detail).toContain(
      'unknown profile "dcat-ap-9"',
    );
    expect((r.json() as { hint: string }).hint).toContain('dcat-ap-3');
    const level = await s.api.call('POST', '/api/validate?level=nope', {
      headers: TURTLE,
      body: catalog,
    });
    expect(level.status).toBe(400);
    const json = await post(
      '/api/validate',
      undefined,
      JSON.stringify({ url: 'https://example.org/', profile: 'x' }),
      {
        'content-type': 'application/json',
      },
    );
    expect(json.status).toBe(400);
  });

  it('answers 400 for JSON that does not fit the schema, 406 for an unknown Accept, 415 for an unknown type', async () => {
    const extra = await post(
      '/api/validate',
      undefined,
      JSON.stringify({ url: 'https://example.org/', x: 1 }),
      {
        'content-type': 'application/json',
      },
    );
    expect(extra.status).toBe(400);
    const ftp = await post(
      '/api/validate',
      undefined,
      JSON.stringify({ url: 'ftp://example.org/a.ttl' }),
      {
        'content-type': 'application/json',
      },
    );
    expect(ftp.status).toBe(400);
    const notAcceptable = await post('/api/validate', 'image/png', catalog);
    expect(notAcceptable.status).toBe(406);
    expect((notAcceptable.json() as { detail: string }).detail).toContain('application/sarif+json');
    const image = await post('/api/validate', undefined, Buffer.from('GIF89a'), {
      ...TURTLE,
      'content-type': 'image/gif',
    });
    expect(image.status).toBe(415);
    const unknown = await post('/api/validate', undefined, Buffer.from('just words'), {
      'content-type': 'application/octet-stream',
    });
    expect(unknown.status).toBe(415);
    expect((unknown.json() as { hint: string }).hint).toMatch(/Content-Type/);
  });
});

describe('POST /api/audit', () => {
  it('answers the JSON report the CLI writes for the same file', async () => {
    const api = await post('/api/audit', 'application/json', catalog);
    expect(api.status).toBe(200);
    const local = await cli(['audit', 'catalog.ttl', '--report', 'json'], { cwd: FIXTURES });
    expect(local.code).toBe(0);
    expect(api.json()).toEqual(JSON.parse(local.stdout));
  });

  it('follows Accept: CSV, Markdown, DQV Turtle and JSON-LD, text; 406 for SARIF', async () => {
    const csv = await post('/api/audit', 'text/csv', catalog);
    const local = await cli(['audit', 'catalog.ttl', '--report', 'csv'], { cwd: FIXTURES });
    expect(csv.text).toBe(local.stdout);
    const dqv = await post('/api/audit', 'text/turtle', catalog);
    expect(new Parser().parse(dqv.text).length).toBeGreaterThan(10);
    const jsonld = await post('/api/audit', 'application/ld+json', catalog);
    expect(() => JSON.parse(jsonld.text) as unknown).not.toThrow();
    const md = await post('/api/audit', 'text/markdown', catalog);
    expect(md.text).toContain('MQA');
    const text = await post('/api/audit', 'text/plain', catalog);
    expect(text.text).toContain('Catalog score');
    const html = await post('/api/audit', 'text/html', catalog);
    expect(html.text).toContain('Quality score (MQA)');
    const sarif = await post('/api/audit', 'application/sarif+json', catalog);
    expect(sarif.status).toBe(406);
  });
});

describe('GET /api/profiles and /api/openapi.json', () => {
  it('lists the bundled profiles with their levels', async () => {
    const r = await s.api.call('GET', '/api/profiles');
    const ids = (r.json() as { id: string; levels: string[] }[]).map((p) => p.id);
    expect(ids).toContain('dcat-ap-3');
  });

  it('serves the OpenAPI 3.1 document', async () => {
    const r = await s.api.call('GET', '/api/openapi.json');
    expect((r.json() as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const r = await fetch(new URL('/api/nothing', s.base));
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
