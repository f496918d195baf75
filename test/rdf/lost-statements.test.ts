// lostStatements: a lenient parse names the records that lost statements, with how many; audit says so.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLost, lostStatements } from '../../src/rdf/lost-statements.js';
import { parseText } from '../../src/rdf/parse.js';
import { cli } from '../helpers/cli.js';

const TTL = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix ex: <http://ex.org/> .
ex:d1 a dcat:Dataset ; dct:title "One" ; dct:rights ex:a ex:b .
ex:d1 dct:description "first" .
<http://ex.org/d 2> a dcat:Dataset ; dct:title "Two" .
ex:d3 a dcat:Dataset ; dct:title "Three" ; dcat:distribution ex:dist3 .
ex:dist3 a dcat:Distribution ; dcat:accessURL ex:u ex:v .
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dh-lost-'));
  await writeFile(path.join(dir, 'lost.ttl'), TTL);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('lostStatements', () => {
  it('names the dataset of each skipped statement, a distribution’s through its dataset', async () => {
    const { quads, skipped } = await parseText(TTL, {
      format: 'turtle',
      lenient: true,
      repair: true,
    });
    expect(skipped.map((e) => e.subject)).toEqual(['http://ex.org/d1', 'http://ex.org/dist3']);
    const lost = lostStatements(quads, skipped);
    expect(lost).toEqual([
      { node: 'http://ex.org/d1', kind: 'dataset', count: 1 },
      { node: 'http://ex.org/d3', kind: 'dataset', count: 1 },
    ]);
    expect(describeLost(lost)).toBe(
      'dataset <http://ex.org/d1> lost 1, dataset <http://ex.org/d3> lost 1',
    );
  });

  it('names a subject no record was kept for, and N-Triples and RDF/XML subjects', async () => {
    const nt = await parseText(
      '<a b> <http://ex.org/p> "x" .\n<http://ex.org/s> <http://ex.org/p> x .\n',
      {
        format: 'ntriples',
        lenient: true,
        repair: true,
      },
    );
    expect(nt.skipped.map((e) => e.subject)).toEqual(['a b', 'http://ex.org/s']);
    expect(describeLost(lostStatements(nt.quads, nt.skipped))).toBe(
      '<a b> (no record kept for it) lost 1, <http://ex.org/s> (no record kept for it) lost 1',
    );
    const xml = await parseText(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/"><rdf:Description rdf:about="http://ex.org/s"><ex:p rdf:resource="http://ex.org/a b"/></rdf:Description></rdf:RDF>',
      { format: 'rdfxml', lenient: true },
    );
    expect(xml.skipped.map((e) => e.subject)).toEqual(['http://ex.org/s']);
  });
});

describe('audit of a document with unreadable statements', () => {
  it('repairs the IRI with a space and names the datasets that lost statements', async () => {
    const result = await cli(['audit', 'lost.ttl', '--no-compliance'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('1 invalid IRI(s) repaired, statements kept');
    expect(result.stderr).toContain(
      '2 malformed statements skipped (--verbose lists them); dataset <http://ex.org/d1> lost 1, dataset <http://ex.org/d3> lost 1',
    );
    expect(result.stdout).toMatch(/3 datasets/);
    expect(result.stdout).toContain('http://ex.org/d%202');
  });
});
