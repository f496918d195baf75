// Record-by-record validation equals whole-graph validation, for every bundled profile and level.
import path from 'node:path';
import { Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { extractRecords } from '../../src/rdf/records.js';
import { loadBackground } from '../../src/shacl/background.js';
import { closurePlan } from '../../src/shacl/closure.js';
import type { Finding } from '../../src/shacl/findings.js';
import { listProfiles, loadShapes } from '../../src/shacl/profiles.js';
import { loadRdf } from '../../src/shacl/rdf-file.js';
import { createValidator } from '../../src/shacl/validate.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/shacl');
const key = (f: Finding) =>
  [f.focusNode, f.path ?? '', f.component, f.severity, f.value ?? '', f.sourceShape].join(' | ');

const cases = listProfiles().flatMap((p) =>
  Object.keys(p.levels).map((level) => [p.id, level] as const),
);

describe('partitioned validation', () => {
  it('covers every bundled profile and level', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  for (const fixture of ['partition.ttl', 'catalog.ttl']) {
    it.each(cases)(`equals whole-graph results on ${fixture} for %s %s`, async (profile, level) => {
      const shapes = await loadShapes({ profile, level });
      const validator = await createValidator(shapes, { background: await loadBackground() });
      const quads = await loadRdf(path.join(FIXTURES, fixture));
      const records = extractRecords(new Store(quads), validator.plan.rule);
      const whole = validator.validateGraph(quads, records).map(key).sort();
      const seen = new Set<string>();
      const partitioned = records
        .flatMap((r) => validator.validateRecord(r))
        .map(key)
        .filter((k) => (seen.has(k) ? false : (seen.add(k), true)))
        .sort();
      expect(partitioned).toEqual(whole);
      expect(whole.length).toBeGreaterThan(0);
    });
  }
});

describe('closurePlan', () => {
  it('includes incoming dcat:inSeries triples for an inverse path', async () => {
    const plan = closurePlan((await loadShapes({ profile: 'dcat-ap-3', level: 'base' })).quads);
    expect(plan.guaranteed).toBe(true);
    expect(plan.rule.inverse).toContain('http://www.w3.org/ns/dcat#inSeries');
  });

  it('refuses a guarantee for transitive paths and says why', async () => {
    const { Parser } = await import('n3');
    const quads = new Parser().parse(`@prefix sh: <http://www.w3.org/ns/shacl#> .
      <http://x/S> sh:targetClass <http://x/C> ; sh:property [ sh:path [ sh:zeroOrMorePath <http://x/p> ] ; sh:minCount 1 ] .`);
    const plan = closurePlan(quads);
    expect(plan.guaranteed).toBe(false);
    expect(plan.reasons[0]).toMatch(/transitive/);
  });

  it('reads later steps of a sequence from linked records', async () => {
    const { Parser } = await import('n3');
    const quads = new Parser().parse(`@prefix sh: <http://www.w3.org/ns/shacl#> .
      <http://x/S> sh:targetClass <http://x/C> ; sh:property [ sh:path ( <http://x/a> <http://x/b> ) ; sh:minCount 1 ] .`);
    const plan = closurePlan(quads);
    expect(plan.guaranteed).toBe(true);
    expect(plan.rule.linked).toEqual(['http://x/b']);
  });
});

async function flatWith(inputs: string[], wholeGraph: boolean, workers = 0): Promise<string[]> {
  const { runValidation } = await import('../../src/shacl/run.js');
  const run = await runValidation(inputs, { profile: 'dcat-ap-3', wholeGraph, workers });
  return run.results
    .flatMap((r) => r.findings)
    .map((f) => key(f).replace(/_:[\w.-]+/g, '_:'))
    .sort();
}

describe('runValidation', () => {
  it('gives the same findings record by record as with --whole-graph, across several documents', async () => {
    const inputs = [path.join(FIXTURES, 'partition.ttl'), path.join(FIXTURES, 'catalog.ttl')];
    expect(await flatWith(inputs, false)).toEqual(await flatWith(inputs, true));
  });

  it('judges a class check on a node typed on another page as the whole graph does', async () => {
    const inputs = ['page1.ttl', 'page2.ttl'].map((f) => path.join(FIXTURES, 'pages', f));
    const partitioned = await flatWith(inputs, false);
    expect(partitioned).toEqual(await flatWith(inputs, true));
    expect(partitioned.some((k) => k.includes('servesDataset'))).toBe(false);
  });

  it('reports a blank node shared by a held record once, on worker threads too', async () => {
    const inputs = ['page1.ttl', 'page2.ttl'].map((f) => path.join(FIXTURES, 'pages', f));
    const whole = await flatWith(inputs, true);
    expect(await flatWith(inputs, false, 1)).toEqual(whole);
    expect(await flatWith(inputs, false, 2)).toEqual(whole);
    expect(whole.filter((k) => k.startsWith('_: | http://xmlns.com/foaf/0.1/name')).length).toBe(1);
  });

  it('finds more than twenty findings either way on the fixtures', async () => {
    const { runValidation } = await import('../../src/shacl/run.js');
    const inputs = [path.join(FIXTURES, 'partition.ttl'), path.join(FIXTURES, 'catalog.ttl')];
    const mask = (f: Finding) => key(f).replace(/_:[\w.-]+/g, '_:');
    const flat = async (wholeGraph: boolean) =>
      (await runValidation(inputs, { profile: 'dcat-ap-3', wholeGraph })).results
        .flatMap((r) => r.findings)
        .map(mask)
        .sort();
    const partitioned = await flat(false);
    expect(partitioned).toEqual(await flat(true));
    expect(partitioned.length).toBeGreaterThan(20);
  });
});

describe('validation on worker threads', () => {
  it('gives the same findings as in this thread, over several pages', async () => {
    const { runValidation } = await import('../../src/shacl/run.js');
    const inputs = [path.join(FIXTURES, 'partition.ttl'), path.join(FIXTURES, 'catalog.ttl')];
    const mask = (f: Finding) => key(f).replace(/_:[\w.-]+/g, '_:');
    const flat = async (workers: number) =>
      (await runValidation(inputs, { profile: 'dcat-ap-3', workers })).results
        .flatMap((r) => r.findings)
        .map(mask)
        .sort();
    const local = await flat(0);
    expect(await flat(2)).toEqual(local);
    expect(local.length).toBeGreaterThan(20);
  });
});
