// Bundled JSON-LD contexts: a DCAT-US data.json reads offline in convert, validate and harvest; unknown remote contexts stay refused.
import { mkdtemp } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { harvest } from '../../src/fetch/harvest.js';
import { KNOWN_CONTEXTS, knownContext } from '../../src/rdf/known-contexts.js';
import { parseText } from '../../src/rdf/parse.js';
import { startServer, type TestServer } from '../fetch/server.js';
import { cli } from '../helpers/cli.js';

const DATA_JSON = path.resolve(import.meta.dirname, '../fixtures/dcat-us/data.json');
const DCAT = 'http://www.w3.org/ns/dcat#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the bundled contexts', () => {
  it('each loads and is a context document, found by every URL it lists', () => {
    for (const entry of KNOWN_CONTEXTS) {
      for (const url of entry.urls) {
        expect((knownContext(url) as { '@context'?: unknown })['@context'], url).toBeTypeOf(
          'object',
        );
      }
    }
    expect(knownContext('https://example.org/unknown.jsonld')).toBeUndefined();
  });

  it('reads a DCAT-US data.json as DCAT: catalog, datasets, distributions, agents', async () => {
    const { quads } = await parseText(await readFile(DATA_JSON, 'utf8'), {
      format: 'jsonld',
      source: DATA_JSON,
    });
    const typed = (type: string) =>
      quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type).length;
    expect([
      typed(`${DCAT}Catalog`),
      typed(`${DCAT}Dataset`),
      typed(`${DCAT}Distribution`),
    ]).toEqual([1, 2, 3]);
    const values = (p: string) =>
      quads
        .filter((q) => q.predicate.value === p)
        .map((q) => q.object.value)
        .sort();
    expect(values(`${DCAT}dataset`)).toHaveLength(2);
    expect(values(`${DCAT}downloadURL`)).toEqual([
      'https://data.example.gov/files/bridge-inspections-2024.csv',
      'https://data.example.gov/files/libraries.geojson',
    ]);
    expect(values('http://purl.org/dc/terms/license')).toEqual([
      'https://creativecommons.org/publicdomain/zero/1.0/',
    ]);
    expect(values('http://www.w3.org/2006/vcard/ns#hasEmail')).toEqual([
      'mailto:bridges@example.gov',
      'mailto:library@example.gov',
    ]);
    expect(values('https://project-open-data.cio.gov/v1.1/schema#accessLevel')).toEqual([
      'public',
      'public',
    ]);
  });

  it('leaves other remote contexts refused, naming the URL and what to do', async () => {
    const doc = JSON.stringify({ '@context': 'https://example.org/ctx.jsonld', '@id': 'http://a' });
    const error = await parseText(doc, { format: 'jsonld' }).then(
      () => undefined,
      (e: unknown) => e as Error & { code: string },
    );
    expect(error?.code).toBe('DH_REMOTE_CONTEXT');
    expect(error?.message).toContain('https://example.org/ctx.jsonld');
  });
});

describe('a DCAT-US data.json, offline', () => {
  it('converts to N-Triples', async () => {
    const result = await cli(['convert', DATA_JSON, '--to', 'nt']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`<${RDF_TYPE}> <${DCAT}Dataset> .`);
    expect(result.stdout.trim().split('\n').length).toBeGreaterThan(50);
  });

  it('validates: catalog and both datasets are records', async () => {
    const result = await cli(['validate', DATA_JSON, '--report', 'json', '--fail-on', 'never']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { summary: { records: number } };
    expect(report.summary.records).toBe(3);
  });

  it('harvests from a URL answering application/json', async () => {
    const body = await readFile(DATA_JSON);
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    const out = await mkdtemp(path.join(os.tmpdir(), 'harvest-dcat-us-'));
    const summary = await harvest(`${server.url}/data.json`, { out, http: { retries: 0 } });
    expect(summary.exitCode).toBe(0);
    expect(summary.manifest.pages[0]).toMatchObject({ format: 'jsonld', records: 2, datasets: 2 });
    expect(summary.manifest.pages[0]?.error).toBeUndefined();
  });
});
