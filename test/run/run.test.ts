// run on local data: every file of the report folder, numbers that agree, per-publisher folders, exit codes.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/run/run.js';
import type { RunReport } from '../../src/run/report-model.js';
import type { RecordResult } from '../../src/shacl/findings.js';
import { cli } from '../helpers/cli.js';

const CATALOG = path.resolve('test/fixtures/run/small-catalog.ttl');
const tmp = () => mkdtemp(path.join(tmpdir(), 'dh-run-'));

describe('runPipeline on a local file', () => {
  it('writes the report folder with numbers that agree across files', async () => {
    const out = await tmp();
    const { report, files } = await runPipeline(CATALOG, { out, byPublisher: true });
    expect((await readdir(out)).sort()).toEqual(
      [
        'audit.csv',
        'audit.dqv.ttl',
        'findings.jsonl',
        'index.html',
        'publishers',
        'report.json',
        'validation.sarif',
      ].sort(),
    );
    const json = JSON.parse(await readFile(files.json, 'utf8')) as RunReport;
    expect(json.schema).toBe('dcat-harvest/report@2');
    expect(json.counts).toEqual(report.counts);
    // findings.jsonl holds every finding report.json counts, one record per line.
    const lines = (await readFile(files.findings, 'utf8')).trim().split('\n');
    const results = lines.map((l) => JSON.parse(l) as RecordResult);
    const all = results.flatMap((r) => r.findings);
    expect(all.filter((f) => f.severity === 'violation')).toHaveLength(json.counts.violations);
    expect(json.validation.findings).toMatchObject({
      file: 'findings.jsonl',
      records: lines.length,
      findings: all.length,
    });
    // A dataset's group counts are its record's findings, by group.
    for (const row of json.datasets) {
      const mine = all.filter((f) => f.record.id === row.id);
      expect(row.groups.reduce((n, [, c]) => n + c, 0)).toBe(mine.length);
      for (const severity of ['violation', 'warning', 'info'] as const) {
        const counted = row.groups
          .filter(([g]) => json.validation.groups[g]!.severity === severity)
          .reduce((n, [, c]) => n + c, 0);
        expect(counted).toBe(mine.filter((f) => f.severity === severity).length);
        expect(row.counts[severity]).toBe(counted);
      }
    }
    expect(json.datasets.map((d) => d.id)).toEqual([...json.datasets.map((d) => d.id)].sort());
    expect(json.counts.datasets).toBe(2);
    expect(json.counts.publishers).toBe(1);
    const sarif = JSON.parse(await readFile(files.sarif, 'utf8'));
    const sarifResults = sarif.runs[0].results as { level: string }[];
    expect(sarifResults.filter((r) => r.level === 'error')).toHaveLength(json.counts.violations);
    const csv = (await readFile(files.csv, 'utf8')).trim().split('\r\n');
    expect(csv).toHaveLength(3);
    const dqv = await readFile(files.dqv, 'utf8');
    expect(dqv).toContain('<http://ex.org/d1>');
    const d1 = json.datasets.find((d) => d.id === 'http://ex.org/d1')!;
    expect(d1.title).toBe('Roads <script>');
    expect(d1.indicators).toHaveLength(23);
    expect(d1.score).toBe(d1.indicators.reduce((s, i) => s + i.points, 0));
    const html = await readFile(files.html, 'utf8');
    expect(html).not.toContain('Roads <script>');
    expect(files.publishers).toHaveLength(1);
    const readme = await readFile(path.join(files.publishers[0]!, 'README.md'), 'utf8');
    expect(readme).toContain('## Fix first');
    expect(readme).toContain('Org \\<b\\>1\\</b\\>');
    const rows = (await readFile(path.join(files.publishers[0]!, 'datasets.csv'), 'utf8'))
      .trim()
      .split('\r\n');
    expect(rows[1]!.startsWith('http://ex.org/d2,')).toBe(true); // worst score first
  });
});

describe('the run command', () => {
  it('sets exit 1 under --min-score and with --fail-on violation, 0 otherwise', async () => {
    const out = await tmp();
    const ok = await cli(['run', CATALOG, '-o', out]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/\[validate\] 3 records/);
    expect(ok.stderr).toMatch(/2 datasets, 1 publishers: catalog score \d+\/405/);
    expect((await cli(['run', CATALOG, '-o', out, '--min-score', '400'])).code).toBe(1);
    expect((await cli(['run', CATALOG, '-o', out, '--min-rating', 'good'])).code).toBe(1);
    expect((await cli(['run', CATALOG, '-o', out, '--fail-on', 'violation'])).code).toBe(1);
  });

  it('exits 2 on bad options and 3 on a missing source', async () => {
    const out = await tmp();
    expect((await cli(['run', CATALOG, '-o', out, '--min-score', 'lots'])).code).toBe(2);
    expect((await cli(['run', CATALOG, '-o', out, '--method', 'average'])).code).toBe(2);
    const missing = await cli(['run', path.join(out, 'nope.ttl'), '-o', out]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('source not found');
  });
});

describe('run and the commands it stands for', () => {
  it('scores every dataset as `audit` does and counts findings as `validate` does, reading each page once', async () => {
    const out = await tmp();
    const { files } = await runPipeline(CATALOG, { out, workers: 2 });
    const json = JSON.parse(await readFile(files.json, 'utf8')) as RunReport;
    const audit = await cli(['audit', CATALOG, '--report', 'json']);
    const audited = JSON.parse(audit.stdout) as {
      datasets: { id: string; score: number; indicators: { id: string; points: number }[] }[];
    };
    expect(json.datasets.map((d) => [d.id, d.score])).toEqual(
      audited.datasets.map((d) => [d.id, d.score]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    for (const d of audited.datasets) {
      const row = json.datasets.find((r) => r.id === d.id)!;
      expect(row.indicators.map((i) => i.points)).toEqual(d.indicators.map((i) => i.points));
    }
    const validated = await cli(['validate', CATALOG, '--report', 'json']);
    const summary = (JSON.parse(validated.stdout) as { summary: { counts: unknown } }).summary;
    expect(json.validation.counts).toEqual(summary.counts);
  });
});
