// openSource: files, .gz, stdin, format detection; openSink: atomic files.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSink, openSource, peek } from '../../src/rdf/source.js';

const NT = '<http://a> <http://p> "x" .\n';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dh-source-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openSource', () => {
  it('reads a .gz file transparently and detects the format through .gz', async () => {
    const file = path.join(dir, 'a.nt.gz');
    await writeFile(file, gzipSync(NT));
    const source = await openSource(file);
    expect(source).toMatchObject({ format: 'ntriples', detectedBy: 'extension' });
    expect(Buffer.concat(await source.stream.toArray()).toString()).toBe(NT);
  });

  it('detects gzip by its magic bytes and the format by content', async () => {
    const file = path.join(dir, 'noext');
    await writeFile(file, gzipSync('@prefix ex: <http://ex.org/> .\nex:a ex:p ex:b .\n'));
    expect(await openSource(file)).toMatchObject({ format: 'turtle', detectedBy: 'content' });
  });

  it('reads stdin for -, with an explicit format', async () => {
    const source = await openSource('-', { stdin: Readable.from([Buffer.from(NT)]), format: 'nq' });
    expect(source).toMatchObject({ source: '<stdin>', format: 'nquads', detectedBy: 'option' });
    expect(Buffer.concat(await source.stream.toArray()).toString()).toBe(NT);
  });

  it('fails with an InputError when nothing tells the format', async () => {
    await expect(openSource('-', { stdin: Readable.from([Buffer.from('hello')]) })).rejects.toThrow(
      '<stdin>: cannot tell the RDF format',
    );
  });
});

describe('peek', () => {
  it('returns the head and replays it in front of the rest', async () => {
    const { head, stream } = await peek(Readable.from([Buffer.from('abc'), Buffer.from('def')]), 2);
    expect(head.toString()).toBe('abc');
    expect(Buffer.concat(await stream.toArray()).toString()).toBe('abcdef');
  });
});

describe('openSink', () => {
  it('writes a file under a temporary name and renames it on commit', async () => {
    const sink = openSink('out.nt', { stdout: new PassThrough(), cwd: dir });
    await pipeline(Readable.from([NT]), sink.stream);
    expect(await readdir(dir)).toContainEqual(expect.stringMatching(/^out\.nt\.tmp-/));
    await sink.commit();
    expect(await readFile(path.join(dir, 'out.nt'), 'utf8')).toBe(NT);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
