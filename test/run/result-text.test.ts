import { describe, expect, it } from 'vitest';
import { cutResultText } from '../../src/run/result-text.js';
import { recordResult, type Finding } from '../../src/shacl/findings.js';

const record = { id: 'http://example.org/d"1', kind: 'dataset', title: 'a "findings":[ title ]' };

function finding(n: number, value: string): Finding {
  return {
    focusNode: `_:b${n}`,
    record,
    component: 'http://www.w3.org/ns/shacl#InConstraintComponent',
    severity: 'violation',
    value,
    message: `value ${value} is not in the list – n° ${n}`,
    sourceShape: 'http://example.org/shapes#S',
  };
}

describe('cutResultText', () => {
  it('finds each finding’s text, whatever its strings hold, and the shell around them', () => {
    const values = [
      'plain',
      'a "quoted", {braced} [bracketed] value',
      'back\\slash\\',
      '], {',
      'é–🌍',
    ];
    const result = recordResult(
      record,
      values.map((v, n) => finding(n, v)),
      { file: 'p.ttl' },
    );
    const text = Buffer.from(JSON.stringify(result), 'utf8');
    const cut = cutResultText(text);
    expect(cut.findings.map(([from, to]) => JSON.parse(text.toString('utf8', from, to)))).toEqual(
      result.findings,
    );
    expect(cut.shell).toEqual({ ...result, findings: [] });
  });

  it('gives no span for a result without findings, and names a text that is not a result', () => {
    const empty = recordResult(record, []);
    expect(cutResultText(Buffer.from(JSON.stringify(empty))).findings).toEqual([]);
    expect(() => cutResultText(Buffer.from('{"record":{}}'))).toThrow(/no "findings" array/);
    const whole = JSON.stringify(recordResult(record, [finding(1, 'x')]));
    expect(() => cutResultText(Buffer.from(whole.slice(0, whole.indexOf('"counts"') - 3)))).toThrow(
      /does not end/,
    );
  });
});
