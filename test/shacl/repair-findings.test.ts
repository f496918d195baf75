// A repaired IRI is a dh:InvalidIri warning of the record that holds it, in every report format, on every validation path.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidation } from '../../src/shacl/run.js';
import { repairFindings } from '../../src/shacl/repair-findings.js';
import { DH } from '../../src/vocab.js';
import { cli } from '../helpers/cli.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/iri-repair/dataset-space.ttl');
const DATASET = 'https://geo.example.org/datasets/PLU%20zone%2042';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dh-repair-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('repairFindings', () => {
  it('gives a warning only to the records whose triples hold the repaired IRI', () => {
    const repair = {
      source: 'f',
      line: 3,
      column: 1,
      original: 'http://a b',
      repaired: 'http://a%20b',
    };
    const quad = (s: string, o: string) =>
      ({
        subject: { termType: 'NamedNode', value: s },
        predicate: { termType: 'NamedNode', value: 'http://p' },
        object: { termType: 'NamedNode', value: o },
      }) as never;
    const holding = { id: 'http://r', kind: 'dataset', quads: [quad('http://r', 'http://a%20b')] };
    const other = { id: 'http://s', kind: 'dataset', quads: [quad('http://s', 'http://c')] };
    const [finding] = repairFindings(holding, [repair]);
    expect(finding).toMatchObject({
      focusNode: 'http://a%20b',
      value: 'http://a b',
      component: DH.InvalidIri,
      severity: 'warning',
      record: { id: 'http://r', kind: 'dataset' },
      source: { file: 'f', line: 3 },
    });
    expect(repairFindings(other, [repair])).toEqual([]);
  });
});

describe('validate of a record whose dataset IRI holds a space', () => {
  const paths = [
    { workers: 0, wholeGraph: false },
    { workers: 1, wholeGraph: false },
    { workers: 0, wholeGraph: true },
  ];
  for (const { workers, wholeGraph } of paths) {
    it(`keeps the dataset and gives it one dh:InvalidIri warning (workers ${workers}, whole graph ${wholeGraph})`, async () => {
      const run = await runValidation([FIXTURE], { profile: 'dcat-ap-3', workers, wholeGraph });
      const dataset = run.results.find((r) => r.record.id === DATASET);
      expect(dataset).toBeDefined();
      const repairs = run.results
        .flatMap((r) => r.findings)
        .filter((f) => f.component === DH.InvalidIri);
      expect(repairs).toHaveLength(1);
      expect(repairs[0]).toMatchObject({
        record: { id: DATASET },
        severity: 'warning',
        value: 'https://geo.example.org/datasets/PLU zone 42',
        source: { line: 10 },
      });
    });
  }

  for (const workers of [0, 1]) {
    it(`gives a catalog its own repairs, merged over pages (workers ${workers})`, async () => {
      const page = (n: number) =>
        `<https://x.org/cat alog> a <http://www.w3.org/ns/dcat#Catalog> ; <http://purl.org/dc/terms/title> "C" ; <http://www.w3.org/ns/dcat#dataset> <https://x.org/d${n}> .\n<https://x.org/d${n}> a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/title> "D" .\n`;
      await writeFile(path.join(dir, 'p1.ttl'), page(1));
      await writeFile(path.join(dir, 'p2.ttl'), page(2));
      const run = await runValidation([path.join(dir, 'p1.ttl'), path.join(dir, 'p2.ttl')], {
        profile: 'dcat-ap-3',
        workers,
      });
      const repairs = run.results
        .flatMap((r) => r.findings)
        .filter((f) => f.component === DH.InvalidIri);
      expect(repairs.map((f) => [f.record.id, f.record.kind, f.value])).toEqual([
        ['https://x.org/cat%20alog', 'catalog', 'https://x.org/cat alog'],
      ]);
    });
  }

  it('names the constraint dh:InvalidIri in every report format', async () => {
    const formats = ['text', 'json', 'turtle', 'jsonld', 'csv', 'junit', 'sarif', 'markdown'];
    const args = formats.flatMap((f) => ['--report', `${f}:${path.join(dir, `report.${f}`)}`]);
    const result = await cli(['validate', FIXTURE, ...args, '--fail-on', 'violation']);
    expect(result.code).toBe(0);
    for (const format of formats) {
      const text = await readFile(path.join(dir, `report.${format}`), 'utf8');
      expect(text, format).toMatch(/dh:InvalidIri|dcat-harvest\/ns#InvalidIri/);
    }
    const sarif = JSON.parse(await readFile(path.join(dir, 'report.sarif'), 'utf8')) as {
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(sarif.runs[0]?.results.filter((r) => r.ruleId.startsWith('dh:InvalidIri'))).toEqual([
      expect.objectContaining({ level: 'warning' }),
    ]);
    const failing = await cli(['validate', FIXTURE, '--fail-on', 'warning', '--report', 'json']);
    expect(failing.code).toBe(1);
  });
});
