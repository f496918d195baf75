// CSW GetRecords responses read as RDF: every reader finds the records inside csw:SearchResults, positions pointing into the file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ParseError } from '../../src/errors.js';
import { InputError } from '../../src/errors.js';
import type { CswResults } from '../../src/rdf/csw-unwrap.js';
import { parseStream, parseText } from '../../src/rdf/parse.js';
import { cli } from '../helpers/cli.js';

const DIR = path.resolve(import.meta.dirname, '../fixtures/csw');
const fixture = (name: string) => readFile(path.join(DIR, name), 'utf8');

async function read(text: string, options: { repair?: boolean; chunk?: number } = {}) {
  const size = options.chunk ?? text.length;
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  const stream = parseStream(Readable.from(chunks), {
    format: 'rdfxml',
    source: 'csw.xml',
    repair: options.repair,
  });
  let results: CswResults | undefined;
  stream.on('csw', (r: CswResults) => (results = r));
  const subjects: string[] = [];
  for await (const q of stream) subjects.push((q as { subject: { value: string } }).subject.value);
  return { subjects, results };
}

async function failure(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('a CSW GetRecords response (DCAT output schema)', () => {
  it('gives the records of its rdf:RDF and the SearchResults counts, in any chunking', async () => {
    const text = await fixture('getrecords-dcat.xml');
    for (const chunk of [text.length, 64, 7]) {
      const { subjects, results } = await read(text, { repair: true, chunk });
      expect(new Set(subjects)).toEqual(
        new Set([
          'https://geo.example.org/datasets/roads',
          'https://geo.example.org/distributions/roads-wfs',
          'https://geo.example.org/datasets/rivers%20zone',
        ]),
      );
      expect(subjects).toHaveLength(11);
      expect(results).toEqual({
        numberOfRecordsMatched: 3,
        numberOfRecordsReturned: 2,
        nextRecord: 3,
      });
    }
  });

  it('reports a repaired or a bad IRI at its place in the file', async () => {
    const text = await fixture('getrecords-dcat.xml');
    const strict = await failure(parseText(text, { format: 'rdfxml', source: 'csw.xml' }));
    expect((strict as ParseError).position).toMatchObject({ line: 18, column: 78 });
    const { repairs } = await parseText(text, {
      format: 'rdfxml',
      source: 'csw.xml',
      repair: true,
    });
    expect(repairs.map((r) => [r.line, r.original])).toEqual([
      [18, 'https://geo.example.org/datasets/rivers zone'],
    ]);
  });

  it('reads several rdf:RDF, keeping each one’s blank nodes its own', async () => {
    const { quads } = await parseText(await fixture('getrecords-several-rdf.xml'), {
      format: 'rdfxml',
    });
    expect(quads).toHaveLength(7);
    const publisher = quads.find((q) => q.predicate.value.endsWith('/publisher'))?.object;
    expect(quads.some((q) => q.subject.equals(publisher!) && q.object.value === 'Cadastre')).toBe(
      true,
    );
  });

  it('reads records straight in csw:SearchResults with the namespaces of the wrapper', async () => {
    const text = await fixture('getrecords-straight.xml');
    const { quads } = await parseText(text, { format: 'rdfxml' });
    expect([...new Set(quads.map((q) => q.subject.value))]).toEqual([
      'https://geo.example.org/datasets/a',
      'https://geo.example.org/datasets/b',
    ]);
    const broken = text.replace('<dct:issued>2024-01-01</dct:issued>', '<dct:issued>2024');
    const error = (await failure(
      parseText(broken, { format: 'rdfxml', source: 'x.xml' }),
    )) as ParseError;
    expect(error.position).toMatchObject({ line: 10, column: 19 });
  });

  it('keeps columns on a response written on one line', async () => {
    const text = (await fixture('getrecords-dcat.xml')).replace(/\n\s*/g, ' ');
    const error = (await failure(parseText(text, { format: 'rdfxml' }))) as ParseError;
    const tagEnd = text.indexOf('rivers zone">') + 'rivers zone">'.length;
    expect(error.position).toMatchObject({ line: 1, column: tagEnd + 1 });
  });

  it('turns an exception report into an error with its text', async () => {
    const error = await failure(
      parseText(await fixture('exception.xml'), { format: 'rdfxml', source: 'e.xml' }),
    );
    expect(error.code).toBe('DH_CSW_EXCEPTION');
    expect(error.message).toContain(
      "InvalidParameterValue (outputSchema): outputSchema 'http://example.org/unknown' not supported",
    );
  });
});

describe('a CSW capabilities document', () => {
  it('is refused with what to do instead', async () => {
    const caps =
      '<?xml version="1.0"?>\n<csw:Capabilities xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" version="2.0.2"/>\n';
    const error = await failure(parseText(caps, { format: 'rdfxml', source: 'caps.xml' }));
    expect(error.code).toBe('DH_CSW_CAPABILITIES');
    expect(error.hint).toMatch(/dcat-harvest harvest/);
  });
});

describe('the commands on a CSW response file', () => {
  it('convert, validate and audit read it', async () => {
    const file = path.join(DIR, 'getrecords-several-rdf.xml');
    const converted = await cli(['convert', file, '--to', 'nt']);
    expect(converted.code).toBe(0);
    expect(converted.stdout.trim().split('\n')).toHaveLength(7);
    const validated = await cli(['validate', file, '--report', 'json', '--fail-on', 'never']);
    expect(validated.code).toBe(0);
    expect((JSON.parse(validated.stdout) as { summary: { records: number } }).summary.records).toBe(
      2,
    );
    const audited = await cli(['audit', file, '--no-compliance']);
    expect(audited.code).toBe(0);
    expect(audited.stdout).toMatch(/1 datasets/);
  });
});
