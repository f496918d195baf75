// The streaming Turtle writer: grouping, prefixed names only where they are valid, escaping, and graphs that come back isomorphic.
import { Readable, Writable } from 'node:stream';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/rdf/convert.js';
import { parseText } from '../../src/rdf/parse.js';
import { serializeQuads } from '../../src/rdf/serialize.js';
import { TurtleSink } from '../../src/rdf/turtle-writer.js';
import { canonical } from './canonical.js';

const { blankNode, literal, namedNode, quad } = DataFactory;

/** N-Triples through `convert` (the parser hands term texts to the writer) to Turtle. */
async function ntToTurtle(text: string): Promise<string> {
  let out = '';
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString('utf8');
      done();
    },
  });
  await convert(Readable.from([text]), output, { from: 'ntriples', to: 'turtle' });
  return out;
}

const TRICKY = [
  '<http://www.w3.org/ns/dcat#c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Catalog> .',
  '<http://www.w3.org/ns/dcat#c> <http://purl.org/dc/terms/title> "quote \\" back \\\\ nl \\n tab \\t é 😀 \\u00E9\\U0001F600"@fr-BE .',
  '<http://www.w3.org/ns/dcat#c> <http://purl.org/dc/terms/title> "second" .',
  '<http://www.w3.org/ns/dcat#c> <http://purl.org/dc/terms/issued> "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .',
  '<http://www.w3.org/ns/dcat#c> <http://purl.org/dc/terms/x> "v"^^<http://example.org/types/odd.> .',
  '<http://www.w3.org/ns/dcat#a.> <http://www.w3.org/ns/dcat#-x> <http://www.w3.org/ns/dcat#.y> .',
  '<http://www.w3.org/ns/dcat#> <http://www.w3.org/ns/dcat#caf\\u00E9> <http://www.w3.org/ns/dcat#a%20b> .',
  '<http://xmlns.com/foaf/0.1/é> <http://xmlns.com/foaf/0.1/name> <http://purl.org/dc/terms/> .',
  '_:b1 <http://xmlns.com/foaf/0.1/name> _:é.2 .',
  '_:é.2 <http://xmlns.com/foaf/0.1/knows> _:b1 .',
  '<urn:isbn:123> <http://www.w3.org/ns/dcat#keyword> "a", "b" .',
].join('\n');

describe('The Turtle writer', () => {
  it('writes N-Triples input as Turtle that reads back as the same graph', async () => {
    const text = TRICKY.replace('"a", "b"', '"a"');
    const turtle = await ntToTurtle(text);
    const back = await parseText(turtle, { format: 'turtle', source: 'out.ttl' });
    const input = await parseText(text, { format: 'ntriples' });
    expect(back.quads).toHaveLength(input.quads.length);
    expect(await canonical(back.quads)).toBe(await canonical(input.quads));
  });

  it('reads back the same graph when chunks split lines and characters', async () => {
    const text = `${TRICKY.replace('"a", "b"', '"a"')}\n`.repeat(300);
    const bytes = Buffer.from(text);
    const chunks = [];
    for (let at = 0; at < bytes.length; at += 1021) chunks.push(bytes.subarray(at, at + 1021));
    let out = '';
    const output = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString('latin1');
        done();
      },
    });
    await convert(Readable.from(chunks), output, { from: 'ntriples', to: 'turtle' });
    const turtle = Buffer.from(out, 'latin1').toString('utf8');
    const back = await parseText(turtle, { format: 'turtle' });
    const input = await parseText(text, { format: 'ntriples' });
    expect(await canonical(back.quads)).toBe(await canonical(input.quads));
  });

  it('abbreviates with a prefix whose namespace is not ASCII', async () => {
    let out = '';
    const output = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString('utf8');
        done();
      },
    });
    const line = '<http://ex.org/é/a> <http://ex.org/é/b> "ç" .\n';
    await convert(Readable.from([line]), output, {
      from: 'ntriples',
      to: 'turtle',
      prefixes: { ex: 'http://ex.org/é/' },
    });
    expect(out).toContain('@prefix ex: <http://ex.org/é/>.\n');
    expect(out).toContain('ex:a ex:b "ç".\n');
  });

  it('uses a, prefixed names, ; for the same subject and , for the same predicate', async () => {
    const turtle = await ntToTurtle(
      [
        '<http://www.w3.org/ns/dcat#c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Catalog> .',
        '<http://www.w3.org/ns/dcat#c> <http://www.w3.org/ns/dcat#keyword> "a" .',
        '<http://www.w3.org/ns/dcat#c> <http://www.w3.org/ns/dcat#keyword> "b" .',
        '<http://ex.org/d> <http://purl.org/dc/terms/issued> "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .',
      ].join('\n'),
    );
    expect(turtle).toContain('@prefix dcat: <http://www.w3.org/ns/dcat#>.\n');
    expect(turtle).toContain(
      'dcat:c a dcat:Catalog;\n    dcat:keyword "a", "b".\n<http://ex.org/d> dct:issued "2024-01-01"^^xsd:date.\n',
    );
  });

  it('abbreviates only local names Turtle reads as written', async () => {
    const turtle = await ntToTurtle(TRICKY.replace('"a", "b"', '"a"'));
    for (const full of [
      '<http://www.w3.org/ns/dcat#a.>',
      '<http://www.w3.org/ns/dcat#-x>',
      '<http://www.w3.org/ns/dcat#.y>',
      '<http://www.w3.org/ns/dcat#caf\\u00E9>',
      '<http://www.w3.org/ns/dcat#a%20b>',
      '<http://xmlns.com/foaf/0.1/é>',
    ])
      expect(turtle).toContain(full);
    expect(turtle).toContain('dcat: ');
    expect(turtle).toContain('foaf:name dct:.');
  });

  it('escapes RDF/JS terms: strings, odd blank node labels; reads back the same graph', async () => {
    const quads = [
      quad(
        namedNode('http://ex.org/s'),
        namedNode('http://ex.org/p'),
        literal('line\nbreak\r "quoted" back\\slash \t\u0001\u007f é 😀'),
      ),
      quad(blankNode('b 1'), namedNode('http://ex.org/p'), blankNode('b:2')),
      quad(blankNode('b:2'), namedNode('http://ex.org/p'), literal('x', 'en-gb')),
      quad(
        blankNode('ok'),
        namedNode('http://ex.org/p'),
        literal('1', namedNode('http://www.w3.org/2001/XMLSchema#integer')),
        namedNode('http://ex.org/graph'),
      ),
    ];
    const turtle = await serializeQuads(quads, 'turtle');
    expect(turtle).toContain('"line\\nbreak\\r \\"quoted\\" back\\\\slash \\t\\u0001\u007f é 😀"');
    const back = await parseText(turtle, { format: 'turtle' });
    expect(await canonical(back.quads)).toBe(
      await canonical(quads.map((q) => quad(q.subject, q.predicate, q.object))),
    );
  });

  it('writes characters Turtle forbids in an IRI as \\u escapes', async () => {
    const iri = 'http://ex.org/a b<c>"d{e}|f^g`h\\i';
    const turtle = await serializeQuads(
      [quad(namedNode(iri), namedNode('http://ex.org/p'), literal('x'))],
      'turtle',
    );
    expect(turtle).toContain(
      '<http://ex.org/a\\u0020b\\u003Cc\\u003E\\u0022d\\u007Be\\u007D\\u007Cf\\u005Eg\\u0060h\\u005Ci>',
    );
  });

  it('writes the prefixes alone for an empty graph, and skips invalid prefix names', () => {
    const sink = new TurtleSink({ prefixes: { ex: 'http://ex.org/', 'bad name': 'http://b/' } });
    expect(sink.end()).toBe('@prefix ex: <http://ex.org/>.\n\n');
  });
});
