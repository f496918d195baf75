// FindingDeduper: a shared node's findings once, under the first record; a node whose findings
// differ between records is reported each time; repeats within a record collapse.
import { describe, expect, it } from 'vitest';
import { FindingDeduper } from '../../src/shacl/dedupe.js';
import type { Finding } from '../../src/shacl/findings.js';
import { packFindings, unpack } from '../../src/shacl/packed.js';

const SH = 'http://www.w3.org/ns/shacl#';
const finding = (record: string, focusNode: string, path: string): Finding => ({
  focusNode,
  record: { id: record, kind: 'dataset' },
  path,
  component: SH + 'MinCountConstraintComponent',
  severity: 'violation',
  message: `${focusNode} has no ${path}`,
  sourceShape: 'urn:shape:' + path,
});

/** The deduper on findings as a record gives them: packed, and the kept nodes' findings read back. */
class Deduper {
  private readonly d = new FindingDeduper();
  fresh(findings: Finding[], ordinal?: number): Finding[] {
    const packed = packFindings(findings);
    return unpack(packed, this.d.fresh(packed, ordinal));
  }
  revise(findings: Finding[], ordinal: number): Finding[] {
    const packed = packFindings(findings);
    return unpack(packed, this.d.revise(packed, ordinal));
  }
  get size(): number {
    return this.d.size;
  }
}

describe('FindingDeduper', () => {
  it('reports a shared publisher once, and every record its own nodes', () => {
    const d = new Deduper();
    const a = d.fresh([
      finding('urn:a', 'urn:a', 'dct:description'),
      finding('urn:a', 'urn:org', 'foaf:name'),
      finding('urn:a', 'urn:org', 'dct:type'),
    ]);
    expect(a.map((f) => f.focusNode)).toEqual(['urn:a', 'urn:org', 'urn:org']);
    const b = d.fresh([
      finding('urn:b', 'urn:org', 'dct:type'),
      finding('urn:b', 'urn:org', 'foaf:name'),
      finding('urn:b', 'urn:b', 'dct:description'),
    ]);
    expect(b.map((f) => [f.focusNode, f.path])).toEqual([['urn:b', 'dct:description']]);
    expect(d.size).toBe(3);
  });

  it('reports a node again when another record gives it other findings', () => {
    const d = new Deduper();
    d.fresh([finding('urn:a', 'urn:org', 'foaf:name')]);
    const b = d.fresh([
      finding('urn:b', 'urn:org', 'foaf:name'),
      finding('urn:b', 'urn:org', 'dct:type'),
    ]);
    expect(b.map((f) => f.path)).toEqual(['foaf:name', 'dct:type']);
  });

  it('collapses identical findings within one record, and a repeated record gives nothing new', () => {
    const d = new Deduper();
    const twice = [finding('urn:a', 'urn:a', 'dct:title'), finding('urn:a', 'urn:a', 'dct:title')];
    expect(d.fresh(twice)).toHaveLength(1);
    expect(d.fresh(twice)).toEqual([]);
  });
});

describe('FindingDeduper.revise', () => {
  it('reports again the nodes the revised result reported, and not the ones another result did', () => {
    const d = new Deduper();
    d.fresh([finding('urn:a', 'urn:org', 'foaf:name')], 0);
    d.fresh([finding('urn:b', 'urn:b', 'dct:title'), finding('urn:b', 'urn:org2', 'foaf:name')], 1);
    // Result 1 again: its own node now without dct:title but with another finding; urn:org (result
    // 0's, same set) stays out; urn:org2 (its own) comes back with the same set.
    const revised = d.revise(
      [
        finding('urn:b', 'urn:b', 'dct:description'),
        finding('urn:b', 'urn:org', 'foaf:name'),
        finding('urn:b', 'urn:org2', 'foaf:name'),
      ],
      1,
    );
    expect(revised.map((f) => `${f.focusNode} ${f.path}`)).toEqual([
      'urn:b dct:description',
      'urn:org2 foaf:name',
    ]);
    // A later record meeting urn:b's new set drops it; its old set would have been reported.
    expect(d.fresh([finding('urn:c', 'urn:b', 'dct:description')], 2)).toEqual([]);
    expect(d.fresh([finding('urn:c', 'urn:b', 'dct:title')], 2)).toHaveLength(1);
  });
});

describe('FindingDeduper at scale', () => {
  it('remembers 50,000 nodes through its table growing, and drops every repeat', () => {
    const d = new Deduper();
    const nodes = Array.from({ length: 50_000 }, (_, i) => `http://x/n${i}`);
    for (const n of nodes) expect(d.fresh([finding('urn:a', n, 'dct:title')], 0)).toHaveLength(1);
    expect(d.size).toBe(50_000);
    for (const n of nodes) expect(d.fresh([finding('urn:b', n, 'dct:title')], 1)).toEqual([]);
    expect(d.fresh([finding('urn:b', 'http://x/n7', 'dct:format')], 1)).toHaveLength(1);
    expect(d.size).toBe(50_000);
  });
});
