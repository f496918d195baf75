// Tests for the validate and profiles commands: exit codes per --fail-on, reports to files, errors.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/shacl');
const shapes = path.join(FIXTURES, 'shapes.ttl');
const catalog = path.join(FIXTURES, 'catalog.ttl');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dh-validate-'));
  await writeFile(
    path.join(dir, 'warn-only.ttl'),
    `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
     <http://x/d> a dcat:Dataset ; dct:title "T" ; dct:description "D" .`,
  );
  await writeFile(
    path.join(dir, 'clean.ttl'),
    `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
     <http://x/d> a dcat:Dataset ; dct:title "T" ; dct:description "D" ; dcat:keyword "k" .`,
  );
  await writeFile(path.join(dir, 'broken.ttl'), '<http://x/a> <http://x/b> .\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const validate = (...args: string[]) =>
  cli(['validate', ...args, '--shapes', shapes], { cwd: dir });

describe('dcat-harvest validate', () => {
  it('exits 1 on violations by default and prints the text report', async () => {
    const result = await validate(catalog);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('has no dct:description (required, at least 1)');
    expect(result.stdout).toContain('FAIL: findings at or above violation');
  });

  it('exits 0 with only warnings, unless --fail-on warning', async () => {
    expect((await validate('warn-only.ttl')).code).toBe(0);
    expect((await validate('warn-only.ttl', '--fail-on', 'warning')).code).toBe(1);
    expect((await validate('warn-only.ttl', '--fail-on', 'info')).code).toBe(1);
    expect((await validate(catalog, '--fail-on', 'never')).code).toBe(0);
  });

  it('exits 0 on a clean record even with --fail-on info', async () => {
    expect((await validate('clean.ttl', '--fail-on', 'info')).code).toBe(0);
  });

  it('writes several reports, one to stdout and the others to files', async () => {
    const result = await validate(
      catalog,
      '--report',
      'json',
      '--report',
      'sarif:out/r.sarif',
      '--report',
      'csv:r.csv',
    );
    const json = JSON.parse(result.stdout);
    expect(json.summary.counts.violation).toBeGreaterThan(0);
    const sarif = JSON.parse(await readFile(path.join(dir, 'out/r.sarif'), 'utf8'));
    expect(sarif.runs[0].results.length).toBe(
      json.summary.counts.violation + json.summary.counts.warning + json.summary.counts.info,
    );
    expect(await readFile(path.join(dir, 'r.csv'), 'utf8')).toMatch(/^record,record_kind/);
  });

  it('reads stdin', async () => {
    const result = await cli(['validate', '-', '--shapes', shapes, '--report', 'json'], {
      stdin: await readFile(catalog),
    });
    expect(JSON.parse(result.stdout).summary.records).toBe(4);
  });

  it('exits 2 on an unknown report format, profile or level', async () => {
    expect((await validate(catalog, '--report', 'pdf')).code).toBe(2);
    expect((await cli(['validate', catalog, '--profile', 'nope'])).code).toBe(2);
    const level = await cli(['validate', catalog, '--profile', 'dcat-ap-3', '--level', 'nope']);
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('has no level "nope"');
    expect((await validate(catalog, '--fail-on', 'sometimes')).code).toBe(2);
  });

  it('exits 3 on a missing input or malformed Turtle, naming the file and line', async () => {
    expect((await validate('missing.ttl')).code).toBe(3);
    const broken = await validate('broken.ttl');
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain('broken.ttl');
  });

  it('validates several documents on worker threads with the same counts', async () => {
    const pages = [catalog, path.join(FIXTURES, 'partition.ttl')];
    const counts = async (...extra: string[]) =>
      JSON.parse((await validate(...pages, '--report', 'json', ...extra)).stdout).summary.counts;
    expect(await counts('--workers', '2')).toEqual(await counts('--workers', '0'));
    expect((await validate(catalog, '--workers', 'many')).code).toBe(2);
  });

  it('validates with a bundled profile by default', async () => {
    const result = await cli(['validate', catalog, '--report', 'json']);
    expect(JSON.parse(result.stdout).shapes).toBe('dcat-ap-3 (full)');
  });
});

describe('dcat-harvest profiles', () => {
  it('lists the bundled profiles as text and JSON', async () => {
    const text = await cli(['profiles']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('dcat-ap-3');
    const json = JSON.parse((await cli(['profiles', '--json'])).stdout) as { id: string }[];
    expect(json.map((p) => p.id)).toEqual(
      expect.arrayContaining(['dcat-ap-3', 'dcat-ap-2', 'dcat-ap-hvd']),
    );
  });
});
