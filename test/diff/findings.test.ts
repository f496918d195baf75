// compareFindings: findings compared by what they are, not where they were filed, as a multiset;
// blank-node labels do not count; the totals are exact and the lists capped.
import { describe, expect, it } from 'vitest';
import { compareFindings, findingIdentity } from '../../src/diff/findings.js';
import { DigestCounts } from '../../src/diff/digest-counts.js';
import { digest } from '../../src/key-set.js';
import type { Finding, RecordResult } from '../../src/shacl/findings.js';
import { SH, finding, findingsText, folder, result } from '../helpers/run-report.js';

const D1 = 'https://example.org/ds/1';
const D2 = 'https://example.org/ds/2';
const ORG = 'https://example.org/org/1';

async function files(before: RecordResult[], after: RecordResult[]): Promise<[string, string]> {
  const dir = await folder({
    'a/findings.jsonl': findingsText(before),
    'b/findings.jsonl': findingsText(after),
  });
  return [`${dir}/a/findings.jsonl`, `${dir}/b/findings.jsonl`];
}

/** The findings of one run: a publisher shared by two datasets, blank distributions. */
function run(labels: [string, string], publisherUnder: string): RecordResult[] {
  const blank = (record: string, label: string, path: string) =>
    finding(record, label, path, { message: `distribution ${label} has no dct:${path}` });
  const publisher = finding(publisherUnder, ORG, 'type', {
    severity: 'warning',
    record: { id: publisherUnder, kind: 'dataset' },
  });
  const d1: Finding[] = [
    finding(D1, D1, 'description'),
    // Two blank distributions of D1 with the same problem: counted twice.
    blank(D1, labels[0], 'license'),
    blank(D1, labels[1], 'license'),
    finding(D1, D1, 'distribution', {
      component: `${SH}ClassConstraintComponent`,
      value: labels[0],
      message: `${labels[0]} is not a dcat:Distribution`,
    }),
  ];
  const d2: Finding[] = [
    finding(D2, D2, 'description', { sourceShape: `_:shape-${labels[1].slice(2)}` }),
  ];
  if (publisherUnder === D1) d1.push(publisher);
  else d2.push(publisher);
  return [result(D1, d1), result(D2, d2)];
}

describe('findingIdentity', () => {
  it('replaces blank focus nodes, values and shapes, and keeps the rest', () => {
    const a = finding(D1, '_:b1', 'license', { value: '_:b7', sourceShape: '_:s1' });
    const b = finding(D1, '_:x9', 'license', { value: '_:n0', sourceShape: '_:s9' });
    expect(findingIdentity(a)).toBe(findingIdentity(b));
    // The blank node of another record is another finding.
    expect(findingIdentity(finding(D2, '_:b1', 'license'))).not.toBe(
      findingIdentity(finding(D1, '_:b1', 'license')),
    );
    // Not the message, not the record an IRI's finding is filed under.
    expect(findingIdentity(finding(D1, ORG, 'type', { message: 'x' }))).toBe(
      findingIdentity(finding(D2, ORG, 'type', { message: 'y' })),
    );
    for (const change of [
      { severity: 'warning' as const },
      { path: `${SH}other` },
      { component: `${SH}MaxCountConstraintComponent` },
      { sourceShape: 'https://example.org/shapes#other' },
      { value: '' },
      { focusNode: D2 },
    ]) {
      expect(findingIdentity({ ...finding(D1, D1, 'title'), ...change })).not.toBe(
        findingIdentity(finding(D1, D1, 'title')),
      );
    }
  });
});

describe('compareFindings', () => {
  it('finds no change between two runs over the same graph filed and labelled differently', async () => {
    const before = run(['_:b0', '_:b1'], D1);
    // Another parse: other blank labels, the publisher's finding under the other dataset, the
    // lines and the findings in another order.
    const after = run(['_:n3-77', '_:n3-78'], D2)
      .reverse()
      .map((r) => ({ ...r, findings: [...r.findings].reverse() }));
    const [a, b] = await files(before, after);
    const diff = await compareFindings(a, b);
    expect(diff).toEqual({
      before: 6,
      after: 6,
      totals: {
        introduced: { violation: 0, warning: 0, info: 0 },
        fixed: { violation: 0, warning: 0, info: 0 },
      },
      introduced: [],
      fixed: [],
      limit: 100,
    });
  });

  it('lists a real change: a finding fixed, one introduced, one of two identical ones gone', async () => {
    const before = run(['_:b0', '_:b1'], D1);
    const after = run(['_:c0', '_:c1'], D1);
    // D1's description is fixed, and only one of its two blank distributions still lacks a licence.
    after[0]!.findings = after[0]!.findings.filter(
      (f) => f.focusNode !== D1 || f.path !== 'http://purl.org/dc/terms/description',
    );
    after[0]!.findings.splice(
      after[0]!.findings.findIndex((f) => f.focusNode === '_:c1'),
      1,
    );
    // D2 gets a new warning.
    after[1]!.findings.push(finding(D2, D2, 'keyword', { severity: 'warning' }));
    const [a, b] = await files(before, after);
    const diff = await compareFindings(a, b);
    expect(diff.totals).toEqual({
      introduced: { violation: 0, warning: 1, info: 0 },
      fixed: { violation: 2, warning: 0, info: 0 },
    });
    expect(diff.introduced).toEqual([
      {
        record: D2,
        kind: 'dataset',
        severity: 'warning',
        message: `${D2} has no dct:keyword`,
        focusNode: D2,
        path: 'http://purl.org/dc/terms/keyword',
        component: `${SH}MinCountConstraintComponent`,
        shape: 'https://example.org/shapes#keyword',
      },
    ]);
    expect(diff.fixed.map((f) => [f.record, f.focusNode, f.path])).toEqual([
      // Which of two identical findings is named is the first met in the file.
      [D1, '_:b0', 'http://purl.org/dc/terms/license'],
      [D1, D1, 'http://purl.org/dc/terms/description'],
    ]);
  });

  it('gives exact totals and lists at most `limit`, worst first', async () => {
    const added = Array.from({ length: 250 }, (_, i) =>
      finding(D1, `https://example.org/dist/${String(i).padStart(3, '0')}`, 'license', {
        severity: i % 2 === 0 ? 'warning' : 'violation',
      }),
    );
    const [a, b] = await files([], [result(D1, added)]);
    const diff = await compareFindings(a, b, { limit: 10 });
    expect(diff.totals.introduced).toEqual({ violation: 125, warning: 125, info: 0 });
    expect(diff.introduced.map((f) => f.focusNode)).toEqual(
      Array.from(
        { length: 10 },
        (_, i) => `https://example.org/dist/${String(2 * i + 1).padStart(3, '0')}`,
      ),
    );
    expect(diff.introduced.every((f) => f.severity === 'violation')).toBe(true);
    expect(diff.fixed).toEqual([]);
    const none = await compareFindings(a, b, { limit: 0 });
    expect(none.introduced).toEqual([]);
    expect(none.totals.introduced.violation).toBe(125);
  });
});

describe('DigestCounts', () => {
  it('counts 20,000 keys through its growth and sums what is left on each side', () => {
    const table = new DigestCounts();
    for (let i = 0; i < 20_000; i++) table.add(digest(`k${i}`), 1);
    for (let i = 0; i < 20_000; i++) table.add(digest(`k${i}`), i < 19_990 ? -1 : 1);
    for (let i = 0; i < 5; i++) table.add(digest(`new${i}`), -1);
    expect(table.size).toBe(20_005);
    expect(table.get(digest('k19995'))).toBe(2);
    expect(table.get(digest('k5'))).toBe(0);
    expect(table.get(digest('absent'))).toBe(0);
    expect(table.totals()).toEqual({ positive: 20, negative: 5 });
  });
});
