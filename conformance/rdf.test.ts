// Conformance of the RDF layer: udata's six serializations of one page and every official DCAT-AP example.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFromPath } from '../src/rdf/formats.js';
import { parseText } from '../src/rdf/parse.js';
import { canonical, merged } from '../test/rdf/canonical.js';
import { cli } from '../test/helpers/cli.js';
import { dataPath } from './data.js';

const PAGE = 'synthetic-udata-site-catalog-page2';
const page = (ext: string) => dataPath('udata', 'synthetic-page', `${PAGE}.${ext}`);

/** The three official examples that are not valid Turtle (see reference/dcat-ap.md). */
const INVALID = new Set([
  '3.0.1/examples/example-bee-population-dataset-series-api.ttl',
  '3.0.1/examples/example-bee-population-dataset-series-combined.ttl',
  '3.0.0-hvd/examples/example-bees_wasps_dataset.ttl',
]);

/** Canonical lines with the page's own extension in its paging URLs (catalog.ttl?…) neutralized. */
async function pageGraph(quads: Parameters<typeof canonical>[0]): Promise<string> {
  const lines = (await canonical(merged(quads))).split('\n');
  return lines
    .map((l) => l.replace(/catalog\.[a-z0-9.]+\?/g, 'catalog.EXT?'))
    .sort()
    .join('\n');
}

async function parseFile(file: string, contexts?: Record<string, unknown>) {
  const format = formatFromPath(file.replace(/\.rdf\.xml$/, '.rdf'))?.id;
  if (!format) throw new Error(`no format for ${file}`);
  return parseText(await readFile(file, 'utf8'), { format, source: file, contexts });
}

describe('the udata synthetic page', () => {
  it('gives the same 150 triples in Turtle, N-Triples, N3, RDF/XML and TriG', async () => {
    const reference = await pageGraph((await parseFile(page('ttl'))).quads);
    expect(reference.split('\n')).toHaveLength(150);
    for (const ext of ['nt', 'n3', 'rdf.xml', 'trig']) {
      const { quads } = await parseFile(page(ext));
      expect(await pageGraph(quads), ext).toBe(reference);
    }
  });

  it('puts TriG triples in a graph named by a blank node', async () => {
    const { quads } = await parseFile(page('trig'));
    expect(new Set(quads.map((q) => q.graph.termType))).toEqual(new Set(['BlankNode']));
  });

  it('gives 143 triples in JSON-LD', async () => {
    const { quads } = await parseFile(page('jsonld'));
    expect((await canonical(quads)).split('\n')).toHaveLength(143);
  });
});

async function examples(): Promise<string[]> {
  const out: string[] = [];
  for (const version of await readdir(dataPath('dcat-ap'))) {
    const dir = dataPath('dcat-ap', version, 'examples');
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const f of files) if (f !== 'context.jsonld') out.push(`${version}/examples/${f}`);
  }
  return out.sort();
}

/** The remote context URL of a JSON-LD example mapped to the local copy. */
async function contextsFor(file: string): Promise<Record<string, unknown> | undefined> {
  const document = JSON.parse(await readFile(file, 'utf8')) as { '@context'?: unknown };
  if (typeof document['@context'] !== 'string') return undefined;
  const local = dataPath('dcat-ap', '3.0.1', 'examples', 'context.jsonld');
  return { [document['@context']]: JSON.parse(await readFile(local, 'utf8')) as unknown };
}

describe('the official DCAT-AP examples', () => {
  it('all parse, except the three known-invalid Turtle files', async () => {
    const all = await examples();
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const name of all) {
      if (INVALID.has(name)) continue;
      const file = dataPath('dcat-ap', name);
      const contexts = name.endsWith('.jsonld') ? await contextsFor(file) : undefined;
      const { quads } = await parseFile(file, contexts);
      expect(quads.length, name).toBeGreaterThan(0);
    }
  });

  for (const name of INVALID) {
    it(`${name} fails with line:column and converts with --lenient`, async () => {
      const file = dataPath('dcat-ap', name);
      const strict = await cli(['convert', file, '--to', 'nt']);
      expect(strict.code).toBe(3);
      expect(strict.stderr).toMatch(new RegExp(`${path.basename(file)}:\\d+:\\d+: invalid Turtle`));
      const lenient = await cli(['convert', file, '--to', 'nt', '--lenient']);
      expect(lenient.code).toBe(0);
      expect(lenient.stderr).toMatch(/skipped \d+ bad statement/);
      expect(lenient.stdout.split('\n').length).toBeGreaterThan(10);
    });
  }
});
