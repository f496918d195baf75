// Our profiles against the official DCAT-AP shapes: the official counts, and agreement record by record.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import type { Result } from '../test/shapes/run-shacl.js';
import { createRunner, parseFile } from '../test/shapes/run-shacl.js';
import { examples, loadOfficial } from './shapes-data.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const SH = 'http://www.w3.org/ns/shacl#';

/** The "Expected result counts" table of reference/dcat-ap.md (rdf-validate-shacl 0.6.5). */
const COUNTS: {
  shapes: string;
  release: string;
  ext: string;
  perExample?: number[];
  total: number;
}[] = [
  {
    shapes: '2.1.1/dcat-ap_2.1.1_shacl_shapes.ttl',
    release: '2.1.1',
    ext: '.nt',
    perExample: [0, 0],
    total: 0,
  },
  {
    shapes: '2.1.1/dcat-ap_2.1.1_shacl_range.ttl',
    release: '2.1.1',
    ext: '.nt',
    perExample: [0, 1],
    total: 1,
  },
  {
    shapes: '2.1.1/dcat-ap_2.1.1_shacl_shapes_recommended.ttl',
    release: '2.1.1',
    ext: '.nt',
    perExample: [16, 15],
    total: 31,
  },
  { shapes: '3.0.1/shacl-split/shapes.ttl', release: '3.0.1', ext: '.ttl', total: 44 },
  { shapes: '3.0.1/shacl-split/range.ttl', release: '3.0.1', ext: '.ttl', total: 46 },
  { shapes: '3.0.1/shacl-split/shapes_recommended.ttl', release: '3.0.1', ext: '.ttl', total: 225 },
  {
    shapes: '3.0.1/shacl-split/mdr-vocabularies.shape.ttl',
    release: '3.0.1',
    ext: '.ttl',
    total: 18,
  },
  { shapes: '3.0.1/shacl-generated/dcat-ap-SHACL.ttl', release: '3.0.1', ext: '.ttl', total: 90 },
  { shapes: '3.0.0-hvd/hvd-SHACL-base.ttl', release: '3.0.0-hvd', ext: '.ttl', total: 48 },
  { shapes: '3.0.0-hvd/hvd-SHACL-ranges.ttl', release: '3.0.0-hvd', ext: '.ttl', total: 97 },
];

const official = (file: string): Quad[] => loadOfficial('dcat-ap', ...file.split('/'));
const exampleQuads = (release: string, file: string) =>
  loadOfficial('dcat-ap', release, 'examples', file);

describe('the official shapes on the official examples', () => {
  for (const row of COUNTS) {
    it(`${row.shapes} gives ${row.total} results`, async () => {
      const run = createRunner(official(row.shapes));
      const counts: number[] = [];
      for (const file of examples(row.release, row.ext)) {
        counts.push((await run(exampleQuads(row.release, file))).length);
      }
      if (row.perExample) expect(counts).toEqual(row.perExample);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(row.total);
    });
  }

  it('3.0.1 base0 gives only MinCount Violations, range0 only Class Violations, rec only MinCount Warnings', async () => {
    const kinds = async (shapes: string) => {
      const run = createRunner(official(shapes));
      const seen = new Set<string>();
      for (const file of examples('3.0.1', '.ttl')) {
        for (const r of await run(exampleQuads('3.0.1', file)))
          seen.add(`${r.component.replace(SH, '')} ${r.severity}`);
      }
      return [...seen];
    };
    expect(await kinds('3.0.1/shacl-split/shapes.ttl')).toEqual([
      'MinCountConstraintComponent sh:Violation',
    ]);
    expect(await kinds('3.0.1/shacl-split/range.ttl')).toEqual([
      'ClassConstraintComponent sh:Violation',
    ]);
    expect(await kinds('3.0.1/shacl-split/shapes_recommended.ttl')).toEqual([
      'MinCountConstraintComponent sh:Warning',
    ]);
  });
});

/** Our level ↔ the official file with the same role. */
const PAIRS: { ours: string; official: string; release: string; ext: string }[] = [
  {
    ours: 'dcat-ap-2/base',
    official: '2.1.1/dcat-ap_2.1.1_shacl_shapes.ttl',
    release: '2.1.1',
    ext: '.nt',
  },
  {
    ours: 'dcat-ap-2/ranges',
    official: '2.1.1/dcat-ap_2.1.1_shacl_range.ttl',
    release: '2.1.1',
    ext: '.nt',
  },
  {
    ours: 'dcat-ap-2/recommended',
    official: '2.1.1/dcat-ap_2.1.1_shacl_shapes_recommended.ttl',
    release: '2.1.1',
    ext: '.nt',
  },
  {
    ours: 'dcat-ap-2/deprecated',
    official: '2.1.1/dcat-ap_2.1.1_shacl_deprecateduris.ttl',
    release: '2.1.1',
    ext: '.nt',
  },
  {
    ours: 'dcat-ap-3/base',
    official: '3.0.1/shacl-split/shapes.ttl',
    release: '3.0.1',
    ext: '.ttl',
  },
  {
    ours: 'dcat-ap-3/ranges',
    official: '3.0.1/shacl-split/range.ttl',
    release: '3.0.1',
    ext: '.ttl',
  },
  {
    ours: 'dcat-ap-3/recommended',
    official: '3.0.1/shacl-split/shapes_recommended.ttl',
    release: '3.0.1',
    ext: '.ttl',
  },
  {
    ours: 'dcat-ap-3/deprecated',
    official: '3.0.1/shacl-split/deprecateduris.ttl',
    release: '3.0.1',
    ext: '.ttl',
  },
  {
    ours: 'dcat-ap-hvd/base',
    official: '3.0.0-hvd/hvd-SHACL-base.ttl',
    release: '3.0.0-hvd',
    ext: '.ttl',
  },
  {
    ours: 'dcat-ap-hvd/ranges',
    official: '3.0.0-hvd/hvd-SHACL-ranges.ttl',
    release: '3.0.0-hvd',
    ext: '.ttl',
  },
  {
    ours: 'dcat-ap-hvd/usagenotes',
    official: '3.0.0-hvd/hvd-SHACL-usagenotes.ttl',
    release: '3.0.0-hvd',
    ext: '.ttl',
  },
];

/**
 * The differences listed in shapes/README.md, as rules: a result only our profile gives, or only the
 * official file gives, is accepted when a rule names it (the README's number in the comment).
 */
const OURS_ONLY: [string, (r: Result, level: string) => boolean][] = [
  [
    'D1 date checks the official sh:shape disabled',
    (r) =>
      /dcat-ap-3#(Dataset-dct-(issued|modified)|CatalogRecord-dct-modified|PeriodOfTime-dcat-(start|end)Date)-date$/.test(
        r.sourceShape,
      ),
  ],
  [
    'D3 dct:isReferencedBy instead of dc:isReferencedBy',
    (r) => /dcat-ap-2#Dataset-dct-isReferencedBy-/.test(r.sourceShape),
  ],
  [
    'D4 dcat:hasVersion instead of dct:hasVersion',
    (r) => /dcat-ap-3#Dataset-dcat-hasVersion-/.test(r.sourceShape),
  ],
  [
    'D13 3.0.1 model terms missing from shacl-split',
    (r) =>
      /dcat-ap-3#(Catalog-dct-temporal-|DataService-foaf-page-|Checksum-spdx-algorithm-class)/.test(
        r.sourceShape,
      ),
  ],
  [
    'D5 deprecated terms are flagged (sh:maxCount 0)',
    (r, level) =>
      level.endsWith('/deprecated') && r.component === `${SH}MaxCountConstraintComponent`,
  ],
];
const OFFICIAL_ONLY: [string, (r: Result, shapes: Store, level: string) => boolean][] = [
  [
    'D2 resource-class check moved from base to ranges',
    (r, s) =>
      nodeOf(r, s) === 'DcatResource' && r.path.endsWith('primaryTopic') && !hasClassShape(s),
  ],
  ['D3 dc:isReferencedBy', (r) => r.path === 'http://purl.org/dc/elements/1.1/isReferencedBy'],
  [
    'D4 dct:hasVersion in base and ranges',
    (r, _s, level) =>
      level.startsWith('dcat-ap-3/') && r.path === 'http://purl.org/dc/terms/hasVersion',
  ],
  [
    'D12 dct:rights 0..n on Catalog and Distribution, spatial resolution 0..n on Dataset (3.0.1)',
    (r, s, level) =>
      level === 'dcat-ap-3/base' &&
      r.component === `${SH}MaxCountConstraintComponent` &&
      (r.path === 'http://purl.org/dc/terms/rights' ||
        (r.path === 'http://www.w3.org/ns/dcat#spatialResolutionInMeters' &&
          s
            .getSubjects(`${SH}property`, termOf(r.sourceShape), null)
            .some((n) => /#Dataset_Shape$/.test(n.value)))),
  ],
  [
    'D7 sh:class rdfs:Resource',
    (r, s) =>
      s.getObjects(r.sourceShape, `${SH}class`, null)[0]?.value ===
      'http://www.w3.org/2000/01/rdf-schema#Resource',
  ],
];

/** The term of a result's source shape (`_:label` for a blank node). */
function termOf(id: string): Term {
  return id.startsWith('_:') ? DataFactory.blankNode(id.slice(2)) : DataFactory.namedNode(id);
}

function nodeOf(r: Result, shapes: Store): string {
  if (r.component !== `${SH}NodeConstraintComponent`) return '';
  const node = shapes.getObjects(r.sourceShape, `${SH}node`, null)[0]?.value ?? '';
  if (/DateOrDateTime/.test(node)) return 'DateOrDateTime';
  if (/DcatResource/.test(node)) return 'DcatResource';
  return '';
}

/** Whether the official file is a ranges file (it has sh:class constraints). */
function hasClassShape(shapes: Store): boolean {
  return shapes.getQuads(null, `${SH}class`, null, null).length > 5;
}

/** A result as compared: D1/D2 — the official sh:node on a date or resource shape is our sh:or. */
function key(r: Result, shapes?: Store): string {
  const component = shapes && nodeOf(r, shapes) ? `${SH}OrConstraintComponent` : r.component;
  return `${r.focus} ${r.path} ${component.replace(SH, 'sh:')} ${r.severity}`;
}

/** The difference rules that accepted at least one result. */
const used = new Set<string>();

/** Records built to show each listed difference (Turtle, by release). */
const SHOWCASE: Record<string, string> = {
  '3.0.1': `
    @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
    @prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix schema: <http://schema.org/> .
    <urn:diff:d> a dcat:Dataset ; dct:title "t" ; dct:description "d" ; dct:modified "yesterday" ;
      dct:hasVersion "v1" ; dcat:hasVersion "v2" ;
      dcat:spatialResolutionInMeters "1.0"^^xsd:decimal, "2.0"^^xsd:decimal .
    <urn:diff:c> a dcat:Catalog ; dct:title "c" ; dct:description "d" ; dct:publisher <urn:diff:p> ;
      dct:rights <urn:diff:r1>, <urn:diff:r2> .
    <urn:diff:rec> a dcat:CatalogRecord ; foaf:primaryTopic <urn:diff:untyped> ;
      dct:modified "2024-01-01"^^xsd:date .
    <urn:diff:pt> a dct:PeriodOfTime ; schema:startDate "2020" .`,
  '2.1.1': `
    @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
    @prefix dc: <http://purl.org/dc/elements/1.1/> . @prefix schema: <http://schema.org/> .
    <urn:diff:d2> a dcat:Dataset ; dct:title "t" ; dct:description "d" ;
      dct:isReferencedBy "a paper" ; dc:isReferencedBy "a paper" .
    <urn:diff:pt> a dct:PeriodOfTime ; schema:endDate "2020" .`,
  '3.0.0-hvd': `
    @prefix dcat: <http://www.w3.org/ns/dcat#> .
    <urn:diff:dist> a dcat:Distribution ; dcat:accessURL <https://example.org/file.csv> .`,
};

async function differences(
  pair: (typeof PAIRS)[number],
  datasets: [string, Quad[]][],
): Promise<string[]> {
  const ourShapes = parseFile(`${root}shapes/${pair.ours}.ttl`);
  const theirShapes = official(pair.official);
  const theirStore = new Store(theirShapes);
  const ours = createRunner(ourShapes);
  const theirs = createRunner(theirShapes);
  const out: string[] = [];
  for (const [name, data] of datasets) {
    const a = (await ours(data)).filter((r) => {
      const rule = OURS_ONLY.find(([, test]) => test(r, pair.ours));
      if (rule) used.add(rule[0]);
      return !rule;
    });
    const b = (await theirs(data)).filter((r) => {
      const rule = OFFICIAL_ONLY.find(([, test]) => test(r, theirStore, pair.ours));
      if (rule) used.add(rule[0]);
      return !rule;
    });
    const left = a.map((r) => key(r)).sort();
    const right = b.map((r) => key(r, theirStore)).sort();
    for (const k of left) {
      const i = right.indexOf(k);
      if (i >= 0) right.splice(i, 1);
      else out.push(`${name}: only ours: ${k}`);
    }
    for (const k of right) out.push(`${name}: only official: ${k}`);
  }
  return out;
}

describe('our profiles and the official shapes', () => {
  for (const pair of PAIRS) {
    it(`${pair.ours} agrees with ${pair.official} on every official example, except the listed differences`, async () => {
      const data = examples(pair.release, pair.ext).map((f): [string, Quad[]] => [
        f,
        exampleQuads(pair.release, f),
      ]);
      expect(await differences(pair, data)).toEqual([]);
    });

    it(`${pair.ours} agrees with ${pair.official} on records built to show the differences`, async () => {
      const data = new Parser().parse(SHOWCASE[pair.release] ?? '');
      expect(await differences(pair, [['showcase', data]])).toEqual([]);
    });

    it(`${pair.ours} agrees with ${pair.official} on our fixtures, except the listed differences`, async () => {
      const file = `${root}test/fixtures/shapes/${pair.ours}.ttl`;
      expect(
        await differences(pair, [[pair.ours, parseFile(file, readFileSync(file, 'utf8'))]]),
      ).toEqual([]);
    });
  }

  it('needs every listed difference (each one accepted at least one result)', () => {
    const rules = [...OURS_ONLY, ...OFFICIAL_ONLY].map(([label]) => label);
    expect(rules.filter((label) => !used.has(label))).toEqual([]);
  });
});
