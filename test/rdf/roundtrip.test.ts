// Round trips through every output format come back isomorphic (RDFC-1.0 canonical N-Quads).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FORMAT_IDS, FORMATS } from '../../src/rdf/formats.js';
import { parseText } from '../../src/rdf/parse.js';
import { serializeQuads } from '../../src/rdf/serialize.js';
import { canonical, merged } from './canonical.js';

const fixture = (name: string) =>
  readFile(new URL(`../fixtures/rdf/${name}`, import.meta.url), 'utf8');

describe('a round trip', () => {
  for (const format of FORMAT_IDS) {
    it(`through ${format} gives back the DCAT catalog, isomorphic`, async () => {
      const { quads, prefixes } = await parseText(await fixture('catalog.ttl'), {
        format: 'turtle',
      });
      expect(quads.length).toBe(46);
      const text = await serializeQuads(quads, format, { prefixes });
      const back = await parseText(text, { format, source: `out.${format}` });
      expect(await canonical(back.quads)).toBe(await canonical(quads));
    });

    it(`through ${format} keeps named graphs where the format can hold them`, async () => {
      const { quads } = await parseText(await fixture('graphs.trig'), { format: 'trig' });
      expect(quads.length).toBe(7);
      const back = await parseText(await serializeQuads(quads, format), { format });
      const expected = FORMATS[format].quads ? quads : merged(quads);
      expect(await canonical(back.quads)).toBe(await canonical(expected));
    });
  }

  it('through compacted JSON-LD with a bare-map context gives back the catalog', async () => {
    const { quads } = await parseText(await fixture('catalog.ttl'), { format: 'turtle' });
    const context = { dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/' };
    const text = await serializeQuads(quads, 'jsonld', { context });
    expect(JSON.parse(text)['@context']).toEqual(context);
    expect(text).toContain('"dct:title"');
    const back = await parseText(text, { format: 'jsonld' });
    expect(await canonical(back.quads)).toBe(await canonical(quads));
  });

  it('writes Turtle with the input prefixes and the DCAT ones', async () => {
    const { quads, prefixes } = await parseText(await fixture('catalog.ttl'), { format: 'turtle' });
    const text = await serializeQuads(quads, 'turtle', { prefixes });
    expect(text).toContain('@prefix ex: <https://data.example.org/>.');
    expect(text).toContain('@prefix hydra: <http://www.w3.org/ns/hydra/core#>.');
    expect(text).toContain('ex:catalog a dcat:Catalog');
  });
});

describe('the isomorphism check', () => {
  it('tells apart graphs that differ in one blank-node link', async () => {
    const a = await parseText('_:a <http://p> _:b . _:b <http://p> _:c .', { format: 'turtle' });
    const b = await parseText('_:x <http://p> _:y . _:z <http://p> _:y .', { format: 'turtle' });
    const c = await parseText('_:m <http://p> _:n . _:n <http://p> _:o .', { format: 'turtle' });
    expect(await canonical(a.quads)).not.toBe(await canonical(b.quads));
    expect(await canonical(a.quads)).toBe(await canonical(c.quads));
  });
});
