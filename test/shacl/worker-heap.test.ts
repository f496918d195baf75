// A page that needs more than a worker's heap is validated in the main thread instead, with the
// same results and a notice naming it; --worker-heap sets the heap and rejects nonsense.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidation } from '../../src/shacl/run.js';
import { cli } from '../helpers/cli.js';

let dir: string;
let giant: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dh-heap-'));
  giant = path.join(dir, 'giant.ttl');
  const lines = [
    '@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .',
    '<http://example.org/giant> a dcat:Dataset ; dct:title "Giant"@en ; dct:description "Many files."@en .',
  ];
  for (let k = 0; k < 8000; k++) {
    lines.push(
      `<http://example.org/giant> dcat:distribution <http://example.org/giant/d${k}> .`,
      `<http://example.org/giant/d${k}> a dcat:Distribution ; dcat:accessURL <http://example.org/f/${k}.csv> ; dct:format "CSV" .`,
    );
  }
  await writeFile(giant, lines.join('\n') + '\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('worker heap', () => {
  it('validates a page too big for a 64 MB worker in the main thread, results unchanged', async () => {
    const here = await runValidation([giant], { profile: 'dcat-ap-3', workers: 0 });
    const pooled = await runValidation([giant], {
      profile: 'dcat-ap-3',
      workers: 1,
      workerHeapMb: 64,
    });
    expect(pooled.summary).toEqual(here.summary);
    expect(here.summary.counts.violation).toBeGreaterThanOrEqual(16000);
    expect(pooled.notices).toContain(
      `${giant}: needed more than a worker's 64 MB heap, validated in the main thread instead (raise it with --worker-heap)`,
    );
    expect(here.notices.some((n) => n.includes('heap'))).toBe(false);
  }, 60_000);

  it('rejects a --worker-heap under 64 MB, naming the option', async () => {
    const result = await cli(['validate', giant, '--workers', '1', '--worker-heap', '10']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--worker-heap expects 0 or at least 64 \(MB\), got "10"/);
  });
});
