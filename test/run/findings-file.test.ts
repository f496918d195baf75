import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digest } from '../../src/key-set.js';
import { writeFindingsFile } from '../../src/run/findings-file.js';
import type { Tally } from '../../src/shacl/summary.js';
import {
  recordJsonPieces,
  recordResult,
  type Finding,
  type RecordRef,
  type RecordResult,
} from '../../src/shacl/findings.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-findings-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const a: RecordRef = { id: 'http://example.org/a', kind: 'dataset', title: 'Électricité' };
const b: RecordRef = { id: 'http://example.org/b', kind: 'dataset', title: 'B' };

function finding(record: RecordRef, node: string, n: number): Finding {
  return {
    focusNode: node,
    record,
    component: 'http://www.w3.org/ns/shacl#MinCountConstraintComponent',
    severity: n % 3 === 0 ? 'warning' : 'violation',
    message: `dcat:Distribution ${node} of dataset «${record.title}» (${record.id}): needs dcat:accessURL – n° ${n}`,
    sourceShape: 'http://example.org/shapes#Distribution',
    path: 'http://www.w3.org/ns/dcat#accessURL',
  };
}

/** How many findings a tally counts. */
function size(tally: Tally): number {
  let n = 0;
  tally.each(() => n++);
  return n;
}

/** A result's text as the spool holds it (written in pieces, as a run's spool does). */
function text(result: RecordResult): Buffer {
  return Buffer.concat([...recordJsonPieces(result)].map((p) => Buffer.from(p, 'utf8')));
}

describe('writeFindingsFile', () => {
  it('moves a shared node’s findings out of a 2,500-finding record, its line the JSON of what it keeps', () => {
    const shared = 'http://example.org/publisher';
    const many = Array.from({ length: 2500 }, (_, n) => finding(a, `_:d${n}`, n));
    const first = recordResult(a, [...many, finding(a, shared, 7)], { file: 'page-1.ttl' });
    const empty = recordResult({ id: 'http://example.org/c', kind: 'dataset' }, []);
    const second = recordResult(b, [finding(b, '_:x', 1)], { file: 'page-2.ttl' });
    const changes: [number, number, number][] = [];
    const file = path.join(dir, 'findings.jsonl');
    const written = writeFindingsFile(
      file,
      [text(first), text(empty), text(second)],
      [{ node: digest(shared), from: 0, to: 2 }],
      (at, old, next) => changes.push([at, size(old), size(next)]),
    );

    const moved = { ...finding(a, shared, 7), record: b, source: { file: 'page-2.ttl' } };
    moved.message = moved.message.replace(
      '«Électricité» (http://example.org/a)',
      '«B» (http://example.org/b)',
    );
    const expected = [
      recordResult(a, many, { file: 'page-1.ttl' }),
      recordResult(b, [finding(b, '_:x', 1), moved], { file: 'page-2.ttl' }),
    ];
    const bytes = readFileSync(file);
    expect(bytes.toString('utf8')).toBe(expected.map((r) => JSON.stringify(r) + '\n').join(''));
    expect(written.records).toBe(2);
    expect(written.findings).toBe(2502);
    expect(changes).toEqual([
      [0, 2501, 2500],
      [2, 1, 2],
    ]);
    // Each line's recorded place holds exactly its text.
    expect(
      [0, 2].map((at) => {
        const line = written.lines.get(at)!;
        return bytes.toString('utf8', line.start, line.start + line.length);
      }),
    ).toEqual(expected.map((r) => JSON.stringify(r)));
    expect(written.lines.has(1)).toBe(false);
  });
});
