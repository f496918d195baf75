// Packed findings: what a worker sends and the spool writes reads back as the findings themselves,
// as the same JSON text, and counts into the same summary.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  recordResult,
  type Finding,
  type RecordResult,
  type Severity,
} from '../../src/shacl/findings.js';
import { SummaryBuilder } from '../../src/shacl/summary.js';
import {
  NODE_STRIDE,
  PackedResult,
  nodeCount,
  packFindings,
  transferables,
  unpack,
} from '../../src/shacl/packed.js';
import { JsonSpool } from '../../src/spool.js';

const SH = 'http://www.w3.org/ns/shacl#';
const record = { id: 'http://x/d1', kind: 'dataset', title: 'Accidents – La Seyne « 2020 »' };
const finding = (focusNode: string, path: string, severity: Severity, value?: string): Finding => ({
  focusNode,
  record,
  path,
  component: SH + (value ? 'DatatypeConstraintComponent' : 'MinCountConstraintComponent'),
  severity,
  ...(value === undefined ? {} : { value }),
  message: `${focusNode} of «${record.title}»: ${path} ${value ?? 'missing'} — fix it’s 🌍`,
  sourceShape: 'urn:shape:' + path,
  source: { file: '/tmp/page.ttl' },
});

const findings: Finding[] = [
  finding('http://x/d1', 'dct:description', 'violation'),
  finding('_:p3_7', 'spdx:checksumValue', 'violation', '3df0'),
  finding('http://x/d1', 'dcat:theme', 'warning'),
  finding('_:p3_7', 'spdx:checksumValue', 'violation', '3df0'), // repeated: collapses
  finding('http://x/org', 'dct:type', 'warning'),
];

describe('packFindings', () => {
  it('packs a record whose text passes what it keeps between its passes (made again)', () => {
    // 3,000 nodes of ≈ 2,000 characters: 6 million, past the 4 million kept.
    const many = Array.from({ length: 3000 }, (_, i) => ({
      ...finding(`http://x/n${i}`, 'dct:title', 'violation'),
      message: `${i} é ${'x'.repeat(2000)}`,
    }));
    const packed = packFindings(many);
    expect(nodeCount(packed)).toBe(3000);
    expect(packed.bytes.length).toBeGreaterThan(6_000_000);
    expect(unpack(packed)).toEqual(many);
    expect(unpack(packed, [2999])).toEqual([many[2999]]);
  });

  it('groups findings by node in order of first appearance, repeats collapsed, and reads them back', () => {
    const packed = packFindings(findings);
    expect(nodeCount(packed)).toBe(3);
    expect(unpack(packed)).toEqual([findings[0], findings[2], findings[1], findings[4]]);
    expect(unpack(packed, [2, 0])).toEqual([findings[4], findings[0], findings[2]]);
    // Parsed findings share their record and source objects, as a validator's do.
    const [a, b, c] = unpack(packed);
    expect(a!.record).toBe(b!.record);
    expect(a!.source).toBe(c!.source);
    const other = packFindings([
      { ...findings[0]!, record: { id: 'http://x/d2', kind: 'dataset' } },
    ]);
    expect(unpack(other)[0]!.record).toEqual({ id: 'http://x/d2', kind: 'dataset' });
    // One summary group per (severity, shape, component, path, record kind).
    expect(packed.groups).toHaveLength(4);
    expect([...packed.tally].map((g) => packed.groups[g]!.split('\u0000')[0])).toEqual([
      'violation',
      'warning',
      'violation',
      'warning',
    ]);
  });

  it('gives a node the same set digest whatever the order of its findings, another for another set', () => {
    const a = packFindings([findings[0]!, findings[2]!]);
    const b = packFindings([findings[2]!, findings[0]!]);
    const c = packFindings([findings[0]!]);
    const words = (p: typeof a) => [...p.nodes.subarray(0, 4)];
    expect(words(a)).toEqual(words(b));
    expect(words(a).slice(0, 2)).toEqual(words(c).slice(0, 2)); // same node
    expect(words(a).slice(2)).not.toEqual(words(c).slice(2)); // another set
    expect(a.nodes.length).toBe(NODE_STRIDE);
  });

  it('packs no findings into empty arrays, and gives each packed record buffers of its own', () => {
    const empty = packFindings([]);
    expect([empty.bytes.length, empty.nodes.length, empty.tally.length]).toEqual([0, 0, 0]);
    const one = packFindings(findings);
    const two = packFindings(findings);
    const buffers = transferables([empty, one, two]);
    expect(buffers).toHaveLength(6);
    expect(new Set(buffers).size).toBe(6);
  });
});

describe('PackedResult', () => {
  it('equals recordResult of the kept nodes, and writes the same text as JSON.stringify', () => {
    const packed = packFindings(findings);
    for (const kept of [[0, 1, 2], [1], [], [2, 0], [1, 2], [0, 2]]) {
      const result = new PackedResult(record, packed, kept, { file: '/tmp/page.ttl' });
      const expected: RecordResult = recordResult(record, unpack(packed, kept), {
        file: '/tmp/page.ttl',
      });
      expect(result.result()).toEqual(expected);
      expect(result.counts).toEqual(expected.counts);
      expect(result.conforms).toBe(expected.conforms);
      const text = Buffer.concat(
        [...result.jsonPieces()].map((p) => (typeof p === 'string' ? Buffer.from(p) : p)),
      ).toString('utf8');
      expect(text).toBe(JSON.stringify(expected));
    }
    // Consecutive nodes are one slice of bytes: head, slice, tail; a gap adds `,` and a slice.
    const pieces = (kept: number[]) => [...new PackedResult(record, packed, kept).jsonPieces()];
    expect(pieces([0, 1, 2]).map((p) => typeof p)).toEqual(['string', 'object', 'string']);
    expect(pieces([0, 2]).map((p) => typeof p)).toEqual([
      'string',
      'object',
      'string',
      'object',
      'string',
    ]);
    const revised = new PackedResult(record, packed, [0]);
    revised.revises = 4;
    expect(revised.result().revises).toBe(4);
    expect(
      JSON.parse(Buffer.concat([...revised.jsonPieces()].map((p) => Buffer.from(p))).toString()),
    ).toEqual(revised.result());
  });

  it('counts into the same summary as its parsed result, parsing only group examples', () => {
    const packed = packFindings(findings);
    const fromPacked = new SummaryBuilder();
    const fromResults = new SummaryBuilder();
    const a = new PackedResult(record, packed, [0, 1, 2]);
    const b = new PackedResult({ ...record, id: 'http://x/d2' }, packed, [1]);
    fromPacked.add(a);
    fromPacked.add(b);
    fromResults.add(a.result());
    fromResults.add(b.result());
    expect(fromPacked.build()).toEqual(fromResults.build());
    expect(fromPacked.build().groups.map((g) => [g.count, g.records])).toEqual([
      [2, 2],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });
});

describe('JsonSpool.addText', () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'packed-spool-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('keeps values in memory until the limit, then writes byte pieces as they are', () => {
    const spool = new JsonSpool<RecordResult>(parent, 1);
    const packed = packFindings(findings);
    const results = [[0], [1, 2], [2]].map((kept) => new PackedResult(record, packed, kept));
    let built = 0;
    for (const r of results) {
      spool.addText(r.jsonPieces(), () => {
        built++;
        return r.result();
      });
    }
    expect(built).toBe(1); // only the one kept in memory
    expect(spool.onDisk).toBe(true);
    expect([...spool]).toEqual(results.map((r) => r.result()));
    expect([...spool.texts()]).toEqual(results.map((r) => JSON.stringify(r.result())));
    spool.close();
  });
});
