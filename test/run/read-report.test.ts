// readRunReport and readFindings: report@2 and findings.jsonl read as streams, whatever the layout,
// with clear errors on old, foreign or damaged files.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, ParseError } from '../../src/errors.js';
import { readFindings, readRunReport } from '../../src/run/read-report.js';
import type { DatasetRow } from '../../src/run/report-model.js';
import type { RecordResult } from '../../src/shacl/findings.js';
import {
  finding,
  findingsText,
  folder,
  head,
  reportText,
  result,
  row,
} from '../helpers/run-report.js';

const ROWS = [
  row('https://example.org/ds/1', 250, 'Bus stops, "quoted" ]} and {braces},'),
  row('https://example.org/ds/2', 80),
  row('https://example.org/ds/3', 120, 'Écoles'),
];

async function rowsOf(rows: AsyncIterable<DatasetRow>): Promise<DatasetRow[]> {
  const out: DatasetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

async function all(results: AsyncIterable<RecordResult>): Promise<RecordResult[]> {
  const out: RecordResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('readRunReport', () => {
  for (const layout of ['documented', 'indented', 'pretty', 'compact'] as const) {
    it(`reads the head and the rows of a report laid out ${layout}`, async () => {
      const h = head({ score: 150 });
      const dir = await folder({ 'report.json': reportText(h, ROWS, layout) });
      const report = await readRunReport(dir);
      expect(report.head).toEqual(h);
      expect(report.file).toBe(path.join(dir, 'report.json'));
      expect(report.findingsFile).toBe(path.join(dir, 'findings.jsonl'));
      expect(await rowsOf(report.datasets())).toEqual(ROWS);
      // Read anew at each call.
      expect(await rowsOf(report.datasets())).toEqual(ROWS);
    });
  }

  it('reads a report with no dataset rows, given as the file itself', async () => {
    const dir = await folder({ 'report.json': reportText(head(), []) });
    const report = await readRunReport(path.join(dir, 'report.json'));
    expect(report.head.audit.score).toBe(200);
    expect(await rowsOf(report.datasets())).toEqual([]);
  });

  for (const layout of ['documented', 'indented'] as const) {
    it(`streams the rows of a report laid out ${layout} a line at a time: those before a damaged line come first`, async () => {
      const text = reportText(head(), ROWS, layout).replace(
        '"id":"https://example.org/ds/3"',
        '"id":',
      );
      const dir = await folder({ 'report.json': text });
      const report = await readRunReport(dir);
      const seen: string[] = [];
      const error = await failure(
        (async () => {
          for await (const r of report.datasets()) seen.push(r.id);
        })(),
      );
      expect(seen).toEqual(['https://example.org/ds/1', 'https://example.org/ds/2']);
      expect(error).toBeInstanceOf(ParseError);
      const line = text.split('\n').findIndex((l) => l.trim().startsWith('{"id":,')) + 1;
      expect(line).toBeGreaterThan(10);
      expect((error as ParseError).position).toMatchObject({
        source: path.join(dir, 'report.json'),
        line,
      });
      expect(error.message).toContain(`report.json:${line}: invalid report.json`);
    });
  }

  it('refuses a report@1 from an older version and says to rerun', async () => {
    const old = { ...head(), schema: 'dcat-harvest/report@1', datasets: [] };
    const dir = await folder({ 'report.json': JSON.stringify(old, null, 2) });
    const error = await failure(readRunReport(dir));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `${path.join(dir, 'report.json')}: a dcat-harvest/report@1 report; this version reads dcat-harvest/report@2`,
    );
    expect((error as InputError).hint).toContain('older version: rerun `dcat-harvest run`');
  });

  it('says what it found when the file is a newer report, another file or not JSON', async () => {
    const newer = await folder({
      'report.json': reportText({ ...head(), schema: 'dcat-harvest/report@3' as never }, []),
    });
    expect((await failure(readRunReport(newer))) as InputError).toMatchObject({
      hint: expect.stringContaining('newer version'),
    });
    const audit = await folder({ 'report.json': '{"schema":"dcat-harvest/audit@1","x":1}' });
    expect((await failure(readRunReport(audit))).message).toContain(
      'a dcat-harvest/audit@1 file, not a run report',
    );
    const none = await folder({ 'report.json': '{"datasets":[]}' });
    expect((await failure(readRunReport(none))).message).toContain('no "schema" member');
    const broken = await folder({ 'report.json': '{"schema": "dcat-harvest/report@2", ' });
    expect((await failure(readRunReport(broken))).message).toContain('not valid JSON');
  });

  it('names the folder when there is no report.json', async () => {
    const dir = await folder({});
    const error = await failure(readRunReport(dir));
    expect(error.message).toBe(`${dir}: no report.json in this folder`);
    expect((await failure(readRunReport(path.join(dir, 'nope')))).message).toContain(
      'no such file or folder',
    );
  });
});

describe('readFindings', () => {
  const a = result('https://example.org/ds/1', [
    finding('https://example.org/ds/1', 'https://example.org/ds/1', 'description'),
  ]);
  const b = result('https://example.org/ds/2', [
    finding('https://example.org/ds/2', '_:b0', 'license', { severity: 'warning' }),
  ]);

  it('yields one result a line, from the file or its folder, skipping blank lines', async () => {
    const dir = await folder({ 'findings.jsonl': findingsText([a]) + '\n' + findingsText([b]) });
    expect(await all(readFindings(path.join(dir, 'findings.jsonl')))).toEqual([a, b]);
    expect(await all(readFindings(dir))).toEqual([a, b]);
  });

  it('reads a line of several MB (a record with 20,000 findings)', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      finding('https://example.org/ds/big', `https://example.org/dist/${i}`, 'license', {
        message: `distribution ${i} «sans licence» has no dct:license`,
      }),
    );
    const big = result('https://example.org/ds/big', many);
    const text = findingsText([a, big, b]);
    expect(text.split('\n')[1]!.length).toBeGreaterThan(4 * 1024 * 1024);
    const dir = await folder({ 'findings.jsonl': text });
    const read = await all(readFindings(dir));
    expect(read.map((r) => r.findings.length)).toEqual([1, 20_000, 1]);
    expect(read[1]).toEqual(big);
  });

  it('names the file and line of a line that is not JSON or not a result', async () => {
    const dir = await folder({
      'findings.jsonl':
        findingsText([a]) + '{"record":{"id":"x"},"findings":[}\n' + findingsText([b]),
    });
    const file = path.join(dir, 'findings.jsonl');
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const r of readFindings(file)) seen.push(r.record.id);
      })(),
    );
    expect(seen).toEqual(['https://example.org/ds/1']);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).position).toMatchObject({ source: file, line: 2 });
    expect(error.message).toMatch(/findings\.jsonl:2: invalid findings\.jsonl: .*near «\{"record"/);

    await writeFile(file, findingsText([a, b]) + '[1,2]\n');
    const notResult = await failure(all(readFindings(file)));
    expect(notResult.message).toContain('findings.jsonl:3: invalid findings.jsonl: not a record');
  });

  it('says when the file is missing', async () => {
    const dir = await folder({});
    const error = await failure(all(readFindings(dir)));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`${path.join(dir, 'findings.jsonl')}: no such file`);
  });
});
