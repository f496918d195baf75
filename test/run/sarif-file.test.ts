// writeSarifFile: the SARIF of a findings file written on a worker thread, equal to the renderer's.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sarifRenderer } from '../../src/report/sarif.js';
import { writeSarifFile } from '../../src/run/sarif-file.js';
import { runRecords } from '../../src/shacl/findings.js';
import { sampleRun } from '../report/run-fixture.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sarif-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeSarifFile', () => {
  const run = sampleRun();
  const findings = path.join(dir, 'findings.jsonl');
  writeFileSync(findings, [...runRecords(run)].map((r) => `${JSON.stringify(r)}\n`).join(''));
  const job = (sarif: string, from = findings) => ({
    findings: from,
    sarif,
    summary: run.summary,
    notices: run.notices,
    shapes: run.shapes,
    version: '9.9.9',
  });

  it('writes what the SARIF renderer gives for the same findings, on its own thread', async () => {
    const out = path.join(dir, 'a.sarif');
    await writeSarifFile(job(out));
    const written = readFileSync(out, 'utf8');
    expect(written).toBe(sarifRenderer.render(run, { version: '9.9.9' }));
    const sarif = JSON.parse(written);
    expect(sarif.runs[0].results).toHaveLength(5);
    expect(sarif.runs[0].tool.driver.rules).toHaveLength(4);
    expect(sarif.runs[0].tool.driver.semanticVersion).toBe('9.9.9');
  });

  it('rejects naming the findings file when it cannot be read', async () => {
    const missing = path.join(dir, 'missing.jsonl');
    await expect(writeSarifFile(job(path.join(dir, 'b.sarif'), missing))).rejects.toThrow(
      /missing\.jsonl/,
    );
  });

  it('stops when its signal aborts', async () => {
    const stop = new AbortController();
    stop.abort(new Error('interrupted by SIGINT'));
    await expect(writeSarifFile(job(path.join(dir, 'c.sarif')), stop.signal)).rejects.toThrow();
  });
});
