// Tests for extractRecords: records with their closure, shared nodes and linked record types.
import { Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { extractRecords, recordOfNode } from '../../src/rdf/records.js';

const TTL = `
@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
<http://x/cat> a dcat:Catalog ; dct:title "Cat" ; dcat:dataset <http://x/d1>, <http://x/d2> ; dct:publisher <http://x/org> .
<http://x/d1> a dcat:Dataset ; dct:title "Un"@fr, "One"@en ; dcat:distribution <http://x/d1/dist> ;
  dct:publisher <http://x/org> ; dct:temporal [ a dct:PeriodOfTime ; dcat:startDate "2020-01-01" ] ; dcat:inSeries <http://x/s> .
<http://x/d1/dist> a dcat:Distribution ; dcat:accessURL <http://x/file> ; dct:license <http://x/lic> .
<http://x/d2> a dcat:Dataset ; dct:publisher <http://x/org> .
<http://x/s> a dcat:DatasetSeries .
<http://x/org> a foaf:Organization ; foaf:name "Org" .
<http://x/lic> a dct:LicenseDocument .
<http://x/orphan> a foaf:Agent .
<http://x/page> a hydra:PartialCollectionView ; hydra:next <http://x/page2> .
`;

function store(): Store {
  return new Store(new Parser().parse(TTL));
}

describe('extractRecords', () => {
  const records = extractRecords(store());
  const byId = new Map(records.map((r) => [r.id, r]));
  const subjects = (id: string) => new Set(byId.get(id)?.quads.map((q) => q.subject.value));

  it('finds the catalog first, then series, services and datasets, then unreached typed nodes', () => {
    expect(records.map((r) => [r.id, r.kind])).toEqual([
      ['http://x/cat', 'catalog'],
      ['http://x/s', 'series'],
      ['http://x/d1', 'dataset'],
      ['http://x/d2', 'dataset'],
      ['http://x/orphan', 'other'],
    ]);
  });

  it('prefers the English title', () => {
    expect(byId.get('http://x/d1')?.title).toBe('One');
    expect(byId.get('http://x/d2')?.title).toBeUndefined();
  });

  it('includes distributions, blank nodes, agents and licences, but not other records', () => {
    const s = subjects('http://x/d1');
    expect(s.has('http://x/d1/dist')).toBe(true);
    expect(s.has('http://x/org')).toBe(true);
    expect(s.has('http://x/lic')).toBe(true);
    expect([...s].some((x) => !x.startsWith('http'))).toBe(true);
    const seriesQuads = byId
      .get('http://x/d1')
      ?.quads.filter((q) => q.subject.value === 'http://x/s');
    expect(seriesQuads?.map((q) => q.predicate.value)).toEqual([
      'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
    ]);
  });

  it('gives the catalog only the types of its datasets', () => {
    const quads = byId.get('http://x/cat')?.quads.filter((q) => q.subject.value === 'http://x/d1');
    expect(quads?.length).toBe(1);
  });

  it('copies a shared publisher into every record that links to it', () => {
    expect(subjects('http://x/d2').has('http://x/org')).toBe(true);
    expect(subjects('http://x/cat').has('http://x/org')).toBe(true);
  });

  it('finds the record of a distribution', () => {
    expect(recordOfNode(records, 'http://x/d1/dist')?.id).toBe('http://x/d1');
  });

  it('returns no record for an empty store', () => {
    expect(extractRecords(new Store())).toEqual([]);
  });
});
