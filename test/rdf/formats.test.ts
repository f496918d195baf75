import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  detectFormat,
  findFormat,
  formatFromMediaType,
  formatFromPath,
  resolveFormat,
  sniffFormat,
} from '../../src/rdf/formats.js';

describe('The format table', () => {
  it.each([
    ['xml', 'rdfxml'],
    ['rdf', 'rdfxml'],
    ['owl', 'rdfxml'],
    ['ttl', 'turtle'],
    ['n3', 'n3'],
    ['nt', 'ntriples'],
    ['nq', 'nquads'],
    ['trig', 'trig'],
    ['json', 'jsonld'],
    ['jsonld', 'jsonld'],
    ['json-ld', 'jsonld'],
    ['.TTL', 'turtle'],
    ['turtle', 'turtle'],
    ['rdfxml', 'rdfxml'],
  ])('maps the name %s to %s', (name, id) => {
    expect(findFormat(name)?.id).toBe(id);
  });

  it.each([
    ['application/rdf+xml', 'rdfxml'],
    ['application/x-turtle', 'turtle'],
    ['text/turtle; charset=utf-8', 'turtle'],
    ['text/n3', 'n3'],
    ['application/n-triples', 'ntriples'],
    ['application/n-quads', 'nquads'],
    ['application/trig', 'trig'],
    ['application/ld+json', 'jsonld'],
    ['application/json', 'jsonld'],
  ])('maps the media type %s to %s', (type, id) => {
    expect(formatFromMediaType(type)?.id).toBe(id);
  });

  it('reads the extension through .gz and ignores query strings', () => {
    expect(formatFromPath('/data/catalog.ttl.gz')?.id).toBe('turtle');
    expect(formatFromPath('https://x.org/api/1/site/catalog.rdf?page=2')?.id).toBe('rdfxml');
    expect(formatFromPath('README')).toBeUndefined();
  });

  it('rejects an unknown format with a usage error naming the option', () => {
    expect(() => resolveFormat('yaml', '--to')).toThrow(UsageError);
    expect(() => resolveFormat('yaml', '--to')).toThrow(/--to: unknown RDF format "yaml"/);
  });
});

describe('Content sniffing', () => {
  it.each([
    ['<?xml version="1.0"?>\n<rdf:RDF>', 'rdfxml'],
    ['<rdf:RDF xmlns:rdf="x">', 'rdfxml'],
    ['\uFEFF  {"@context": {}}', 'jsonld'],
    ['[{"@id": "x"}]', 'jsonld'],
    ['@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<a> a dcat:Dataset .', 'turtle'],
    ['PREFIX dcat: <http://www.w3.org/ns/dcat#>\n<a> a dcat:Dataset .', 'turtle'],
    ['<http://a> <http://b> <http://c> .\n<http://a> <http://b> "x"@fr .\n', 'ntriples'],
    ['<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> "x" .\n', 'nquads'],
    ['@prefix ex: <http://e/> .\n_:g {\n ex:a ex:b ex:c .\n}', 'trig'],
    ['@prefix : <#> .\n{ ?x a :A } => { ?x a :B } .', 'n3'],
  ])('recognises %j as %s', (head, id) => {
    expect(sniffFormat(head)).toBe(id);
  });

  it('says nothing for text that is not RDF', () => {
    expect(sniffFormat('hello world')).toBeUndefined();
    expect(sniffFormat('   ')).toBeUndefined();
  });
});

describe('Detection', () => {
  it('lets an explicit format win', () => {
    expect(detectFormat({ format: 'nt', path: 'x.ttl', head: '<?xml' })).toEqual({
      format: 'ntriples',
      by: 'option',
    });
  });

  it('trusts the extension when the content agrees', () => {
    expect(detectFormat({ path: 'a.n3', head: '@prefix a: <b> .' })).toEqual({
      format: 'n3',
      by: 'extension',
    });
  });

  it('overrides a wrong extension or media type by content', () => {
    expect(detectFormat({ path: 'a.ttl', head: '<?xml version="1.0"?>' })).toEqual({
      format: 'rdfxml',
      by: 'content',
    });
    expect(detectFormat({ mediaType: 'application/rdf+xml', head: '{"@graph": []}' })).toEqual({
      format: 'jsonld',
      by: 'content',
    });
  });

  it('uses the media type when there is no extension', () => {
    expect(detectFormat({ path: 'catalog', mediaType: 'application/x-turtle' })).toEqual({
      format: 'turtle',
      by: 'media-type',
    });
  });

  it('falls back to content alone', () => {
    expect(detectFormat({ head: '<http://a> <http://b> <http://c> .' })?.format).toBe('ntriples');
    expect(detectFormat({ head: 'nothing' })).toBeUndefined();
  });
});
