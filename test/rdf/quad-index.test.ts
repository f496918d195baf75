// QuadIndex gives extractRecords the same records as an N3 store: ids, kinds, titles, order,
// closures and linked records, on our fixtures and on a sample-portal page.
import path from 'node:path';
import { DataFactory, Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { QuadIndex } from '../../src/rdf/quad-index.js';
import { extractRecords, quadKey, type RecordGraph } from '../../src/rdf/records.js';
import { loadShapes } from '../../src/shacl/profiles.js';
import { closurePlan } from '../../src/shacl/closure.js';
import { loadRdf } from '../../src/shacl/rdf-file.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/shacl');
const shape = (records: RecordGraph[]) =>
  records.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    quads: [...new Set(r.quads.map(quadKey))].sort(),
    linked: [...(r.linked ?? [])].sort(),
  }));

describe('QuadIndex', () => {
  it('splits pages into the same records as an N3 store', async () => {
    const rule = closurePlan(
      (await loadShapes({ profile: 'dcat-ap-3', level: 'full' })).quads,
    ).rule;
    const portal = await startSamplePortal({ datasets: 40, seed: 5 });
    const pages: { name: string; quads: Awaited<ReturnType<typeof loadRdf>> }[] = [];
    try {
      const page = await fetch(`${portal.url}/api/1/site/catalog.ttl?page=1&page_size=40`);
      pages.push({ name: 'portal', quads: new Parser().parse(await page.text()) });
    } finally {
      await portal.close();
    }
    for (const name of ['catalog.ttl', 'partition.ttl', 'pages/page1.ttl', 'pages/page2.ttl'])
      pages.push({ name, quads: await loadRdf(path.join(FIXTURES, name)) });
    for (const { name, quads } of pages) {
      for (const r of [{}, rule]) {
        const fromStore = extractRecords(new Store(quads), r);
        const fromIndex = extractRecords(new QuadIndex(quads), r);
        expect(shape(fromIndex), name).toEqual(shape(fromStore));
        expect(fromIndex.length, name).toBeGreaterThan(0);
      }
    }
    expect(pages[0]?.quads.length).toBeGreaterThan(1000);
  });

  it('drops repeated triples and looks up by subject, predicate-object and type', () => {
    const quads = new Parser().parse(`@prefix : <http://x/> .
      :b a :C ; :p :o . :a a :C ; :p "v" . :a :p "v" . :c :q :b .`);
    const index = new QuadIndex(quads);
    const { namedNode } = DataFactory;
    const a = namedNode('http://x/a');
    const b = namedNode('http://x/b');
    expect(index.getQuads(a, null, null, null)).toHaveLength(2);
    expect(
      index
        .getSubjects('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'http://x/C', null)
        .map((t) => t.value),
    ).toEqual(['http://x/b', 'http://x/a']);
    expect(index.getQuads(null, 'http://x/q', b, null).map((q) => q.subject.value)).toEqual([
      'http://x/c',
    ]);
    expect(index.getObjects(b, 'http://x/p', null).map((t) => t.value)).toEqual(['http://x/o']);
    expect(() => index.getQuads(null, null, null, null)).toThrow(/give a subject/);
  });
});
