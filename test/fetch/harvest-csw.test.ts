// Harvesting the sample portal's GeoNetwork-like CSW endpoint: paging, GET and POST, both schemas, faults, exceptions, resume.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { harvest, type HarvestOptions } from '../../src/fetch/harvest.js';
import { parseText } from '../../src/rdf/parse.js';
import { datasetHeader } from '../../src/sample-portal/catalog.js';
import { datasetIri } from '../../src/sample-portal/dataset-graph.js';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import { cli } from '../helpers/cli.js';

const http = { backoff: { baseMs: 5, maxMs: 50 }, retries: 3, maxRetryAfterMs: 50 };
const DCAT_DATASET = 'http://www.w3.org/ns/dcat#Dataset';

function portalDatasets(portal: SamplePortal): Set<string> {
  const site = { base: portal.url, title: portal.settings.title };
  const config = portal.settings.catalog;
  return new Set(
    Array.from({ length: config.datasets }, (_, i) => datasetIri(site, datasetHeader(config, i))),
  );
}

/** The dcat:Dataset nodes of every stored page of a harvest folder (CSW responses). */
async function folderDatasets(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const name of await readdir(path.join(dir, 'pages'))) {
    if (name.includes('.exception.')) continue;
    const text = await readFile(path.join(dir, 'pages', name), 'utf8');
    for (const q of (await parseText(text, { format: 'rdfxml', repair: true })).quads)
      if (q.object.value === DCAT_DATASET) out.add(q.subject.value);
  }
  return out;
}

async function harvestCsw(
  faults: string,
  source: (url: string) => string,
  options: Partial<HarvestOptions> = {},
  datasets = 230,
) {
  const portal = await startSamplePortal({ datasets, seed: 7, faults });
  try {
    const out = await mkdtemp(path.join(os.tmpdir(), 'harvest-csw-'));
    const summary = await harvest(source(portal.url), { out, http, pageSize: 50, ...options });
    return { summary, manifest: summary.manifest, out, expected: portalDatasets(portal), portal };
  } finally {
    await portal.close();
  }
}

const csw = (url: string) => `csw+${url}/geonetwork/srv/eng/csw`;

describe('harvest of a CSW endpoint', () => {
  it('pages by startPosition, concurrently, and gets every record (GET, DCAT)', async () => {
    const { summary, manifest, out, expected } = await harvestCsw('', csw);
    expect(summary.exitCode).toBe(0);
    expect(manifest.mode).toBe('csw');
    expect(manifest.csw).toMatchObject({
      method: 'GET',
      outputSchema: 'http://www.w3.org/ns/dcat#',
      maxRecords: 50,
      capabilities: 'capabilities.xml',
    });
    expect(manifest.csw?.offered).toContain('http://data.europa.eu/930/');
    expect(manifest.pages.map((p) => p.startPosition)).toEqual([1, 51, 101, 151, 201]);
    expect(manifest.pages.every((p) => p.file?.endsWith('.xml') && p.totalItems === 230)).toBe(
      true,
    );
    expect(manifest.completeness).toMatchObject({
      complete: true,
      totalItems: 230,
      pagesExpected: 5,
    });
    expect(manifest.completeness?.records).toBeGreaterThanOrEqual(230);
    expect(await folderDatasets(out)).toEqual(expected);
    expect(await readFile(path.join(out, 'capabilities.xml'), 'utf8')).toContain(
      'csw:Capabilities',
    );
  });

  it('asks by POST with the GeoDCAT-AP schema (one rdf:RDF per record) and a CQL filter', async () => {
    const all = await harvestCsw('', csw, {
      csw: { method: 'POST', outputSchema: 'http://data.europa.eu/930/' },
    });
    expect(all.summary.exitCode).toBe(0);
    expect(all.manifest.pages[0]?.post).toContain('outputSchema="http://data.europa.eu/930/"');
    expect(all.manifest.pages[1]?.post).toContain('startPosition="51"');
    expect(await folderDatasets(all.out)).toEqual(all.expected);
    const filtered = await harvestCsw('', csw, {
      csw: { method: 'POST', constraint: "AnyText like '%donnees%'" },
    });
    expect(filtered.summary.exitCode).toBe(0);
    const matched = filtered.manifest.completeness?.totalItems ?? 0;
    expect(matched).toBeLessThan(230);
    expect((await folderDatasets(filtered.out)).size).toBe(matched);
  });

  it('with faults (5xx, 429, resets, truncation, gzip) equals the ground truth', async () => {
    const { summary, manifest, out, expected } = await harvestCsw(
      '5xx=p2,429=p3x2,reset=p4,truncate=p5,gzip',
      csw,
    );
    expect(summary.exitCode).toBe(0);
    expect(manifest.completeness?.complete).toBe(true);
    expect(manifest.pages.reduce((n, p) => n + p.attempts, 0)).toBeGreaterThan(5);
    expect(await folderDatasets(out)).toEqual(expected);
  });

  it('keeps a malformed page as received, says which, and resumes the rest', async () => {
    const first = await harvestCsw('malformed=p3', csw);
    expect(first.summary.exitCode).toBe(3);
    expect(first.manifest.completeness?.unparsablePages).toEqual(['000003']);
    expect(first.manifest.pages[2]?.error?.kind).toBe('parse');
  });

  it('makes an exception report a page error with its text', async () => {
    const { summary, manifest, out } = await harvestCsw('', csw, {
      csw: { constraint: 'title = 1' },
    });
    expect(summary.exitCode).toBe(3);
    expect(manifest.pages[0]?.error).toMatchObject({ kind: 'exception' });
    expect(manifest.pages[0]?.error?.message).toContain(
      'InvalidParameterValue (constraint): CQL not understood: title = 1',
    );
    expect(manifest.completeness?.complete).toBe(false);
    expect(manifest.completeness?.missingPages).toHaveLength(1);
    const stored = await readFile(path.join(out, 'pages', '000001.exception.xml'), 'utf8');
    expect(stored).toContain('ows:ExceptionReport');
  });

  it('reads the endpoint from a ?service=CSW URL, and resumes only what is missing', async () => {
    const portal = await startSamplePortal({ datasets: 120, seed: 7, faults: '5xx=p2x*' });
    const out = await mkdtemp(path.join(os.tmpdir(), 'harvest-csw-'));
    try {
      const source = `${portal.url}/geonetwork/srv/eng/csw?service=CSW&request=GetCapabilities`;
      const first = await harvest(source, { out, http: { ...http, retries: 1 }, pageSize: 50 });
      expect(first.exitCode).toBe(3);
      expect(first.manifest.completeness?.missingPages).toHaveLength(1);
    } finally {
      await portal.close();
    }
    const healed = await startSamplePortal({ datasets: 120, seed: 7, port: portal.port });
    try {
      const source = `${healed.url}/geonetwork/srv/eng/csw?service=CSW&request=GetCapabilities`;
      const second = await harvest(source, { out, http, pageSize: 50, resume: true });
      expect(second.exitCode).toBe(0);
      expect(second.manifest.pages.map((p) => p.id)).toEqual(['000001', '000002', '000003']);
      expect(healed.stats().requests).toBe(1);
      expect(await folderDatasets(out)).toEqual(portalDatasets(healed));
    } finally {
      await healed.close();
      await rm(out, { recursive: true, force: true });
    }
  });

  it('recognizes a CSW service by its capabilities at a URL that does not say CSW', async () => {
    const { summary, manifest, out, expected } = await harvestCsw(
      '',
      (url) => `${url}/geonetwork/srv/eng/csw-inspire`,
    );
    expect(summary.exitCode).toBe(0);
    expect(manifest.mode).toBe('csw');
    expect(manifest.csw?.endpoint).toMatch(/\/csw-inspire$/);
    expect(manifest.pages).toHaveLength(5);
    expect(await folderDatasets(out)).toEqual(expected);
  });

  it('is what the harvest command does with --csw-method and --csw-schema', async () => {
    const portal = await startSamplePortal({ datasets: 60, seed: 7 });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'harvest-csw-cli-'));
    try {
      const result = await cli([
        'harvest',
        csw(portal.url),
        '-o',
        path.join(dir, 'out'),
        '--page-size',
        '25',
        '--csw-method',
        'post',
        '--csw-schema',
        'geodcat',
        '--no-progress',
      ]);
      expect(result.code).toBe(0);
      const manifest = JSON.parse(
        await readFile(path.join(dir, 'out', 'manifest.json'), 'utf8'),
      ) as { csw: { method: string; outputSchema: string }; pages: unknown[] };
      expect(manifest.csw).toMatchObject({
        method: 'POST',
        outputSchema: 'http://data.europa.eu/930/',
      });
      expect(manifest.pages).toHaveLength(3);
      const validated = await cli([
        'validate',
        path.join(dir, 'out'),
        '--report',
        'json',
        '--fail-on',
        'never',
      ]);
      expect(validated.code).toBe(0);
      expect(
        (JSON.parse(validated.stdout) as { summary: { records: number } }).summary.records,
      ).toBeGreaterThanOrEqual(60);
      expect((await cli(['harvest', csw(portal.url), '--csw-schema', 'x y'])).code).toBe(2);
    } finally {
      await portal.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
