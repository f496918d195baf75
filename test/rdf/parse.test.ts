// parseStream/parseText: every format, positioned errors, lenient recovery, prefixes, JSON-LD contexts.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError, ParseError } from '../../src/errors.js';
import { parseStream, parseText } from '../../src/rdf/parse.js';

const TTL = '@prefix ex: <http://ex.org/> .\nex:a ex:p "one" .\nex:a ex:p "two"@en .\n';

async function failure(promise: Promise<unknown>): Promise<ParseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

describe('parseText', () => {
  it('parses Turtle and reports its prefixes', async () => {
    const { quads, prefixes, skipped } = await parseText(TTL, { format: 'turtle' });
    expect(quads.map((q) => q.object.value)).toEqual(['one', 'two']);
    expect(prefixes).toEqual({ ex: 'http://ex.org/' });
    expect(skipped).toEqual([]);
  });

  it('parses a JSON-LD document with an inline context', async () => {
    const doc = { '@context': { ex: 'http://ex.org/' }, '@id': 'ex:a', 'ex:p': 'x' };
    const { quads, prefixes } = await parseText(JSON.stringify(doc), { format: 'jsonld' });
    expect(quads.map((q) => [q.subject.value, q.predicate.value, q.object.value])).toEqual([
      ['http://ex.org/a', 'http://ex.org/p', 'x'],
    ]);
    expect(prefixes).toEqual({ ex: 'http://ex.org/' });
  });

  it('keeps blank node labels of one document apart from another', async () => {
    const a = await parseText('_:x <http://p> "1" .', { format: 'ntriples' });
    const b = await parseText('_:x <http://p> "1" .', { format: 'ntriples' });
    expect(a.quads[0]?.subject.value).not.toBe(b.quads[0]?.subject.value);
  });
});

describe('a parse error', () => {
  const cases: [string, Parameters<typeof parseText>[1]['format'], string, number, number][] = [
    ['Turtle', 'turtle', '@prefix ex: <http://ex.org/> .\nex:a ex:p "x" ex:q .\n', 2, 15],
    ['TriG', 'trig', '<http://g> {\n  <http://a> <http://p> "x"@-- .\n}\n', 2, 28],
    [
      'N-Triples',
      'ntriples',
      '<http://a> <http://p> "x" .\n<http://a> <http://p> <x y> .\n',
      2,
      23,
    ],
    [
      'N-Quads',
      'nquads',
      '<http://a> <http://p> "x" <http://g> .\n<http://a> <http://p> .\n',
      2,
      23,
    ],
    ['N3', 'n3', '@prefix ex: <http://ex.org/> .\nex:a ex:p zz:b .\n', 2, 11],
    ['JSON-LD', 'jsonld', '{\n  "@id": "http://a",\n  "http://p": "x",\n}\n', 4, 1],
    [
      'RDF/XML',
      'rdfxml',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description rdf:about="http://a">\n</rdf:RDF>\n',
      3,
      10,
    ],
  ];
  for (const [label, format, text, line, column] of cases) {
    it(`in ${label} names the source, line and column`, async () => {
      const error = await failure(parseText(text, { format, source: 'doc' }));
      expect(error.position).toMatchObject({ source: 'doc', line, column });
      expect(error.message).toContain(`doc:${line}:${column}: invalid ${label}`);
      expect(error.exitCode).toBe(3);
      expect(error.position.excerpt).toBeTruthy();
    });
  }

  it('reaches a parseStream consumer as an error event', async () => {
    const stream = parseStream(Readable.from(['<http://a> <http://b> .']), { format: 'ntriples' });
    await expect(stream.toArray()).rejects.toThrow(/<input>:1:23: invalid N-Triples/);
  });

  it('is found in a chunk after the first', async () => {
    const good = '<http://a> <http://p> "x" .\n'.repeat(5000);
    const stream = parseStream(Readable.from([good, good, '<http://a> <http://p> x .\n']), {
      format: 'ntriples',
      source: 'big.nt',
    });
    await expect(stream.toArray()).rejects.toThrow(/big\.nt:10001:23: /);
  });
});

describe('lenient parsing', () => {
  it('skips bad Turtle statements and resumes at the next one', async () => {
    const text = `${TTL}ex:b ex:p "bad"@-- .\nex:c ex:p zz:undefined ;\n  ex:q "also lost" .\nex:d ex:p "kept" .\n`;
    const { quads, skipped } = await parseText(text, {
      format: 'turtle',
      lenient: true,
      source: 't',
    });
    expect(quads.map((q) => q.object.value)).toEqual(['one', 'two', 'kept']);
    expect(skipped.map((e) => [e.position.line, e.position.column])).toEqual([
      [4, 16],
      [5, 11],
    ]);
  });

  it('keeps prefixes and blank node labels across a skipped statement', async () => {
    const text =
      '@prefix ex: <http://ex.org/> .\n_:n ex:p "1" .\nex:x ex:p <bad iri> .\n_:n ex:p "2" .\n';
    const { quads, skipped } = await parseText(text, { format: 'turtle', lenient: true });
    expect(skipped).toHaveLength(1);
    expect(quads.map((q) => q.predicate.value)).toEqual(['http://ex.org/p', 'http://ex.org/p']);
    expect(quads[0]?.subject.value).toBe(quads[1]?.subject.value);
  });

  it('skips bad N-Triples lines one by one', async () => {
    const text =
      '<http://a> <http://p> "1" .\n<http://a b> <http://p> "2" .\n<http://a> <http://p> "3" .\nbroken\n<http://a> <http://p> "5" .\n';
    const { quads, skipped } = await parseText(text, { format: 'ntriples', lenient: true });
    expect(quads.map((q) => q.object.value)).toEqual(['1', '3', '5']);
    expect(skipped.map((e) => e.position.line)).toEqual([2, 4]);
  });

  it('drops RDF/XML triples with invalid IRIs and reports them', async () => {
    const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">
  <rdf:Description rdf:about="http://ex.org/a"><ex:p rdf:resource="http://ex.org/x y"/><ex:q>ok</ex:q></rdf:Description>
</rdf:RDF>`;
    await failure(parseText(xml, { format: 'rdfxml' }));
    const { quads, skipped } = await parseText(xml, { format: 'rdfxml', lenient: true });
    expect(quads.map((q) => q.object.value)).toEqual(['ok']);
    expect(skipped[0]?.message).toContain('invalid IRI <http://ex.org/x y>');
    expect(skipped[0]?.position.line).toBe(2);
  });

  it('drops JSON-LD nodes with invalid IRIs and locates them', async () => {
    const doc =
      '{\n "@graph": [\n  {"@id": "http://ex.org/a b", "http://ex.org/p": "lost"},\n  {"@id": "http://ex.org/c", "http://ex.org/p": "kept"}\n ]\n}';
    const strict = await failure(parseText(doc, { format: 'jsonld' }));
    expect(strict.position).toMatchObject({ line: 3, column: 12 });
    const { quads, skipped } = await parseText(doc, { format: 'jsonld', lenient: true });
    expect(quads.map((q) => q.object.value)).toEqual(['kept']);
    expect(skipped.length).toBeGreaterThan(0);
  });
});

describe('JSON-LD contexts', () => {
  const doc = JSON.stringify({
    '@context': 'https://ctx.example.org/c.jsonld',
    '@id': 'http://a',
    t: 'v',
  });

  it('are never fetched: a remote context is refused, naming the URL and the options', async () => {
    const error = await parseText(doc, { format: 'jsonld' }).then(
      () => undefined,
      (e: unknown) => e as InputError,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).toContain('https://ctx.example.org/c.jsonld');
    expect(error?.hint).toContain('--context-map https://ctx.example.org/c.jsonld=FILE');
    expect(error?.hint).toContain('--allow-remote-contexts');
  });

  it('come from the local map, wrapped or bare', async () => {
    for (const context of [{ t: 'http://ex.org/t' }, { '@context': { t: 'http://ex.org/t' } }]) {
      const contexts = { 'https://ctx.example.org/c.jsonld': context };
      const { quads } = await parseText(doc, { format: 'jsonld', contexts });
      expect(quads.map((q) => q.predicate.value)).toEqual(['http://ex.org/t']);
    }
  });
});
