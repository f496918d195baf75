// A merged catalog's linked datasets typed beside the store (`validateRecord`'s `types`) give the
// findings their `rdf:type` triples in the store give.
import { Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { extractRecords } from '../../src/rdf/records.js';
import { withTypes } from '../../src/shacl/page.js';
import { validatorFor } from '../../src/shacl/run.js';

const TTL = `
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<http://ex.org/cat> a dcat:Catalog ;
  dct:title "Catalogue" ; dct:description "All of it" ;
  dct:publisher <http://ex.org/org> ;
  dcat:dataset <http://ex.org/d1>, <http://ex.org/d2>, <http://ex.org/d3>, <http://ex.org/d4> .
<http://ex.org/org> a foaf:Agent ; foaf:name "Org" .
`;
const DCAT = 'http://www.w3.org/ns/dcat#';
const TYPES: [string, string][] = [
  ['http://ex.org/d1', `${DCAT}Dataset`],
  ['http://ex.org/d2', 'http://ex.org/NotADataset'],
  ['http://ex.org/d3', `${DCAT}Dataset`],
  ['http://ex.org/d3', 'http://ex.org/AlsoThis'],
  // d4 is typed on no page
];

describe('validateRecord with linked types', () => {
  it('gives the findings of the same types as triples, on the DCAT-AP 3 shapes', async () => {
    const validator = await validatorFor({ profile: 'dcat-ap-3', level: 'full' });
    const record = extractRecords(new Store(new Parser().parse(TTL))).find(
      (r) => r.id === 'http://ex.org/cat',
    );
    if (!record) throw new Error('no catalog record');
    const byTriples = validator.validateRecord(withTypes(record, TYPES));
    const map = new Map<string, string[]>();
    for (const [id, type] of TYPES) map.set(id, [...(map.get(id) ?? []), type]);
    const beside = validator.validateRecord(record, undefined, map);
    const key = (f: { focusNode: string; path?: string; value?: string; component: string }) =>
      [f.focusNode, f.path, f.value, f.component].join(' ');
    expect(beside.map(key).sort()).toEqual(byTriples.map(key).sort());
    // The check is real: d2 and d4 are not datasets, d1 and d3 are.
    const classed = beside
      .filter((f) => f.component.endsWith('ClassConstraintComponent'))
      .map((f) => f.value)
      .sort();
    expect(classed).toEqual(['http://ex.org/d2', 'http://ex.org/d4']);
  });
});
