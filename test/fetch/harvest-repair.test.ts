// A harvested page with IRIs invalid only by spaces: parsed with repair, each repair a line of its manifest entry, counted in run's report.
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { harvest } from '../../src/fetch/harvest.js';
import { runPipeline } from '../../src/run/run.js';
import { startServer, type TestServer } from './server.js';
import { cli } from '../helpers/cli.js';

const RECORD = path.resolve(import.meta.dirname, '../fixtures/iri-repair/geonetwork-record.rdf');
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serveRecord(): Promise<TestServer> {
  const body = await readFile(RECORD);
  return startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rdf+xml' });
    res.end(body);
  });
}

describe('harvest of a page with IRIs holding spaces', () => {
  it('keeps the page, lists each repair in its manifest entry and counts them', async () => {
    server = await serveRecord();
    const out = await mkdtemp(path.join(os.tmpdir(), 'harvest-repair-'));
    const summary = await harvest(`${server.url}/record.rdf`, { out, http: { retries: 0 } });
    expect(summary.exitCode).toBe(0);
    const [page] = summary.manifest.pages;
    expect(page).toMatchObject({ triples: 42, records: 1, datasets: 1, repaired: 5 });
    expect(page?.error).toBeUndefined();
    expect(page?.repairs?.[0]).toEqual({
      line: 14,
      column: expect.any(Number),
      original: 'https://geo.example.org/geonetwork/srv/resources/datasets/PLU zone 42',
      repaired: 'https://geo.example.org/geonetwork/srv/resources/datasets/PLU%20zone%2042',
    });
    expect(summary.manifest.completeness).toMatchObject({ complete: true, repairedIris: 5 });
    const written = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(written.pages[0].repairs).toHaveLength(5);

    const report = (await runPipeline(out, { out: path.join(out, 'run') })).report;
    expect(report.harvest.repairedIris).toBe(5);
    expect(report.harvest.records).toBe(1);
  });

  it('says so on the command line', async () => {
    server = await serveRecord();
    const out = await mkdtemp(path.join(os.tmpdir(), 'harvest-repair-'));
    const result = await cli(['harvest', `${server.url}/record.rdf`, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/repaired 5 invalid IRI\(s\) on 1 page\(s\)/);
    expect(result.stderr).toContain('pages/000001.rdf:14:');
  });
});
