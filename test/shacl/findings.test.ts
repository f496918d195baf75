// Tests for the result model: counts, --fail-on thresholds, groups and summaries.
import { describe, expect, it } from 'vitest';
import {
  countSeverities,
  failsAt,
  recordJsonPieces,
  recordResult,
  type Finding,
  type RecordResult,
  type Severity,
} from '../../src/shacl/findings.js';
import { groupKey, summarize, SummaryBuilder } from '../../src/shacl/summary.js';

const SH = 'http://www.w3.org/ns/shacl#';
function finding(
  record: string,
  severity: Severity,
  path = 'http://purl.org/dc/terms/description',
): Finding {
  return {
    focusNode: record,
    record: { id: record, kind: 'dataset' },
    path,
    component: SH + 'MinCountConstraintComponent',
    severity,
    message: `m ${path}`,
    sourceShape: '_:s',
  };
}

describe('findings', () => {
  it('counts severities', () => {
    expect(
      countSeverities([finding('a', 'warning'), finding('b', 'warning'), finding('a', 'info')]),
    ).toEqual({
      violation: 0,
      warning: 2,
      info: 1,
    });
  });

  it('fails at or above the threshold only', () => {
    const counts = { violation: 0, warning: 1, info: 0 };
    expect(failsAt(counts, 'violation')).toBe(false);
    expect(failsAt(counts, 'warning')).toBe(true);
    expect(failsAt(counts, 'info')).toBe(true);
    expect(failsAt({ violation: 3, warning: 0, info: 0 }, 'never')).toBe(false);
  });

  it('says a record with only warnings conforms', () => {
    expect(recordResult({ id: 'a', kind: 'dataset' }, [finding('a', 'warning')]).conforms).toBe(
      true,
    );
    expect(recordResult({ id: 'a', kind: 'dataset' }, [finding('a', 'violation')]).conforms).toBe(
      false,
    );
  });

  it('groups identical findings worst first with counts and distinct records', () => {
    const summary = summarize([
      recordResult({ id: 'a', kind: 'dataset' }, [
        finding('a', 'warning'),
        finding('a', 'violation', 'p'),
      ]),
      recordResult({ id: 'b', kind: 'dataset' }, [finding('b', 'warning')]),
      recordResult({ id: 'c', kind: 'dataset' }, []),
    ]);
    expect(summary.records).toBe(3);
    expect(summary.conformingRecords).toBe(2);
    expect(summary.conforms).toBe(false);
    expect(summary.groups.map((g) => [g.severity, g.count, g.records])).toEqual([
      ['violation', 1, 1],
      ['warning', 2, 2],
    ]);
  });
});

describe('SummaryBuilder.replace', () => {
  const T = 'http://purl.org/dc/terms/title';
  const D = 'http://purl.org/dc/terms/description';
  const result = (id: string, ...findings: Finding[]) =>
    recordResult({ id, kind: 'dataset' }, findings);

  it('gives the summary of the replaced list, examples included', () => {
    const list = [
      result('a', finding('a', 'violation', T)),
      result('b', finding('b', 'violation', D), finding('b', 'warning', T)),
      result('c', finding('c', 'violation', D)),
    ];
    const builder = new SummaryBuilder();
    list.forEach((r) => builder.add(r));
    // a's title finding goes (the group lives on through nobody: deleted); a gets b's kind.
    const next = result('a', finding('a', 'violation', D));
    builder.replace(0, list[0] as RecordResult, next);
    list[0] = next;
    expect(builder.exact).toBe(true);
    expect(builder.build()).toEqual(summarize(list));
    expect(builder.build().groups.find((g) => g.path === D)?.example.record.id).toBe('a');
  });

  it('is not exact when an example goes and a later result holds the group', () => {
    const list = [
      result('a', finding('a', 'violation', T)),
      result('b', finding('b', 'violation', T)),
    ];
    const builder = new SummaryBuilder();
    list.forEach((r) => builder.add(r));
    builder.replace(0, list[0] as RecordResult, result('a'));
    expect(builder.exact).toBe(false);
    expect(builder.build().counts.violation).toBe(1);
    expect(builder.build().records).toBe(2);
  });

  it('names the orphaned groups, and is exact again once their example is set', () => {
    const list = [
      result('a', finding('a', 'violation', T)),
      result('b', finding('b', 'violation', T)),
    ];
    const builder = new SummaryBuilder();
    list.forEach((r) => builder.add(r));
    const next = result('a');
    builder.replace(0, list[0] as RecordResult, next);
    list[0] = next;
    expect(builder.orphans()).toEqual([groupKey(finding('b', 'violation', T))]);
    builder.setExample(builder.orphans()[0] as string, finding('b', 'violation', T), 1);
    expect(builder.exact).toBe(true);
    expect(builder.build()).toEqual(summarize(list));
  });

  it("takes the replacement's own finding when the example's record keeps one in the group", () => {
    const big = { ...finding('b', 'violation', T), message: 'z' };
    const list = [
      result('b', { ...finding('b', 'violation', T), message: 'a' }, big),
      result('c', finding('c', 'violation', T)),
    ];
    const builder = new SummaryBuilder();
    list.forEach((r) => builder.add(r));
    // b's example ("a") moves away; its other finding ("z") is now the smallest of record b.
    const next = result('b', big);
    builder.replace(0, list[0] as RecordResult, next);
    list[0] = next;
    expect(builder.exact).toBe(true);
    expect(builder.build()).toEqual(summarize(list));
    expect(builder.build().groups[0]?.example.message).toBe('z');
  });
});

describe('recordJsonPieces', () => {
  it('gives JSON.stringify(result) in pieces of 1,000 findings, whatever the title holds', () => {
    const record = {
      id: 'http://example.org/d',
      kind: 'dataset',
      title: 'Prénoms – "findings":[] ’',
    };
    const many = Array.from({ length: 2500 }, (_, i) => ({
      ...finding(`http://example.org/d/r${i}`, i % 3 ? 'violation' : 'warning'),
      record,
      value: `« ${i} »`,
    }));
    const big = recordResult(record, many, { file: 'page.ttl' });
    const pieces = [...recordJsonPieces(big)];
    expect(pieces.join('')).toBe(JSON.stringify(big));
    expect(pieces).toHaveLength(5); // head, three pieces of findings, tail
    expect(pieces[0]?.endsWith('"findings":[')).toBe(true);
    expect(pieces[4]?.startsWith('],"counts":{"violation":1666,"warning":834,"info":0}')).toBe(
      true,
    );
    const small = recordResult(record, many.slice(0, 3));
    expect([...recordJsonPieces(small)]).toEqual([JSON.stringify(small)]);
    const none = recordResult(record, []);
    expect([...recordJsonPieces(none)]).toEqual([JSON.stringify(none)]);
  });
});
