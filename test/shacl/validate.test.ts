// Tests for createValidator: findings per record, messages, background knowledge, imports, cycles.
import path from 'node:path';
import { Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { extractRecords } from '../../src/rdf/records.js';
import { backgroundOf, breakSubClassCycles } from '../../src/shacl/background.js';
import { createValidator } from '../../src/shacl/validate.js';
import { loadShapes } from '../../src/shacl/profiles.js';
import { loadRdf } from '../../src/shacl/rdf-file.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/shacl');
const fixture = (name: string) => path.join(FIXTURES, name);
const SH = 'http://www.w3.org/ns/shacl#';

async function setup(withBackground: boolean) {
  const shapes = await loadShapes({ shapes: [fixture('shapes.ttl')] });
  const background = withBackground
    ? backgroundOf(await loadRdf(fixture('background.ttl')))
    : undefined;
  const validator = await createValidator(shapes, background ? { background } : {});
  const records = extractRecords(new Store(await loadRdf(fixture('catalog.ttl'))));
  return { validator, records };
}

describe('createValidator', () => {
  it('reports findings under the record, with a message people understand', async () => {
    const { validator, records } = await setup(true);
    const bad = records.find((r) => r.id === 'http://example.org/ds/bad');
    const findings = validator.validateRecord(bad!);
    const byComponent = findings.map((f) => [
      f.component.replace(SH, ''),
      f.severity,
      f.focusNode === bad!.id,
    ]);
    expect(byComponent).toEqual(
      expect.arrayContaining([
        ['MinCountConstraintComponent', 'violation', true],
        ['MinCountConstraintComponent', 'warning', true],
        ['MaxCountConstraintComponent', 'violation', true],
        ['DatatypeConstraintComponent', 'violation', true],
        ['NodeKindConstraintComponent', 'violation', false],
        ['MinCountConstraintComponent', 'violation', false],
      ]),
    );
    expect(findings.every((f) => f.record.id === bad!.id && f.record.title === 'Bad data')).toBe(
      true,
    );
    const description = findings.find((f) => f.path === 'http://purl.org/dc/terms/description');
    expect(description?.message).toBe(
      'dataset «Bad data» (http://example.org/ds/bad) has no dct:description (required, at least 1); fix: add dct:description',
    );
    const nodeKind = findings.find((f) => f.component === SH + 'NodeKindConstraintComponent');
    expect(nodeKind?.message).toContain('dcat:Distribution (blank node) of dataset «Bad data»');
    expect(nodeKind?.value).toBe('not an IRI');
  });

  it('finds nothing on a complete dataset', async () => {
    const { validator, records } = await setup(true);
    expect(validator.validateRecord(records.find((r) => r.id.endsWith('/good'))!)).toEqual([]);
  });

  it('lets foaf:Organization publishers pass a foaf:Agent class check with background knowledge', async () => {
    const without = await setup(false);
    const classFindings = (v: typeof without) =>
      v.records
        .flatMap((r) => v.validator.validateRecord(r))
        .filter((f) => f.component === SH + 'ClassConstraintComponent');
    expect(classFindings(without).length).toBeGreaterThan(0);
    expect(classFindings(await setup(true))).toEqual([]);
  });

  it('never reports vocabulary nodes of the background knowledge', async () => {
    const { validator, records } = await setup(true);
    const findings = records.flatMap((r) => validator.validateRecord(r));
    expect(findings.some((f) => f.focusNode.startsWith('http://xmlns.com/foaf/'))).toBe(false);
    // the Agent shape still checks the data's agents (org b has no name, found via the hierarchy)
    expect(findings.some((f) => f.focusNode === 'http://example.org/org/b')).toBe(true);
  });

  it('gives the same results whole-graph as record by record (after removing duplicates)', async () => {
    const { validator } = await setup(true);
    const quads = await loadRdf(fixture('catalog.ttl'));
    const records = extractRecords(new Store(quads));
    const key = (f: {
      focusNode: string;
      path?: string;
      component: string;
      value?: string;
      sourceShape: string;
    }) => [f.focusNode, f.path, f.component, f.value].join(' ');
    const partitioned = new Set(records.flatMap((r) => validator.validateRecord(r)).map(key));
    const whole = validator.validateGraph(quads, records).map(key);
    expect([...partitioned].sort()).toEqual([...new Set(whole)].sort());
  });

  it('turns an unknown owl:imports into a notice instead of a crash', async () => {
    const shapes = await loadShapes({ shapes: [fixture('shapes.ttl')] });
    shapes.quads.push(
      ...new Parser().parse(
        '<http://example.org/shapes> <http://www.w3.org/2002/07/owl#imports> <http://example.org/unknown-vocab> .',
      ),
    );
    const validator = await createValidator(shapes);
    expect(validator.notices).toEqual([
      'owl:imports <http://example.org/unknown-vocab> is not in the import map: ignored (add --import-map http://example.org/unknown-vocab=FILE)',
    ]);
  });

  it('resolves an owl:imports from the import map', async () => {
    const shapes = await loadShapes({
      shapes: [fixture('shapes.ttl')],
      importMap: { 'http://example.org/vocab': fixture('background.ttl') },
    });
    shapes.quads.push(
      ...new Parser().parse(
        '<http://example.org/shapes> <http://www.w3.org/2002/07/owl#imports> <http://example.org/vocab> .',
      ),
    );
    const validator = await createValidator(shapes);
    expect(validator.notices).toEqual([]);
  });

  it('survives an rdfs:subClassOf cycle in the data and says so', async () => {
    const { validator } = await setup(true);
    const data = new Parser().parse(`
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
      @prefix dcat: <http://www.w3.org/ns/dcat#> .
      <http://x/A> rdfs:subClassOf <http://x/B> . <http://x/B> rdfs:subClassOf <http://x/A> .
      <http://x/B> rdfs:subClassOf foaf:Agent . <http://x/C> rdfs:subClassOf <http://x/C> .
      <http://x/d> a dcat:Dataset ; <http://purl.org/dc/terms/publisher> <http://x/p> . <http://x/p> a <http://x/A>, <http://x/C> .`);
    const store = new Store(data);
    const [record] = extractRecords(store);
    const findings = validator.validateRecord(record!);
    expect(findings.some((f) => f.component === SH + 'ClassConstraintComponent')).toBe(false);
    expect(validator.notices.filter((n) => n.includes('cycle')).length).toBe(2);
  });
});

describe('breakSubClassCycles', () => {
  it('removes only the edges that close a cycle', () => {
    const quads = new Parser().parse(`@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      <http://x/A> rdfs:subClassOf <http://x/B> . <http://x/B> rdfs:subClassOf <http://x/C> .
      <http://x/C> rdfs:subClassOf <http://x/A> . <http://x/A> rdfs:label "a" .`);
    const guard = breakSubClassCycles(quads);
    expect(guard.removed).toEqual([['http://x/C', 'http://x/A']]);
    expect(guard.quads.length).toBe(3);
  });
});
