// writeSarifFromLines: the SARIF of a findings file written from its bytes is, byte for byte, the
// SARIF renderer's text for the same findings, escapes, non-ASCII text and large lines included.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sarifRenderer } from '../../src/report/sarif.js';
import { writeSarifFromLines } from '../../src/report/sarif-lines.js';
import {
  recordResult,
  type Finding,
  type RecordResult,
  type ValidationRun,
} from '../../src/shacl/findings.js';
import { SummaryBuilder } from '../../src/shacl/summary.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sarif-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SH = 'http://www.w3.org/ns/shacl#';

/** A finding of `record` with the given members over plain defaults. */
function finding(record: Finding['record'], extra: Partial<Finding>): Finding {
  return {
    focusNode: record.id,
    record,
    component: SH + 'MinCountConstraintComponent',
    severity: 'violation',
    message: `${record.id} has no title`,
    sourceShape: 'http://example.org/shapes#Title',
    path: 'http://purl.org/dc/terms/title',
    ...extra,
  };
}

/** The renderer's SARIF and `writeSarifFromLines`'s for the same record results. */
function both(records: RecordResult[], lines: string, name: string) {
  const file = path.join(dir, `${name}.jsonl`);
  writeFileSync(file, lines);
  const out = path.join(dir, `${name}.sarif`);
  const run: ValidationRun = {
    results: records,
    summary: new SummaryBuilder().build(),
    notices: ['a notice with "quotes" and « guillemets »'],
    shapes: 'dcat-ap-3 (full)',
  };
  writeSarifFromLines(file, out, run, { version: '1.2.3' });
  return {
    expected: sarifRenderer.render(run, { version: '1.2.3' }),
    written: readFileSync(out, 'utf8'),
  };
}

const jsonl = (records: RecordResult[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('writeSarifFromLines', () => {
  it('writes the renderer’s text for escapes, non-ASCII text, optional members and rule names', () => {
    const odd = {
      id: 'http://example.org/ds/é',
      kind: 'dataset',
      title: 'Quotes " and \\ backslash, tab\t, line\nbreak, lone \ud800 surrogate, 😀 «»—',
    };
    const plain = { id: 'http://example.org/ds/plain', kind: 'dataset' };
    const records = [
      recordResult(
        odd,
        [
          finding(odd, {
            message: 'ünïcödé — « message » with "quotes" and \\ and \u0001',
            value: 'a "literal"\n',
            source: { file: 'C:\\harvest\\pages\\000001.ttl', line: 12 },
          }),
          // Same component and path, another shape: a second rule, named `…#2`.
          finding(odd, { sourceShape: '_:other', severity: 'warning' }),
          finding(odd, { severity: 'info', path: '^<http://www.w3.org/ns/dcat#dataset>' }),
        ],
        { file: 'pages/1.ttl' },
      ),
      recordResult(plain, [], { file: 'pages/1.ttl' }),
      recordResult(
        plain,
        [
          finding(plain, { source: { file: 'pages/2.ttl' } }),
          finding(plain, { focusNode: '_:b0', value: '42' }),
        ],
        { file: 'pages/2.ttl' },
      ),
    ];
    const { expected, written } = both(records, `${jsonl(records)}\n`, 'odd');
    expect(written).toBe(expected);
    const sarif = JSON.parse(written);
    expect(sarif.runs[0].results).toHaveLength(5);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'MinCount:dct:title',
      'MinCount:dct:title#2',
      'MinCount:^dcat:dataset',
    ]);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'C:/harvest/pages/000001.ttl',
    );
    expect(sarif.runs[0].results[0].locations[0].logicalLocations[0].name).toBe(odd.title);
  });

  it('writes lines longer than its blocks and thousands of results across them', () => {
    const big = { id: 'http://example.org/ds/big', kind: 'dataset', title: 'Big' };
    const many: Finding[] = [];
    for (let i = 0; i < 5000; i++)
      many.push(
        finding(big, { focusNode: `http://example.org/d/${i}`, message: `é ${i} `.repeat(40) }),
      );
    // One message of 3 MB: longer than the 1 MB read buffer and the 1 MB write block.
    many.push(finding(big, { message: 'ä'.repeat(1_500_000) }));
    const records = [recordResult(big, many, { file: 'p.ttl' })];
    const { expected, written } = both(records, jsonl(records), 'big');
    expect(written.length).toBeGreaterThan(4_000_000);
    expect(written).toBe(expected);
  });

  it('writes an empty array when the file holds no finding', () => {
    const records = [recordResult({ id: 'http://example.org/x', kind: 'dataset' }, [])];
    const { expected, written } = both(records, jsonl(records), 'empty');
    expect(written).toBe(expected);
    expect(JSON.parse(written).runs[0].results).toEqual([]);
  });

  it('names the file and line of a line that is not a record’s findings', () => {
    const ok = recordResult({ id: 'http://example.org/x', kind: 'dataset' }, []);
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify(ok)}\n{"record":{"id":"x"},"findings":[{"focusNode":"x`);
    expect(() =>
      writeSarifFromLines(file, path.join(dir, 'bad.sarif'), { notices: [], shapes: '' }),
    ).toThrow(/bad\.jsonl:2: not a record's findings: unterminated string/);
  });
});
