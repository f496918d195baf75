import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const CATALOG = 'test/fixtures/audit/catalog.ttl';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'audit-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dcat-harvest audit', () => {
  it('prints the text report with the method named and explanations', async () => {
    const { code, stdout } = await cli(['audit', CATALOG]);
    expect(code).toBe(0);
    expect(stdout).toContain('method: MQA (piveau: best distribution counts)');
    expect(stdout).toContain('Catalog score 200/405: Sufficient');
    expect(stdout).toContain('http://example.org/roads "Roads": 300/405 Good');
    expect(stdout).toContain('best distribution <http://example.org/roads-csv> of 2');
    expect(stdout).toContain('✗ Time-based search');
    expect(stdout).toContain('Fix first');
  });

  it('writes json, csv, markdown and DQV reports to files', async () => {
    const files = ['json', 'csv', 'markdown', 'dqv-turtle', 'dqv-jsonld'].map((f) => [
      f,
      path.join(dir, `audit.${f}`),
    ]);
    const { code } = await cli([
      'audit',
      CATALOG,
      '--method',
      'proportional',
      ...files.flatMap(([f, file]) => ['--report', `${f}:${file}`]),
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(await readFile(files[0]![1]!, 'utf8'));
    expect(json.schema).toBe('dcat-harvest/audit@1');
    expect(json.method).toBe('proportional');
    expect(json.datasets).toHaveLength(2);
    expect(json.datasets[0].indicators).toHaveLength(23);
    const csv = (await readFile(files[1]![1]!, 'utf8')).trim().split('\r\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toMatch(/^dataset,title,publisher,score,rating,method,/);
    expect(csv[1]).toContain(',proportional,');
    expect(await readFile(files[2]![1]!, 'utf8')).toContain('## Fix first');
    const ttl = await readFile(files[3]![1]!, 'utf8');
    const quads = new Parser().parse(ttl);
    expect(
      quads.some((q) => q.object.value === 'https://piveau.eu/ns/voc#keywordAvailability'),
    ).toBe(true);
    expect(quads.some((q) => q.object.value === 'https://piveau.eu/ns/voc#scoring')).toBe(true);
    expect(JSON.parse(await readFile(files[4]![1]!, 'utf8'))).toBeTruthy();
  });

  it('exits 1 under --min-score or --min-rating and 0 when met', async () => {
    expect((await cli(['audit', CATALOG, '--min-score', '250', '--report', 'json'])).code).toBe(1);
    expect((await cli(['audit', CATALOG, '--min-rating', 'good', '--report', 'json'])).code).toBe(
      1,
    );
    expect(
      (await cli(['audit', CATALOG, '--min-rating', 'sufficient', '--report', 'json'])).code,
    ).toBe(0);
  });

  it('reads stdin', async () => {
    const text = await readFile(CATALOG, 'utf8');
    const { code, stdout } = await cli(['audit', '-', '--format', 'turtle', '--report', 'csv'], {
      stdin: text,
    });
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[1]).toMatch(
      /^http:\/\/example.org\/roads,Roads,Example Agency,300,good,/,
    );
  });

  it('refuses bad options with exit 2', async () => {
    for (const args of [
      ['--check-links', 'some'],
      ['--report', 'pdf'],
      ['--min-rating', 'great'],
      ['--status-range', '399-200'],
      ['--report', 'text', '--report', 'json'],
    ]) {
      const { code, stderr } = await cli(['audit', CATALOG, ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).not.toBe('');
    }
  });

  it('exits 3 on a missing input', async () => {
    expect((await cli(['audit', path.join(dir, 'nope.ttl')])).code).toBe(3);
  });

  it('can skip the compliance check', async () => {
    const { stdout } = await cli(['audit', CATALOG, '--no-compliance']);
    expect(stdout).toContain('DCAT-AP compliance (30) was not checked');
  });
});
