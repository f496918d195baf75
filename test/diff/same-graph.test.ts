// "Same graph, same report" (issue 15): `run` on one catalog saved as Turtle and as RDF/XML (other
// record order, other blank-node labels), then `diff` of the two report folders: no change.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffRuns } from '../../src/diff/diff.js';
import { runPipeline } from '../../src/run/run.js';
import type { RunReport } from '../../src/run/report-model.js';
import { cli } from '../helpers/cli.js';

const TURTLE = path.resolve('test/fixtures/diff/same-graph.ttl');
const RDFXML = path.resolve('test/fixtures/diff/same-graph.rdf');
const tmp = () => mkdtemp(path.join(tmpdir(), 'dh-same-'));

/** report.json without what may differ between two runs: times, durations, the source path. */
async function comparable(folder: string): Promise<unknown> {
  const report = JSON.parse(await readFile(path.join(folder, 'report.json'), 'utf8')) as RunReport;
  const { startedAt: _s, finishedAt: _f, durations: _d, source: _src, ...run } = report.run;
  return { ...report, run };
}

describe('two runs over the same graph, as Turtle and as RDF/XML', () => {
  const out = { turtle: '', rdfxml: '' };
  beforeAll(async () => {
    out.turtle = await tmp();
    out.rdfxml = await tmp();
    await runPipeline(TURTLE, { out: out.turtle });
    await runPipeline(RDFXML, { out: out.rdfxml });
  }, 120_000);

  it('give a diff with no change', async () => {
    const diff = await diffRuns(out.turtle, out.rdfxml);
    expect(diff.findings?.before).toBeGreaterThan(20);
    expect(diff.findings).toMatchObject({
      after: diff.findings?.before,
      introduced: [],
      fixed: [],
      totals: {
        introduced: { violation: 0, warning: 0, info: 0 },
        fixed: { violation: 0, warning: 0, info: 0 },
      },
    });
    expect(diff.scores).toMatchObject({ datasets: [], publishers: [], catalog: { delta: 0 } });
    expect(diff.regressions).toEqual([]);
    expect(diff.notices).toEqual([]);
    const text = await cli(['diff', out.turtle, out.rdfxml, '--fail-on-regression']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  findings: 0 introduced, 0 fixed\n  no regression\n');
  });

  it('give the same report.json, times and source path aside', async () => {
    expect(await comparable(out.rdfxml)).toEqual(await comparable(out.turtle));
  });

  it('while a real change to the graph is listed', async () => {
    const changed = path.join(await tmp(), 'changed.ttl');
    const text = await readFile(TURTLE, 'utf8');
    await writeFile(
      changed,
      text.replace('dct:title "Schools" ;', 'dct:title "Schools" ; dct:description "Schools" ;'),
    );
    const after = await tmp();
    await runPipeline(changed, { out: after });
    const diff = await diffRuns(out.rdfxml, after);
    expect(diff.findings?.introduced).toEqual([]);
    expect(diff.findings?.fixed.map((f) => [f.record, f.focusNode, f.path, f.severity])).toEqual([
      ['http://ex.org/d2', 'http://ex.org/d2', 'http://purl.org/dc/terms/description', 'violation'],
    ]);
    expect(diff.regressions).toEqual([]);
  }, 60_000);
});
