// Submitted bytes into documents: names, formats, gzip under a cap.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError, LimitError } from '../../src/errors.js';
import { intakeDocument, safeName } from '../../src/serve/document-intake.js';

const TTL = Buffer.from('@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n');

describe('safeName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\catalog.ttl', 'catalog.ttl'],
    ['my catalog (1).ttl', 'my_catalog_1_.ttl'],
    ['.hidden', 'hidden'],
    ['', 'document'],
    [undefined, 'document'],
  ])('makes %j safe: %s', (input, expected) => {
    expect(safeName(input)).toBe(expected);
  });
});

describe('intakeDocument', () => {
  it('tells the format from the media type, the name or the content', async () => {
    expect((await intakeDocument(TTL, { mediaType: 'text/turtle; charset=utf-8' }, 1e6)).name).toBe(
      'document.ttl',
    );
    expect((await intakeDocument(TTL, { fileName: 'c.ttl' }, 1e6)).format).toBe('turtle');
    expect((await intakeDocument(TTL, {}, 1e6)).format).toBe('turtle');
    const xml = Buffer.from(
      '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
    );
    expect(await intakeDocument(xml, { fileName: 'export' }, 1e6)).toMatchObject({
      name: 'export.rdf',
      format: 'rdfxml',
    });
  });

  it('lets the chosen format win', async () => {
    const doc = await intakeDocument(TTL, { fileName: 'c.txt', format: 'n3' }, 1e6);
    expect(doc).toMatchObject({ name: 'c.txt.n3', format: 'n3' });
  });

  it('gunzips a .gz and names it without .gz', async () => {
    const doc = await intakeDocument(gzipSync(TTL), { fileName: 'catalog.ttl.gz' }, 1e6);
    expect(doc.name).toBe('catalog.ttl');
    expect(doc.bytes.equals(TTL)).toBe(true);
  });

  it('stops a gzip bomb at the cap', async () => {
    const bomb = gzipSync(Buffer.alloc(10_000_000));
    await expect(intakeDocument(bomb, {}, 100_000)).rejects.toThrow(LimitError);
  });

  it('refuses broken gzip and unknown formats with what to do', async () => {
    const broken = gzipSync(TTL).subarray(0, 12);
    await expect(intakeDocument(broken, {}, 1e6)).rejects.toThrow(/not valid gzip/);
    const error = await intakeDocument(Buffer.from('hello'), { fileName: 'x.bin' }, 1e6).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).hint).toMatch(/Choose the format/);
  });
});
