// The convert command: format choice, files, stdin/stdout, gzip, contexts, errors and exit codes.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../../src/rdf/parse.js';
import { cli } from '../helpers/cli.js';
import { startServer } from '../fetch/server.js';
import { canonical } from './canonical.js';

const catalog = new URL('../fixtures/rdf/catalog.ttl', import.meta.url).pathname;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dh-convert-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectSameGraph(text: string, format: Parameters<typeof parseText>[1]['format']) {
  const original = await parseText(await readFile(catalog, 'utf8'), { format: 'turtle' });
  const back = await parseText(text, { format });
  expect(await canonical(back.quads)).toBe(await canonical(original.quads));
}

describe('convert', () => {
  it('takes an extension as --to and writes stdout', async () => {
    const result = await cli(['convert', catalog, '--to', 'nt']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('46 quads: turtle → ntriples');
    await expectSameGraph(result.stdout, 'ntriples');
  });

  it('picks the format from -o file.ext alone, and gzips .gz output', async () => {
    const out = path.join(dir, 'catalog.rdf.gz');
    const result = await cli(['convert', catalog, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    await expectSameGraph(gunzipSync(await readFile(out)).toString('utf8'), 'rdfxml');
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('reads stdin for - and writes stdout for -o -', async () => {
    const text = await readFile(catalog, 'utf8');
    const result = await cli(['convert', '-', '--to', 'jsonld', '-o', '-', '--quiet'], {
      stdin: text,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    await expectSameGraph(result.stdout, 'jsonld');
  });

  it('compacts JSON-LD with the bare context a harvest folder holds', async () => {
    const folder = path.join(dir, 'harvest');
    await mkdir(folder, { recursive: true });
    const context = { dcat: 'http://www.w3.org/ns/dcat#', title: 'http://purl.org/dc/terms/title' };
    await writeFile(path.join(folder, 'context.jsonld'), JSON.stringify(context));
    const result = await cli(['convert', catalog, '--to', 'json-ld', '--context', folder]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(document['@context']).toEqual(context);
    expect(result.stdout).toContain('"title": {');
    await expectSameGraph(result.stdout, 'jsonld');
  });

  it('compacts JSON-LD with a context fetched from a URL, and names the URL when it fails', async () => {
    const context = { dcat: 'http://www.w3.org/ns/dcat#', title: 'http://purl.org/dc/terms/title' };
    const server = await startServer((req, res) => {
      if (req.url === '/context.jsonld') {
        res.writeHead(200, { 'content-type': 'application/ld+json' });
        res.end(JSON.stringify(context));
      } else if (req.url === '/html') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>not a context</html>');
      } else {
        res.writeHead(404);
        res.end('no such context');
      }
    });
    try {
      const ok = await cli([
        'convert',
        catalog,
        '--to',
        'jsonld',
        '--context',
        `${server.url}/context.jsonld`,
      ]);
      expect(ok.code).toBe(0);
      expect((JSON.parse(ok.stdout) as Record<string, unknown>)['@context']).toEqual(context);
      expect(ok.stdout).toContain('"title": {');
      await expectSameGraph(ok.stdout, 'jsonld');
      const missing = await cli([
        'convert',
        catalog,
        '--to',
        'jsonld',
        '--context',
        `${server.url}/gone`,
      ]);
      expect(missing.code).toBe(3);
      expect(missing.stderr).toContain(`${server.url}/gone: HTTP 404`);
      const html = await cli([
        'convert',
        catalog,
        '--to',
        'jsonld',
        '--context',
        `${server.url}/html`,
      ]);
      expect(html.code).toBe(3);
      expect(html.stderr).toContain('the answer is not JSON');
    } finally {
      await server.close();
    }
  });

  it('fails with exit 2 without an output format, or with an unknown one', async () => {
    const none = await cli(['convert', catalog]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--to <format>');
    const unknown = await cli(['convert', catalog, '--to', 'yaml']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--to: unknown RDF format "yaml"');
  });

  it('fails with exit 3 on a missing file', async () => {
    const result = await cli(['convert', path.join(dir, 'nope.ttl'), '--to', 'nt']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('nope.ttl: cannot read (ENOENT)');
  });

  it('has --help with examples', async () => {
    const result = await cli(['convert', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('dcat-harvest convert catalog.rdf --to ttl -o catalog.ttl');
  });
});

describe('convert of a malformed file', () => {
  const files: [string, string, string][] = [
    ['bad.ttl', '@prefix ex: <http://ex.org/> .\nex:a ex:p "x" ex:q .\n', ':2:15: invalid Turtle'],
    ['bad.trig', '<http://g> {\n <http://a> <http://p> "x"@-- .\n}\n', ':2:27: invalid TriG'],
    [
      'bad.nt',
      '<http://a> <http://p> "x" .\n<http://a> <http://p> <x y> .\n',
      ':2:23: invalid N-Triples',
    ],
    [
      'bad.nq',
      '<http://a> <http://p> "x" <http://g> .\n<http://a> <http://p> .\n',
      ':2:23: invalid N-Quads',
    ],
    ['bad.n3', '@prefix ex: <http://ex.org/> .\nex:a ex:p zz:b .\n', ':2:11: invalid N3'],
    ['bad.jsonld', '{\n  "@id": "http://a",\n  "http://p": "x",\n}\n', ':4:1: invalid JSON-LD'],
    [
      'bad.rdf',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description rdf:about="http://a">\n</rdf:RDF>\n',
      ':3:10: invalid RDF/XML',
    ],
  ];
  for (const [name, text, where] of files) {
    it(`${name} exits 3 naming line and column`, async () => {
      const file = path.join(dir, name);
      await writeFile(file, text);
      const result = await cli([
        'convert',
        file,
        '--to',
        'nq',
        '-o',
        path.join(dir, `${name}.out.nq`),
      ]);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`${file}${where}`);
      expect(result.stderr).toContain('--lenient');
      expect((await readdir(dir)).filter((f) => f.startsWith(`${name}.out`))).toEqual([]);
    });
  }

  it('converts with --lenient, listing the skipped statements and the repaired IRIs', async () => {
    const file = path.join(dir, 'lenient.nt');
    await writeFile(
      file,
      '<http://a> <http://p> "1" .\n<http://a> <http://p> 2 .\n<http://a b> <http://p> "3" .\n',
    );
    const result = await cli(['convert', file, '--to', 'nt', '--lenient']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('<http://a> <http://p> "1" .\n<http://a%20b> <http://p> "3" .\n');
    expect(result.stderr).toContain('skipped 1 bad statement(s)');
    expect(result.stderr).toContain(`${file}:2:23: invalid N-Triples`);
    expect(result.stderr).toContain('repaired 1 invalid IRI(s)');
    expect(result.stderr).toContain(`${file}:3:1: <http://a b> repaired as <http://a%20b>`);
  });
});

describe('the global options', () => {
  it('refuse --quiet with --verbose (exit 2)', async () => {
    const result = await cli(['--quiet', '--verbose', 'convert', catalog, '--to', 'nt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot be used with/);
  });
});

describe('convert of a URL', () => {
  it('fetches the document from a loopback server and detects its format', async () => {
    const { createServer } = await import('node:http');
    const body = await readFile(catalog, 'utf8');
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-turtle' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const result = await cli(['convert', `http://127.0.0.1:${port}/catalog`, '--to', 'nq']);
      expect(result.code).toBe(0);
      await expectSameGraph(result.stdout, 'nquads');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('convert between line formats', () => {
  it('passes N-Triples lines that parse through to N-Quads unchanged', async () => {
    const text = '<http://a> <http://p> "caf\\u00E9" .\n_:x <http://p> <http://b> . # note\n';
    const result = await cli(['convert', '-', '--format', 'nt', '--to', 'nq'], { stdin: text });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(text);
    expect(result.stderr).toContain('2 quads: ntriples → nquads');
  });

  it('rewrites N-Quads to N-Triples, dropping graph names', async () => {
    const text = '<http://a> <http://p> "x" <http://g> .\n';
    const result = await cli(['convert', '-', '--format', 'nq', '--to', 'nt'], { stdin: text });
    expect(result.stdout).toBe('<http://a> <http://p> "x" .\n');
  });
});

describe('convert of a harvest folder', () => {
  it('converts every page into one output, keeping blank nodes of pages apart', async () => {
    const folder = path.join(dir, 'walk');
    await mkdir(path.join(folder, 'pages'), { recursive: true });
    await writeFile(
      path.join(folder, 'pages', '000001.ttl'),
      '@prefix ex: <http://ex.org/> .\nex:a ex:p _:x .\n_:x ex:q "un" .\n',
    );
    await writeFile(
      path.join(folder, 'pages', '000002.nt'),
      '<http://ex.org/b> <http://ex.org/p> _:x .\n_:x <http://ex.org/q> "deux" .\n',
    );
    const page = (index: number, file: string, format: string) => ({
      id: `00000${index}`,
      url: `http://portal.example/catalog?page=${index}`,
      index,
      file,
      format,
      attempts: 1,
      timeMs: 1,
    });
    const manifest = {
      tool: { name: 'dcat-harvest', version: '0.1.0' },
      source: 'http://portal.example/catalog',
      firstPage: 'http://portal.example/catalog?page=1',
      pages: [page(1, 'pages/000001.ttl', 'turtle'), page(2, 'pages/000002.nt', 'ntriples')],
    };
    await writeFile(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
    const result = await cli(['convert', folder, '--to', 'ttl']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('4 quads: 2 documents → turtle');
    const { quads } = await parseText(result.stdout, { format: 'turtle' });
    expect(quads).toHaveLength(4);
    expect(
      new Set(quads.filter((q) => q.subject.termType === 'BlankNode').map((q) => q.subject.value))
        .size,
    ).toBe(2);
    expect(result.stdout).toContain('@prefix ex: <http://ex.org/>.');
  });
});
