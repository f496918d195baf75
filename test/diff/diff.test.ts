// diff: records by canonical hash, scores, findings and links between two runs; the CLI's exit codes.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { diffRuns } from '../../src/diff/diff.js';
import { fingerprintRecord } from '../../src/diff/fingerprint.js';
import { renderDiff } from '../../src/diff/render.js';
import { cli } from '../helpers/cli.js';
import { syntheticReport } from '../report/html-synthetic.js';

const PREFIXES = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n`;
const dataset = (n: number, title = `Dataset ${n}`, extra = '') =>
  `<http://ex.org/d${n}> a dcat:Dataset ; dct:title "${title}" ; dcat:distribution [ a dcat:Distribution ; dcat:accessURL <http://ex.org/f${n}> ${extra} ] .\n`;

/** A harvest folder: a manifest listing the pages, and the pages. */
function harvestFolder(pages: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  const entries = pages.map((text, index) => {
    const id = String(index + 1).padStart(6, '0');
    files[`pages/${id}.ttl`] = text;
    return {
      id,
      url: `http://ex.org/catalog?page=${index + 1}`,
      index,
      file: `pages/${id}.ttl`,
      attempts: 1,
      timeMs: 0,
    };
  });
  const manifest = {
    tool: { name: 'dcat-harvest', version: '0' },
    source: 'http://ex.org/',
    firstPage: 'http://ex.org/catalog?page=1',
    options: {},
    startedAt: '2026-11-26T00:00:00Z',
    state: 'complete',
    pages: entries,
  };
  files['manifest.json'] = JSON.stringify(manifest);
  return files;
}

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dh-diff-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

describe('fingerprintRecord', () => {
  it('gives the same hash whatever the blank-node labels and triple order', () => {
    const a = new Parser().parse(PREFIXES + dataset(1));
    const b = new Parser().parse(
      PREFIXES +
        `_:x dcat:accessURL <http://ex.org/f1> ; a dcat:Distribution . <http://ex.org/d1> dcat:distribution _:x ; dct:title "Dataset 1" ; a dcat:Dataset .`,
    );
    expect(fingerprintRecord({ quads: a })).toBe(fingerprintRecord({ quads: b }));
    const c = new Parser().parse(PREFIXES + dataset(1, 'Dataset one'));
    expect(fingerprintRecord({ quads: c })).not.toBe(fingerprintRecord({ quads: a }));
  });
});

describe('diffRuns on harvest folders', () => {
  it('lists the records added, removed and changed, and no others', async () => {
    const before = await folder(
      harvestFolder([PREFIXES + dataset(1) + dataset(2), PREFIXES + dataset(3) + dataset(4)]),
    );
    const after = await folder(
      harvestFolder([
        PREFIXES + dataset(1) + dataset(2, 'Renamed'),
        PREFIXES + dataset(4, 'Dataset 4', '; dct:format "csv"') + dataset(5),
      ]),
    );
    const diff = await diffRuns(before, after);
    expect(diff.records?.added.map((r) => r.id)).toEqual(['http://ex.org/d5']);
    expect(diff.records?.removed.map((r) => r.id)).toEqual(['http://ex.org/d3']);
    expect(diff.records?.changed.map((r) => r.id)).toEqual([
      'http://ex.org/d2',
      'http://ex.org/d4',
    ]);
    expect(diff.records?.unchanged).toBe(1);
    expect(diff.regressions).toEqual(['1 record(s) removed']);
  });
});

describe('diffRuns on report folders', () => {
  it('reports score changes, findings introduced and fixed, and links newly broken', async () => {
    const a = syntheticReport({ datasets: 30, publishers: 3 });
    const b = structuredClone(a);
    b.datasets[4]!.score -= 30;
    b.datasets[5]!.score += 20;
    b.audit.score -= 1;
    b.publishers[1]!.score -= 2;
    b.datasets[6]!.findings.push({
      severity: 'violation',
      message: 'new problem',
      focusNode: b.datasets[6]!.id,
      count: 1,
    });
    const fixed = a.datasets.find((d) => d.findings.length > 0)!;
    b.datasets.find((d) => d.id === fixed.id)!.findings = [];
    b.audit.links!.results.push({
      url: 'http://ex.org/gone',
      status: 404,
      outcome: 'broken',
      datasets: 1,
    });
    const before = await folder({ 'report.json': JSON.stringify(a) });
    const after = await folder({ 'report.json': JSON.stringify(b) });
    const diff = await diffRuns(before, after);
    expect(diff.scores?.catalog.delta).toBe(-1);
    expect(diff.scores?.datasets.map((d) => [d.id, d.delta])).toEqual([
      [a.datasets[4]!.id, -30],
      [a.datasets[5]!.id, 20],
    ]);
    expect(diff.scores?.publishers.map((p) => p.delta)).toEqual([-2]);
    expect(diff.findings?.introduced.map((f) => f.message)).toEqual(['new problem']);
    expect(diff.findings?.fixed).toHaveLength(fixed.findings.length);
    expect(diff.links?.newlyBroken).toEqual(['http://ex.org/gone']);
    expect(diff.regressions).toHaveLength(4);
    for (const format of ['text', 'markdown', 'html'] as const) {
      expect(renderDiff(diff, format)).toContain('http://ex.org/gone');
    }
    expect(JSON.parse(renderDiff(diff, 'json'))).toEqual(diff);

    const ok = await cli(['diff', before, before]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('no regression');
    const bad = await cli(['diff', before, after, '--fail-on-regression', '-f', 'markdown']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('### Links newly broken (1)');
  });

  it('fails with exit 3 on a missing folder and 2 on an unknown format', async () => {
    const dir = await folder({});
    expect((await cli(['diff', path.join(dir, 'nope'), dir])).code).toBe(3);
    expect((await cli(['diff', dir, dir, '-f', 'pdf'])).code).toBe(2);
  });
});
