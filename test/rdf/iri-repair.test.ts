// IRI repair: every parser keeps statements whose IRIs are invalid only by encodable characters, and reports each repair.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.js';
import { encodeIri, repairIri } from '../../src/rdf/iri-repair.js';
import type { FormatId } from '../../src/rdf/formats.js';
import { parseText } from '../../src/rdf/parse.js';

const RECORD = new URL('../fixtures/iri-repair/geonetwork-record.rdf', import.meta.url);
const DATASET = 'https://geo.example.org/geonetwork/srv/resources/datasets/PLU zone 42';
const REPAIRED = 'https://geo.example.org/geonetwork/srv/resources/datasets/PLU%20zone%2042';

async function failure(promise: Promise<unknown>): Promise<ParseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

function repaired(format: FormatId, text: string) {
  return parseText(text, { format, source: 'doc', repair: true });
}

describe('repairIri', () => {
  it('percent-encodes spaces, controls and <>"{}|\\^` and trims outer spaces', () => {
    expect(encodeIri(' http://ex.org/a b<>"{}|\\^`\t\n')).toBe(
      'http://ex.org/a%20b%3C%3E%22%7B%7D%7C%5C%5E%60',
    );
    expect(repairIri('http://ex.org/a\u0001b')).toBe('http://ex.org/a%01b');
  });

  it('leaves a valid IRI alone and refuses one without a scheme', () => {
    expect(repairIri('http://ex.org/été#x')).toBeUndefined();
    expect(repairIri('not an iri')).toBeUndefined();
  });
});

describe('a GeoNetwork record whose dataset IRI holds a space', () => {
  it('is refused by a strict parse, as before', async () => {
    const text = await readFile(RECORD, 'utf8');
    const error = await failure(parseText(text, { format: 'rdfxml', source: 'record.rdf' }));
    expect(error.message).toMatch(/record\.rdf:\d+/);
  });

  it('keeps all 42 triples when repairing, and reports each repaired IRI once', async () => {
    const text = await readFile(RECORD, 'utf8');
    const { quads, repairs, skipped } = await parseText(text, {
      format: 'rdfxml',
      source: 'record.rdf',
      repair: true,
    });
    expect(quads).toHaveLength(42);
    expect(skipped).toEqual([]);
    expect(quads.filter((q) => q.subject.value === REPAIRED)).toHaveLength(19);
    expect(quads.some((q) => /\s/.test(q.subject.value + q.object.value.replace(/\s/g, '')))).toBe(
      false,
    );
    expect(repairs.map((r) => [r.original, r.repaired])).toEqual([
      [DATASET, REPAIRED],
      [
        'https://geo.example.org/geonetwork/srv/fre/catalog.search#/metadata/PLU zone 42',
        'https://geo.example.org/geonetwork/srv/fre/catalog.search#/metadata/PLU%20zone%2042',
      ],
      [
        'https://geo.example.org/geonetwork/srv/resources/distributions/PLU zone 42/wms',
        'https://geo.example.org/geonetwork/srv/resources/distributions/PLU%20zone%2042/wms',
      ],
      [
        'https://geo.example.org/geonetwork/srv/resources/distributions/PLU zone 42/zip',
        'https://geo.example.org/geonetwork/srv/resources/distributions/PLU%20zone%2042/zip',
      ],
      [
        'https://geo.example.org/data/PLU zone 42.zip',
        'https://geo.example.org/data/PLU%20zone%2042.zip',
      ],
    ]);
    expect(repairs[0]).toMatchObject({ source: 'record.rdf', line: 14 });
  });
});

describe('repair in the Turtle family', () => {
  const ttl =
    '@prefix ex: <http://ex.org/> .\n' +
    '<http://ex.org/a b> ex:p "a <b c> # not an IRI" ;\n' +
    '  ex:q <http://ex.org/{x}> , <rel path> .\n' +
    '# <http://ex.org/in comment>\n' +
    'ex:c ex:p """long\n<x y>""" .\n';

  it('encodes IRI references, not strings or comments, keeping every statement', async () => {
    const { quads, repairs } = await parseText(ttl, {
      format: 'turtle',
      source: 'doc.ttl',
      baseIRI: 'http://base.org/',
      repair: true,
    });
    expect(quads.map((q) => q.subject.value + ' ' + q.object.value)).toEqual([
      'http://ex.org/a%20b a <b c> # not an IRI',
      'http://ex.org/a%20b http://ex.org/%7Bx%7D',
      'http://ex.org/a%20b http://base.org/rel%20path',
      'http://ex.org/c long\n<x y>',
    ]);
    expect(repairs).toEqual([
      {
        source: 'doc.ttl',
        line: 2,
        column: 1,
        original: 'http://ex.org/a b',
        repaired: 'http://ex.org/a%20b',
      },
      {
        source: 'doc.ttl',
        line: 3,
        column: 8,
        original: 'http://ex.org/{x}',
        repaired: 'http://ex.org/%7Bx%7D',
      },
      { source: 'doc.ttl', line: 3, column: 30, original: 'rel path', repaired: 'rel%20path' },
    ]);
  });

  it('repairs an IRI cut across chunks', async () => {
    const { Readable } = await import('node:stream');
    const { parseStream } = await import('../../src/rdf/parse.js');
    const text = '<http://ex.org/a b> <http://ex.org/p> "x" .\n';
    const chunks = [...text].map((c) => c);
    const quads: unknown[] = [];
    for await (const q of parseStream(Readable.from(chunks), { format: 'turtle', repair: true }))
      quads.push((q as { subject: { value: string } }).subject.value);
    expect(quads).toEqual(['http://ex.org/a%20b']);
  });

  it('still refuses what percent-encoding cannot fix', async () => {
    const error = await failure(repaired('turtle', '<http://ex.org/a> <http://ex.org/p> "x" \n'));
    expect(error.position.line).toBe(2);
  });

  it('repairs N-Triples lines and reports their line and column', async () => {
    const nt =
      '<http://ex.org/a> <http://ex.org/p> "x" .\n<http://ex.org/b c> <http://ex.org/p> <http://ex.org/d|e> .\n';
    const { quads, repairs } = await repaired('ntriples', nt);
    expect(quads.map((q) => q.subject.value + ' ' + q.object.value)).toEqual([
      'http://ex.org/a x',
      'http://ex.org/b%20c http://ex.org/d%7Ce',
    ]);
    expect(repairs.map((r) => [r.line, r.column, r.original])).toEqual([
      [2, 1, 'http://ex.org/b c'],
      [2, 39, 'http://ex.org/d|e'],
    ]);
  });

  it('skips an N-Triples line that repairing cannot make valid (a relative IRI)', async () => {
    const { quads, skipped, repairs } = await parseText('<a b> <http://ex.org/p> "x" .\n', {
      format: 'ntriples',
      lenient: true,
      repair: true,
    });
    expect([quads.length, skipped.length, repairs.length]).toEqual([0, 1, 0]);
  });
});

describe('repair in JSON-LD', () => {
  const doc = {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      ex: 'http://ex.org/',
      dist: { '@id': 'dcat:distribution', '@type': '@id' },
    },
    '@id': 'http://ex.org/a b',
    '@type': 'dcat:Dataset',
    dist: 'http://ex.org/d|1',
    'ex:title': 'x',
  };

  it('keeps the node whose @id holds a space (jsonld alone drops it)', async () => {
    const text = JSON.stringify(doc, null, 2);
    await failure(parseText(text, { format: 'jsonld', source: 'doc.jsonld' }));
    const { quads, repairs } = await parseText(text, {
      format: 'jsonld',
      source: 'doc.jsonld',
      repair: true,
    });
    expect(quads.map((q) => [q.subject.value, q.object.value]).sort()).toEqual([
      ['http://ex.org/a%20b', 'http://ex.org/d%7C1'],
      ['http://ex.org/a%20b', 'http://www.w3.org/ns/dcat#Dataset'],
      ['http://ex.org/a%20b', 'x'],
    ]);
    expect(repairs.map((r) => [r.original, r.line, r.column])).toEqual([
      ['http://ex.org/a b', 10, 11],
      ['http://ex.org/d|1', 12, 12],
    ]);
  });
});

describe('convert --repair', () => {
  it('converts the GeoNetwork record, listing its repairs; the strict default refuses it', async () => {
    const { cli } = await import('../helpers/cli.js');
    const file = RECORD.pathname;
    const strict = await cli(['convert', file, '--to', 'nt']);
    expect(strict.code).toBe(3);
    expect(strict.stderr).toMatch(/--repair/);
    const fixed = await cli(['convert', file, '--to', 'nt', '--repair']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout.trim().split('\n')).toHaveLength(42);
    expect(fixed.stdout).toContain(`<${REPAIRED}> <http://purl.org/dc/terms/identifier>`);
    expect(fixed.stderr).toMatch(/repaired 5 invalid IRI\(s\)/);
    expect(fixed.stderr).toContain(`geonetwork-record.rdf:14:`);
    const lenient = await cli(['convert', file, '--to', 'nt', '--lenient']);
    const withoutBlanks = (text: string) => text.replace(/_:\S+/g, '_:b').split('\n').sort();
    expect(withoutBlanks(lenient.stdout)).toEqual(withoutBlanks(fixed.stdout));
  });
});

describe('the Turtle repairer in chunks', () => {
  it('gives the same text and repairs however the input is cut', async () => {
    const { TurtleIriRepairer } = await import('../../src/rdf/iri-scanner.js');
    const text =
      '@prefix ex: <http://ex.org/> . # a <comment b>\n' +
      'ex:a ex:p "x \\" <not iri>" , \'y <no>\' , """long\n<still no> " "" """ ;\n' +
      '  ex:q <http://ex.org/a b> , <http://ex.org/\\u0041 ok> , <http://ex.org/fine> .\n' +
      "ex:b ex:p '''<x y>''' ; ex:r <rel{1}> .\n";
    const run = (sizes: number[]) => {
      const repairs: [number | undefined, number | undefined, string][] = [];
      const r = new TurtleIriRepairer('t', (x) => repairs.push([x.line, x.column, x.repaired]));
      let out = '';
      let at = 0;
      for (const size of sizes) {
        out += r.write(text.slice(at, at + size));
        at += size;
      }
      out += r.write(text.slice(at)) + r.end();
      return { out, repairs };
    };
    const whole = run([]);
    expect(whole.repairs).toEqual([
      [4, 8, 'http://ex.org/a%20b'],
      [4, 30, 'http://ex.org/A%20ok'],
      [5, 30, 'rel%7B1%7D'],
    ]);
    for (const size of [1, 2, 3, 5, 7, 11, 64]) {
      const sizes = Array.from({ length: Math.ceil(text.length / size) }, () => size);
      expect(run(sizes), `chunks of ${size}`).toEqual(whole);
    }
  });
});
