// The validator drives rdf-validate-shacl's engine without its RDF report graph (plain results,
// N3 stores, a cheaper recursion guard): its results must equal the stock engine's, result for result.
import type { Quad, Term } from '@rdfjs/types';
import { Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../../src/rdf/parse.js';
import { extractRecords, termId } from '../../src/rdf/records.js';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import type { Finding } from '../../src/shacl/findings.js';
import { createImportResolver } from '../../src/shacl/imports.js';
import { pathString } from '../../src/shacl/path.js';
import { loadShapes } from '../../src/shacl/profiles.js';
import { createValidator } from '../../src/shacl/validate.js';
import { loadRdf } from '../../src/shacl/rdf-file.js';
import path from 'node:path';

const SH = 'http://www.w3.org/ns/shacl#';
const SEVERITY: Record<string, string> = {
  [SH + 'Violation']: 'violation',
  [SH + 'Warning']: 'warning',
  [SH + 'Info']: 'info',
};

interface StockResult {
  focusNode: Term;
  path: Term | null;
  value: Term | null;
  severity: Term;
  sourceConstraintComponent: Term;
  sourceShape: Term;
}

async function stockKeys(shapes: Quad[], importMap: Record<string, string>, data: Quad[]) {
  const resolver = createImportResolver(importMap);
  const engine = new SHACLValidator(new Store(shapes), {
    importGraph: (iri) => resolver.importGraph(iri),
  });
  const report = await engine.validate(new Store(data));
  const graph = (engine as unknown as { $shapes: { dataset: Store } }).$shapes.dataset;
  return (report.results as unknown as StockResult[])
    .map((r) =>
      [
        termId(r.focusNode),
        r.path ? pathString(graph, r.path) : '',
        r.sourceConstraintComponent.value,
        SEVERITY[r.severity.value],
        r.value ? termId(r.value) : '',
        termId(r.sourceShape),
      ].join(' | '),
    )
    .sort();
}

/** A finding of ours in the same key form as {@link stockKeys}. */
const ourKey = (f: Finding) =>
  [f.focusNode, f.path ?? '', f.component, f.severity, f.value ?? '', f.sourceShape].join(' | ');

let portal: SamplePortal;
let page: Quad[];

beforeAll(async () => {
  portal = await startSamplePortal({ datasets: 120, seed: 11 });
  const response = await fetch(`${portal.url}/api/1/site/catalog.ttl?page=1&page_size=120`);
  page = (await parseText(await response.text(), { format: 'turtle', source: 'page 1' })).quads;
});
afterAll(() => portal.close());

const cases: [string, string][] = [
  ['dcat-ap-3', 'full'],
  ['dcat-ap-2', 'full'],
  ['dcat-ap-hvd', 'full'],
];

describe('validator engine equals the stock rdf-validate-shacl', () => {
  it.each(cases)(
    '%s %s on a sample-portal page with its planted defects',
    async (profile, level) => {
      const shapes = await loadShapes({ profile, level });
      const validator = await createValidator(shapes);
      const records = extractRecords(new Store(page), validator.plan.rule);
      const ours = validator.validateGraph(page, records).map(ourKey).sort();
      const stock = await stockKeys(shapes.quads, shapes.importMap, page);
      expect(stock.length).toBeGreaterThan(100);
      expect(ours).toEqual(stock);
    },
  );

  it('on our fixture shapes with sh:node, sh:or and nested shapes', async () => {
    const dir = path.resolve(import.meta.dirname, '../fixtures/shacl');
    const shapes = await loadShapes({ shapes: [path.join(dir, 'shapes.ttl')] });
    const data = await loadRdf(path.join(dir, 'catalog.ttl'));
    const validator = await createValidator(shapes);
    const ours = validator
      .validateGraph(data, extractRecords(new Store(data)))
      .map(ourKey)
      .sort();
    const stock = await stockKeys(shapes.quads, shapes.importMap, data);
    expect(stock.length).toBeGreaterThan(3);
    expect(ours).toEqual(stock);
  });

  it('on data stated in several named graphs (a value in two graphs counts once)', async () => {
    const shapes = await parseText(
      `PREFIX sh: <http://www.w3.org/ns/shacl#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
<https://example.org/shapes#DatasetShape> a sh:NodeShape ; sh:targetClass dcat:Dataset ;
  sh:property [ sh:path dct:title ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype <http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> ] ;
  sh:property [ sh:path dcat:distribution ; sh:maxCount 1 ] .`,
      { format: 'turtle', source: 'shapes.ttl' },
    );
    const data = await parseText(
      `PREFIX dct: <http://purl.org/dc/terms/>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
GRAPH <https://example.org/g1> {
  <https://example.org/same> a dcat:Dataset ; dct:title "Écoles"@fr ; dcat:distribution <https://example.org/d1> .
  <https://example.org/two> a dcat:Dataset ; dct:title "Un"@fr, "plain" .
  <https://example.org/none> a dcat:Dataset .
}
GRAPH <https://example.org/g2> {
  <https://example.org/same> dct:title "Écoles"@fr ; dcat:distribution <https://example.org/d1> .
  <https://example.org/two> dcat:distribution <https://example.org/d1>, <https://example.org/d2> .
  <https://example.org/two> dct:title "Deux"@fr, "plain" .
}`,
      { format: 'trig', source: 'data.trig' },
    );
    const validator = await createValidator({
      quads: shapes.quads,
      importMap: {},
      label: 'x',
      files: [],
    });
    const ours = validator
      .validateGraph(data.quads, extractRecords(new Store(data.quads)))
      .map(ourKey)
      .sort();
    const stock = await stockKeys(shapes.quads, {}, data.quads);
    // two: three titles (maxCount), one plain (datatype), two distributions; none: no title
    expect(stock).toHaveLength(4);
    expect(ours).toEqual(stock);
  });
});
