// The RDF/XML writer: escaping, QName splitting, node IDs, and what RDF/XML cannot carry.
import { describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import { escapeXml, nodeId, splitQName } from '../../src/rdf/rdfxml-writer.js';
import { parseText } from '../../src/rdf/parse.js';
import { serializeQuads } from '../../src/rdf/serialize.js';

const { quad, namedNode, literal, blankNode } = DataFactory;

describe('escapeXml', () => {
  it('escapes markup in content and quotes and line breaks in attributes', () => {
    expect(escapeXml('a<b>&c\r')).toBe('a&lt;b&gt;&amp;c&#xD;');
    expect(escapeXml('"x"\n\t', true)).toBe('&quot;x&quot;&#xA;&#x9;');
  });

  it('refuses characters XML 1.0 cannot carry', () => {
    expect(() => escapeXml('bell\u0007')).toThrow(/cannot carry the control character/);
  });
});

describe('splitQName', () => {
  it('splits at the longest XML local name', () => {
    expect(splitQName('http://purl.org/dc/terms/title')).toEqual({
      namespace: 'http://purl.org/dc/terms/',
      local: 'title',
    });
    expect(splitQName('http://ex.org/1p')).toEqual({ namespace: 'http://ex.org/1', local: 'p' });
    expect(splitQName('http://ex.org/é-x')).toEqual({ namespace: 'http://ex.org/', local: 'é-x' });
  });

  it('gives up when no local name is possible', () => {
    expect(splitQName('http://ex.org/123')).toBeUndefined();
  });
});

describe('nodeId', () => {
  it('is an XML name and keeps different labels apart', () => {
    expect(nodeId('b0_x')).toBe('bb0_5f_x');
    expect(nodeId('a.b')).not.toBe(nodeId('a_b'));
    expect(nodeId('n3-12')).toMatch(/^[A-Za-z_][\w.-]*$/);
  });
});

describe('the RDF/XML writer', () => {
  it('groups a subject, writes datatypes, languages and blank nodes, and parses back', async () => {
    const quads = [
      quad(namedNode('http://ex.org/a'), namedNode('http://ex.org/p'), literal('x', 'fr')),
      quad(
        namedNode('http://ex.org/a'),
        namedNode('http://ex.org/q'),
        literal('1', namedNode('http://www.w3.org/2001/XMLSchema#integer')),
      ),
      quad(namedNode('http://ex.org/a'), namedNode('http://other.org/ns#r'), blankNode('z')),
    ];
    const xml = await serializeQuads(quads, 'rdfxml', { prefixes: { ex: 'http://ex.org/' } });
    expect(xml.match(/<rdf:Description /g)).toHaveLength(1);
    expect(xml).toContain('<ex:p xml:lang="fr">x</ex:p>');
    expect(xml).toContain('rdf:datatype="http://www.w3.org/2001/XMLSchema#integer"');
    expect(xml).toContain('<ns0:r xmlns:ns0="http://other.org/ns#" rdf:nodeID="bz"/>');
    expect((await parseText(xml, { format: 'rdfxml' })).quads).toHaveLength(3);
  });

  it('refuses a predicate that has no XML name, naming it', async () => {
    const quads = [
      quad(namedNode('http://ex.org/a'), namedNode('http://ex.org/123'), literal('x')),
    ];
    await expect(serializeQuads(quads, 'rdfxml')).rejects.toThrow('<http://ex.org/123>');
  });
});
