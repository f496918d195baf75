// Hostile input stays harmless: entity expansion, external entities, remote contexts, gzip bombs.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, LimitError } from '../../src/errors.js';
import { parseText } from '../../src/rdf/parse.js';
import { openSource } from '../../src/rdf/source.js';
import { cli } from '../helpers/cli.js';

const RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/"';

function laughs(levels: number): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= levels; i++)
    entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n${entities.join('\n')}\n]>\n<rdf:RDF ${RDF}>\n<rdf:Description rdf:about="http://ex.org/a"><ex:p>&lol${levels};</ex:p></rdf:Description>\n</rdf:RDF>\n`;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dh-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('RDF/XML entity declarations', () => {
  it('never expand a "billion laughs" document beyond one level', async () => {
    const { quads } = await parseText(laughs(9), { format: 'rdfxml' });
    expect(quads).toHaveLength(1);
    expect(quads[0]?.object.value.length).toBeLessThanOrEqual(100);
  });

  it('refuse a DOCTYPE over the cap', async () => {
    const big = laughs(9).replace('<!ENTITY lol0 "lol">', `<!ENTITY lol0 "${'x'.repeat(20000)}">`);
    await expect(parseText(big, { format: 'rdfxml' })).rejects.toBeInstanceOf(LimitError);
  });

  it('refuse external entities and never read local files', async () => {
    const secret = path.join(dir, 'secret.txt');
    await writeFile(secret, 'TOP SECRET');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY xxe SYSTEM "file://${secret}">\n]>\n<rdf:RDF ${RDF}>\n<rdf:Description rdf:about="http://ex.org/a"><ex:p>&xxe;</ex:p></rdf:Description>\n</rdf:RDF>\n`;
    const error = await parseText(xml, { format: 'rdfxml' }).then(
      () => undefined,
      (e: unknown) => e as InputError,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).toContain('external entity refused');
    const file = path.join(dir, 'xxe.rdf');
    await writeFile(file, xml);
    const result = await cli(['convert', file, '--to', 'nt']);
    expect(result.code).toBe(3);
    expect(result.stdout).not.toContain('TOP SECRET');
  });
});

describe('JSON-LD remote contexts', () => {
  it('are refused by convert with exit 3 and the option to map them', async () => {
    const file = path.join(dir, 'remote.jsonld');
    await writeFile(
      file,
      JSON.stringify({ '@context': 'http://127.0.0.1:9/ctx', '@id': 'http://a', p: 1 }),
    );
    const result = await cli(['convert', file, '--to', 'nt']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('http://127.0.0.1:9/ctx');
    expect(result.stderr).toContain('--context-map http://127.0.0.1:9/ctx=FILE');
    const map = path.join(dir, 'ctx.json');
    await writeFile(map, JSON.stringify({ p: 'http://ex.org/p' }));
    const mapped = await cli([
      'convert',
      file,
      '--to',
      'nt',
      '--context-map',
      `http://127.0.0.1:9/ctx=${map}`,
    ]);
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toBe(
      '<http://a> <http://ex.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n',
    );
  });
});

describe('gzip input', () => {
  it('is capped at a decompressed size (a gzip bomb fails with a LimitError)', async () => {
    const file = path.join(dir, 'bomb.nt.gz');
    const line = '<http://ex.org/a> <http://ex.org/p> "0000000000000000000000000000000000" .\n';
    await writeFile(file, gzipSync(Buffer.from(line.repeat(200_000)), { level: 9 }));
    const source = await openSource(file, { maxDecompressedBytes: 1_000_000 });
    await expect(source.stream.toArray()).rejects.toBeInstanceOf(LimitError);
  });

  it('that is corrupt fails with exit 3', async () => {
    const file = path.join(dir, 'corrupt.nt.gz');
    const gz = gzipSync(Buffer.from('<http://a> <http://b> <http://c> .\n'.repeat(1000)));
    await writeFile(file, gz.subarray(0, gz.length - 40));
    const result = await cli(['convert', file, '--to', 'nq']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/corrupt\.nt\.gz: invalid gzip data|unexpected end/i);
  });
});
