import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/fetch/harvest-folder.js';
import { openInputs, type InputDocument } from '../../src/input/open.js';
import { startServer, type TestServer } from '../fetch/server.js';

const TTL = '@prefix dct: <http://purl.org/dc/terms/> .\n<http://ex.org/d1> dct:title "One" .\n';
let dir: string;
let server: TestServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'open-'));
  await writeFile(path.join(dir, 'a.ttl'), TTL);
  await writeFile(
    path.join(dir, 'b.nt.gz'),
    zlib.gzipSync('<http://ex.org/s> <http://ex.org/p> "o" .\n'),
  );
  await writeFile(
    path.join(dir, 'noext'),
    '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
  );
  server = await startServer((req, res) => {
    if (req.url === '/missing') res.writeHead(404).end('gone');
    else res.writeHead(200, { 'content-type': 'application/x-turtle' }).end(TTL);
  });
});
afterAll(async () => server.close());

async function collect(inputs: string[], options = {}): Promise<InputDocument[]> {
  const out: InputDocument[] = [];
  for await (const doc of openInputs(inputs, { cwd: dir, ...options })) out.push(doc);
  return out;
}

describe('openInputs', () => {
  it('opens a Turtle file by its extension', async () => {
    const [doc] = await collect(['a.ttl']);
    expect(doc?.format).toBe('turtle');
    expect(await doc?.text()).toBe(TTL);
  });

  it('gunzips a .gz file and takes the format from the inner extension', async () => {
    const [doc] = await collect(['b.nt.gz']);
    expect(doc?.format).toBe('ntriples');
    expect(await doc?.text()).toContain('<http://ex.org/s>');
  });

  it('sniffs the content when there is no extension', async () => {
    const [doc] = await collect(['noext']);
    expect(doc?.format).toBe('rdfxml');
  });

  it('reads stdin for -', async () => {
    const [doc] = await collect(['-'], { stdin: Readable.from([TTL]) });
    expect(doc?.source).toBe('<stdin>');
    expect(doc?.format).toBe('turtle');
  });

  it('fetches a URL and takes the format from udata’s application/x-turtle', async () => {
    const [doc] = await collect([server.url + '/api/1/site/catalog']);
    expect(doc?.format).toBe('turtle');
    expect(await doc?.text()).toBe(TTL);
  });

  it('fails on a URL answering 404, naming it', async () => {
    await expect(collect([server.url + '/missing'])).rejects.toThrow(/\/missing: HTTP 404/);
  });

  it('fails on a missing file with a hint', async () => {
    await expect(collect(['nope.ttl'])).rejects.toThrow(/nope.ttl: no such file/);
  });

  it('reads a harvest folder page by page, skipping unparsable pages', async () => {
    const folder = path.join(dir, 'harvest');
    await mkdir(folder);
    await writeAtomic(path.join(folder, 'pages', '000001.ttl'), TTL);
    await writeAtomic(path.join(folder, 'pages', '000002.ttl'), 'broken <');
    await writeAtomic(path.join(folder, 'pages', '000003.ttl'), TTL);
    const page = (id: string, index: number, error?: object) => ({
      id,
      index,
      url: `http://x/${index}`,
      file: `pages/${id}.ttl`,
      format: 'turtle',
      attempts: 1,
      timeMs: 1,
      error,
    });
    await writeFile(
      path.join(folder, 'manifest.json'),
      JSON.stringify({
        pages: [
          page('000003', 3),
          page('000001', 1),
          page('000002', 2, { kind: 'parse', message: 'x' }),
        ],
      }),
    );
    const docs = await collect(['harvest']);
    expect(docs.map((d) => d.source)).toEqual([
      path.join('harvest', 'pages', '000001.ttl'),
      path.join('harvest', 'pages', '000003.ttl'),
    ]);
  });

  it('reads the RDF files of a plain folder, subfolders too, in name order', async () => {
    await mkdir(path.join(dir, 'plain', 'sub'), { recursive: true });
    await mkdir(path.join(dir, 'plain', '.git'));
    await writeFile(path.join(dir, 'plain', 'b.ttl'), '<a:b> <a:c> <a:d> .');
    await writeFile(path.join(dir, 'plain', 'a.nt'), '<a:b> <a:c> <a:e> .');
    await writeFile(path.join(dir, 'plain', 'sub', 'c.jsonld'), '{}');
    await writeFile(path.join(dir, 'plain', 'notes.txt'), 'not RDF');
    await writeFile(path.join(dir, 'plain', '.git', 'x.ttl'), 'hidden');
    const docs = await collect(['plain']);
    expect(docs.map((d) => [d.source, d.format])).toEqual([
      [path.join('plain', 'a.nt'), 'ntriples'],
      [path.join('plain', 'b.ttl'), 'turtle'],
      [path.join('plain', 'sub', 'c.jsonld'), 'jsonld'],
    ]);
  });

  it('refuses a folder with no RDF file, saying what it takes', async () => {
    await mkdir(path.join(dir, 'empty'));
    await writeFile(path.join(dir, 'empty', 'notes.txt'), 'not RDF');
    await expect(collect(['empty'])).rejects.toThrow(/no RDF file and no harvest manifest/);
  });
});
