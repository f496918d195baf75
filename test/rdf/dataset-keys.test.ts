// datasetKeysOf: a page's datasets as a dataset index keeps them, the same whatever closure rule the validation split the page with.
import { describe, expect, it } from 'vitest';
import { datasetKeysOf } from '../../src/rdf/dataset-keys.js';
import { parseText } from '../../src/rdf/parse.js';
import { QuadIndex } from '../../src/rdf/quad-index.js';
import { fingerprintRecord } from '../../src/rdf/record-hash.js';
import { extractRecords, type ClosureRule } from '../../src/rdf/records.js';

const PAGE = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
<https://example.org/catalog> a dcat:Catalog ; dcat:dataset <https://example.org/d1>, <https://example.org/d2>, _:d3 .
<https://example.org/d1> a dcat:Dataset ; dct:identifier "d-1" ; dcat:landingPage <https://example.org/d1.html> ; dct:publisher <https://example.org/org> ; dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://example.org/d1.csv> ] ; dct:isPartOf <https://example.org/s1> .
<https://example.org/d2> a dcat:Dataset ; dct:title "Two" .
_:d3 a dcat:Dataset ; dct:identifier "blank" .
<https://example.org/s1> a dcat:DatasetSeries ; dct:identifier "s-1" .
<https://example.org/org> a foaf:Agent ; foaf:name "Org" .
`;

/** A rule like the one DCAT-AP's shapes need: inverse and linked triples in each closure. */
const RULE: ClosureRule = {
  inverse: ['http://www.w3.org/ns/dcat#dataset'],
  linked: ['http://purl.org/dc/terms/identifier'],
};

async function page() {
  return new QuadIndex((await parseText(PAGE, { format: 'turtle' })).quads);
}

describe('datasetKeysOf', () => {
  it('names IRI datasets and series with identifier, landing page and hash, in record order', async () => {
    const store = await page();
    const records = extractRecords(store);
    const keys = datasetKeysOf(store, records);
    // Series come first among records, then datasets; the blank-node dataset is not indexed.
    expect(keys.map(([iri, identifier, landingPage]) => [iri, identifier, landingPage])).toEqual([
      ['https://example.org/s1', 's-1', null],
      ['https://example.org/d1', 'd-1', 'https://example.org/d1.html'],
      ['https://example.org/d2', null, null],
    ]);
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const [iri, , , hash] of keys) expect(hash).toBe(fingerprintRecord(byId.get(iri)!));
  });

  it('hashes the plain closure when the records were split with a rule that adds triples', async () => {
    const store = await page();
    const ruled = extractRecords(store, RULE);
    const d1 = ruled.find((r) => r.id === 'https://example.org/d1')!;
    const plain = extractRecords(store).find((r) => r.id === 'https://example.org/d1')!;
    // The rule does change the record (its catalog's dcat:dataset triple comes in)...
    expect(d1.quads.length).toBeGreaterThan(plain.quads.length);
    expect(fingerprintRecord(d1)).not.toBe(fingerprintRecord(plain));
    // ...and the keys are still those of the plain records.
    expect(datasetKeysOf(store, ruled, RULE)).toEqual(datasetKeysOf(store, extractRecords(store)));
  });

  it('gives the same keys whatever the blank node labels and statement order', async () => {
    const lines = PAGE.split('\n');
    const reordered = [lines[0], lines[1], lines[2], ...lines.slice(3).reverse()].join('\n');
    const a = await page();
    const b = new QuadIndex((await parseText(reordered, { format: 'turtle' })).quads);
    const sorted = (keys: ReturnType<typeof datasetKeysOf>) =>
      [...keys].sort((x, y) => x[0].localeCompare(y[0]));
    expect(sorted(datasetKeysOf(b, extractRecords(b)))).toEqual(
      sorted(datasetKeysOf(a, extractRecords(a))),
    );
  });
});
