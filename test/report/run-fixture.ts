// A fixed validation run (written by hand) that the renderer golden tests render.
import { recordResult, type Finding, type ValidationRun } from '../../src/shacl/findings.js';
import { SummaryBuilder } from '../../src/shacl/summary.js';

const SH = 'http://www.w3.org/ns/shacl#';
const DCT = 'http://purl.org/dc/terms/';
const DCAT = 'http://www.w3.org/ns/dcat#';

const bad = {
  id: 'http://example.org/ds/bad',
  kind: 'dataset',
  title: 'Bad, "quoted" <data> & more',
};
const good = { id: 'http://example.org/ds/good', kind: 'dataset', title: 'Good data' };
const catalog = { id: 'http://example.org/catalog', kind: 'catalog', title: 'Example catalog' };
const source = { file: 'pages/page-1.ttl', line: 12 };

const findings: Finding[] = [
  {
    focusNode: bad.id,
    record: bad,
    path: DCT + 'description',
    component: SH + 'MinCountConstraintComponent',
    severity: 'violation',
    message: `dataset «${bad.title}» (${bad.id}) has no dct:description (required, at least 1); fix: add dct:description`,
    sourceShape: 'http://example.org/shapes#DatasetDescription',
    source,
  },
  {
    focusNode: '_:b1',
    record: bad,
    path: DCAT + 'accessURL',
    component: SH + 'NodeKindConstraintComponent',
    severity: 'violation',
    value: 'not an IRI',
    message: `dcat:Distribution (blank node) of dataset «${bad.title}» (${bad.id}): dcat:accessURL "not an IRI" is not an IRI; fix: use an IRI`,
    sourceShape: '_:shape1',
    source: { file: 'pages/page-1.ttl' },
  },
  {
    focusNode: bad.id,
    record: bad,
    path: DCAT + 'keyword',
    component: SH + 'MinCountConstraintComponent',
    severity: 'warning',
    message: `dataset «${bad.title}» (${bad.id}) has no dcat:keyword (recommended, at least 1); fix: add dcat:keyword`,
    sourceShape: 'http://example.org/shapes#DatasetKeyword',
  },
];
const catalogFindings: Finding[] = [
  {
    focusNode: catalog.id,
    record: catalog,
    path: DCAT + 'keyword',
    component: SH + 'MinCountConstraintComponent',
    severity: 'warning',
    message: `catalog «Example catalog» (${catalog.id}) has no dcat:keyword (recommended, at least 1); fix: add dcat:keyword`,
    sourceShape: 'http://example.org/shapes#DatasetKeyword',
  },
  {
    focusNode: 'http://example.org/lost',
    record: catalog,
    path: '^<http://www.w3.org/ns/dcat#distribution>',
    component: SH + 'MinCountConstraintComponent',
    severity: 'info',
    message:
      'dcat:Distribution http://example.org/lost has no ^dcat:distribution (suggested, at least 1)',
    sourceShape: '_:shape2',
    value: 'http://example.org/x',
  },
];

/** Three records: a failing dataset, a clean one, a catalog with a warning and an info. */
export function sampleRun(): ValidationRun {
  const results = [
    recordResult(catalog, catalogFindings, { file: 'pages/page-1.ttl' }),
    recordResult(bad, findings, { file: 'pages/page-1.ttl' }),
    recordResult(good, [], { file: 'pages/page-1.ttl' }),
  ];
  const summary = new SummaryBuilder();
  for (const r of results) summary.add(r);
  return {
    results,
    summary: summary.build(),
    notices: ['owl:imports <http://example.org/unknown> is not in the import map: ignored'],
    shapes: 'dcat-ap-3 (full)',
  };
}
