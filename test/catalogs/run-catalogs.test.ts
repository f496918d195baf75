// run over several catalogs: sample portals with faults on loopback, an unreachable one, the overview.
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../src/catalogs/overview-model.js';
import type { RunReport } from '../../src/run/report-model.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { cli } from '../helpers/cli.js';

type Portal = Awaited<ReturnType<typeof startSamplePortal>>;

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const readJson = async <T>(file: string) => JSON.parse(await readFile(file, 'utf8')) as T;

describe('run over a catalogs file', () => {
  const portals: Portal[] = [];
  let dir: string;
  let out: string;
  let result: Awaited<ReturnType<typeof cli>>;
  let overview: Overview;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dh-catalogs-'));
    out = path.join(dir, 'out');
    portals.push(
      await startSamplePortal({ datasets: 50, seed: 11, faults: '5xx=p2,429=p3,retry-after=0' }),
    );
    portals.push(await startSamplePortal({ datasets: 40, seed: 12, faults: 'malformed=p2' }));
    portals.push(await startSamplePortal({ datasets: 45, seed: 13, faults: 'drift=p2' }));
    const [a, b, c] = portals as [Portal, Portal, Portal];
    const port = await closedPort();
    await writeFile(
      path.join(dir, 'catalogs.yaml'),
      `# three sample portals and one nobody answers
defaults:
  page-size: 20
  retries: 1
catalogs:
  - id: alpha
    title: Alpha <portal>
    source: ${a.url}
  - id: beta
    source: ${b.url}
    page-size: 10
  - id: gamma
    source: ${c.url}
    method: proportional
  - id: nowhere
    source: http://127.0.0.1:${port}
    retries: 0
`,
    );
    result = await cli(['run', '--catalogs', 'catalogs.yaml', '-o', 'out', '--workers', '1'], {
      cwd: dir,
    });
    overview = await readJson<Overview>(path.join(out, 'report.json'));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(portals.map((p) => p.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('exits with the worst catalog’s code and says so per catalog', () => {
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/\[alpha\] 50 datasets: score \d+\/405/);
    expect(result.stderr).toMatch(/warning: \[nowhere\] failed: .*ECONNREFUSED/);
    expect(result.stderr).toContain('4 catalogs (2 complete, 1 incomplete, 1 failed)');
    expect(result.stderr).toContain(`overview: ${path.join('out', 'index.html')}`);
  });

  it('lists every catalog in report.json, in file order, with its own report’s numbers', async () => {
    expect(overview.schema).toBe('dcat-harvest/overview@1');
    expect(overview.catalogs.map((c) => [c.id, c.status, c.exitCode])).toEqual([
      ['alpha', 'ok', 0],
      ['beta', 'incomplete', 3],
      ['gamma', 'ok', 0],
      ['nowhere', 'failed', 3],
    ]);
    expect(overview.exitCode).toBe(3);
    for (const row of overview.catalogs.filter((c) => c.status !== 'failed')) {
      const report = await readJson<RunReport>(path.join(out, row.id, 'report.json'));
      expect(row.score).toBe(report.audit.score);
      expect(row.rating).toBe(report.audit.rating);
      expect(row.datasets).toBe(report.counts.datasets);
      expect(row.findings).toEqual(report.validation.counts);
      expect(row.records).toBe(report.validation.records);
      expect(row.conformingRecords).toBe(report.validation.conformingRecords);
      expect(row.report).toBe(`${row.id}/index.html`);
      await access(path.join(out, row.id, 'index.html'));
    }
    expect(overview.counts).toMatchObject({ catalogs: 4, ok: 2, incomplete: 1, failed: 1 });
  });

  it('gives each catalog its own options over the defaults', async () => {
    const alpha = await readJson<RunReport>(path.join(out, 'alpha', 'report.json'));
    const beta = await readJson<RunReport>(path.join(out, 'beta', 'report.json'));
    const gamma = await readJson<RunReport>(path.join(out, 'gamma', 'report.json'));
    expect(alpha.harvest.pages).toBe(3);
    expect(alpha.counts.datasets).toBe(50);
    expect(beta.harvest.missingPages).toHaveLength(1);
    expect(beta.counts.datasets).toBe(30);
    expect(gamma.audit.method).toBe('proportional');
    expect(alpha.audit.method).toBe('mqa');
  });

  it('keeps a failing catalog as a row with its error, and the failed page counts', () => {
    const nowhere = overview.catalogs.find((c) => c.id === 'nowhere');
    expect(nowhere?.error?.message).toContain('ECONNREFUSED');
    expect(nowhere?.report).toBeUndefined();
    const beta = overview.catalogs.find((c) => c.id === 'beta');
    expect(beta?.failures).toBe(1);
    expect(beta?.missingPages?.[0]?.url).toContain('page=2');
  });

  it('writes a self-contained overview page with the catalog report’s style', async () => {
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('.rating-excellent');
    expect(html).not.toMatch(/<(?:script|link)[^>]+(?:src|href)=/);
    expect(html).toContain('<a href="alpha/index.html">Alpha &lt;portal&gt;</a>');
    expect(html).not.toContain('Alpha <portal>');
    expect(html).toContain('data-catalog="nowhere"');
    expect(html).toMatch(/<dd data-testid="count-catalogs">4<\/dd>/);
  });
});
