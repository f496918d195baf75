// diff's memory does not grow with the findings' text: two report folders whose findings.jsonl
// are each larger than the whole V8 heap the diff is given compare fine.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { FindingsDiff } from '../../src/diff/findings.js';
import { finding, folder, head, reportText, result, row } from '../helpers/run-report.js';

const HEAP_MB = 48;
const RECORDS = 2_000;
const PER_RECORD = 60;
const CHILD = path.resolve('test/diff/diff-child.ts');

/** findings.jsonl of RECORDS × PER_RECORD findings with long messages; `changed` records differ. */
async function writeFindings(file: string, side: string, changed: number): Promise<void> {
  const out = createWriteStream(file);
  for (let r = 0; r < RECORDS; r++) {
    const id = `https://example.org/ds/${r}`;
    const list = Array.from({ length: PER_RECORD }, (_, k) =>
      finding(id, k === 0 ? `_:${side}${r}` : `${id}/dist/${k}`, k % 2 ? 'license' : 'format', {
        message: `distribution ${k} of dataset ${id} ${'has a long explanation. '.repeat(20)}`,
      }),
    );
    if (r < changed) list[1] = { ...list[1]!, path: 'http://purl.org/dc/terms/title' };
    if (!out.write(JSON.stringify(result(id, list)) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('diff under a small heap', () => {
  it(`compares two findings.jsonl larger than its ${HEAP_MB} MB heap`, async () => {
    const dir = await folder({});
    for (const [side, changed] of [
      ['a', 0],
      ['b', 7],
    ] as const) {
      await mkdir(path.join(dir, side));
      const report = reportText(head(), [row('https://example.org/ds/0', 100)]);
      await writeFile(path.join(dir, side, 'report.json'), report);
      await writeFindings(path.join(dir, side, 'findings.jsonl'), side, changed);
    }
    const size = (await stat(path.join(dir, 'a', 'findings.jsonl'))).size / 2 ** 20;
    expect(size).toBeGreaterThan(2 * HEAP_MB);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_MB}`,
        '--import',
        'tsx',
        CHILD,
        path.join(dir, 'a'),
        path.join(dir, 'b'),
      ],
      { maxBuffer: 1 << 20 },
    );
    const { findings } = JSON.parse(stdout) as { findings: FindingsDiff };
    expect(findings.before).toBe(RECORDS * PER_RECORD);
    expect(findings.after).toBe(RECORDS * PER_RECORD);
    expect(findings.totals.introduced.violation).toBe(7);
    expect(findings.totals.fixed.violation).toBe(7);
    expect(findings.introduced.map((f) => f.record)).toEqual(
      [0, 1, 2, 3, 4].map((r) => `https://example.org/ds/${r}`),
    );
  }, 120_000);
});
