// diff: records by canonical hash, scores, findings and links between two runs; the CLI's exit codes.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { diffRuns } from '../../src/diff/diff.js';
import { fingerprintRecord } from '../../src/diff/fingerprint.js';
import { renderDiff } from '../../src/diff/render.js';
import { cli } from '../helpers/cli.js';
import { finding, folder, head, reportFolder, result, row } from '../helpers/run-report.js';

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
  const ids = Array.from(
    { length: 30 },
    (_, i) => `https://example.org/ds/${String(i).padStart(2, '0')}`,
  );
  const links = (broken: string[]) => ({
    checked: broken.length + 1,
    ok: 1,
    broken: broken.length,
    inconclusive: 0,
    results: [
      ...broken.map((url) => ({ url, status: 404, outcome: 'broken' as const, datasets: 1 })),
      { url: 'http://ex.org/ok', status: 200, outcome: 'ok' as const, datasets: 3 },
    ],
  });
  const sideA = () => {
    const h = head({ score: 200 });
    h.audit.links = links([]);
    const rows = ids.map((id, i) => row(id, 100 + i, `Dataset ${i}`));
    const results = ids
      .slice(0, 5)
      .map((id) => result(id, [finding(id, id, 'description'), finding(id, '_:b1', 'license')]));
    return { h, rows, results };
  };

  it('reports score changes, findings introduced and fixed, and links newly broken', async () => {
    const a = sideA();
    const b = sideA();
    b.rows[4]!.score -= 30;
    b.rows[5]!.score += 20;
    b.h.audit.score -= 1;
    b.h.publishers[0]!.score -= 2;
    b.results.push(
      result(ids[6]!, [finding(ids[6]!, ids[6]!, 'title', { message: 'new problem' })]),
    );
    b.results.shift(); // dataset 0's two findings are fixed
    b.h.audit.links = links(['http://ex.org/gone']);
    const before = await reportFolder(a.h, a.rows, a.results);
    const after = await reportFolder(b.h, b.rows, b.results);
    const diff = await diffRuns(before, after);
    expect(diff.scores?.catalog.delta).toBe(-1);
    expect(diff.scores?.datasets.map((d) => [d.id, d.name, d.delta])).toEqual([
      [ids[4], 'Dataset 4', -30],
      [ids[5], 'Dataset 5', 20],
    ]);
    expect(diff.scores?.publishers.map((p) => p.delta)).toEqual([-2]);
    expect(diff.findings?.introduced.map((f) => f.message)).toEqual(['new problem']);
    expect(diff.findings?.fixed.map((f) => [f.record, f.focusNode])).toEqual([
      [ids[0], '_:b1'],
      [ids[0], ids[0]],
    ]);
    expect(diff.links).toEqual({ newlyBroken: ['http://ex.org/gone'], repaired: [] });
    expect(diff.regressions).toEqual([
      'catalog score fell from 200 to 199',
      '1 dataset score(s) fell',
      '1 new violation(s)',
      '1 link(s) newly broken',
    ]);
    expect(diff.notices).toEqual([]);
    for (const format of ['text', 'markdown', 'html'] as const) {
      expect(renderDiff(diff, format)).toContain('http://ex.org/gone');
    }
    expect(renderDiff(diff, 'text')).toContain(`  findings: 1 introduced, 2 fixed\n`);
    expect(renderDiff(diff, 'text')).toContain(
      `Findings introduced (1):\n  violation: new problem\n`,
    );
    expect(JSON.parse(renderDiff(diff, 'json'))).toEqual(diff);

    const ok = await cli(['diff', before, before]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('findings: 0 introduced, 0 fixed');
    expect(ok.stdout).toContain('no regression');
    const bad = await cli(['diff', before, after, '--fail-on-regression', '-f', 'markdown']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('### Links newly broken (1)');
    const capped = await cli(['diff', before, after, '--limit', '1']);
    expect(capped.stdout).toContain(`Findings fixed (2):\n  violation: `);
    expect(capped.stdout).toContain('  … and 1 more\n');
    const json = JSON.parse(
      (await cli(['diff', before, after, '-f', 'json', '--limit', '1'])).stdout,
    );
    expect(json.findings.fixed).toHaveLength(1);
    expect(json.findings.totals.fixed.violation).toBe(2);
  });

  it('sees no change between the same findings filed, ordered and labelled otherwise', async () => {
    const a = sideA();
    const b = sideA();
    b.results = b.results
      .map((r) => ({
        ...r,
        findings: r.findings.map((f) =>
          f.focusNode === '_:b1' ? { ...f, focusNode: '_:n3-9' } : f,
        ),
      }))
      .reverse();
    // A finding on the shared publisher, filed under dataset 1 here and dataset 3 there.
    const org = (id: string) =>
      finding(id, 'https://example.org/org/1', 'type', { severity: 'warning' });
    a.results[1]!.findings.push(org(ids[1]!));
    b.results[1]!.findings.push(org(ids[3]!));
    expect(b.results[1]!.record.id).toBe(ids[3]);
    const diff = await diffRuns(
      await reportFolder(a.h, a.rows, a.results),
      await reportFolder(b.h, b.rows, b.results),
    );
    expect(diff.findings).toMatchObject({ before: 11, after: 11, introduced: [], fixed: [] });
    expect(diff.scores).toEqual({
      catalog: { before: 200, after: 200, delta: 0 },
      datasets: [],
      publishers: [],
    });
    expect(diff.regressions).toEqual([]);
  });

  it('compares the rest and says so when a side has no findings.jsonl', async () => {
    const a = sideA();
    const before = await reportFolder(a.h, a.rows, a.results);
    const after = await reportFolder(a.h, a.rows, a.results);
    await rm(path.join(after, 'findings.jsonl'));
    const result = await cli(['diff', before, after]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `note: findings not compared: ${after}: ${path.join(after, 'findings.jsonl')} is missing`,
    );
    expect(result.stdout).toContain('catalog score: 200 → 200 (0)');
  });

  it('fails with exit 3 on a report from an older version, saying to rerun run', async () => {
    const a = sideA();
    const before = await reportFolder(a.h, a.rows, a.results);
    const old = await folder({
      'report.json': JSON.stringify({ ...a.h, schema: 'dcat-harvest/report@1', datasets: [] }),
    });
    const result = await cli(['diff', before, old]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'a dcat-harvest/report@1 report; this version reads dcat-harvest/report@2',
    );
    expect(result.stderr).toContain('rerun `dcat-harvest run`');
  });

  it('fails with exit 3 on a missing folder and 2 on an unknown format or a bad --limit', async () => {
    const dir = await folder({});
    expect((await cli(['diff', path.join(dir, 'nope'), dir])).code).toBe(3);
    expect((await cli(['diff', dir, dir, '-f', 'pdf'])).code).toBe(2);
    const limit = await cli(['diff', dir, dir, '--limit', '-3']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--limit must be a whole number (0 or more), got "-3"');
  });
});
