// Tests for --background and --relax on validate, audit and run (the CLI's face of background modes).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundOptions } from '../../src/cli/background-options.js';
import { cli } from '../helpers/cli.js';

const AUTH = 'http://publications.europa.eu/resource/authority/';
/** The example (docs/background.md shows it). */
const EXAMPLE = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
<https://example.org/ds> a dcat:Dataset ;
  dct:title "Example"@en ; dct:description "An example."@en ;
  dct:language <${AUTH}language/FRA> ;
  dct:accrualPeriodicity <${AUTH}frequency/DAILY> ;
  dcat:landingPage <https://example.org/page> ;
  dcat:distribution <https://example.org/dist> .
<https://example.org/dist> a dcat:Distribution ;
  dcat:accessURL <https://example.org/file.csv> ;
  dct:format <${AUTH}file-type/CSV> ;
  dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv> .
`;

let dir: string;
let example: string;
let frx: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dh-background-'));
  example = path.join(dir, 'example.ttl');
  frx = path.join(dir, 'frx.ttl');
  await writeFile(example, EXAMPLE);
  await writeFile(frx, EXAMPLE.replace('language/FRA', 'language/FRX'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const violations = (stdout: string) =>
  (JSON.parse(stdout) as { summary: { counts: { violation: number } } }).summary.counts.violation;

describe('validate --background', () => {
  it('vocabularies (the default) leaves only the landing page; --relax documents passes', async () => {
    const plain = await cli(['validate', example, '--report', 'json']);
    expect(plain.code).toBe(1);
    expect(violations(plain.stdout)).toBe(1);
    const relaxed = await cli(['validate', example, '--relax', 'documents']);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain('PASS');
  });

  it('classes and none report the four vocabulary values too', async () => {
    for (const mode of ['classes', 'none']) {
      const { code, stdout } = await cli([
        'validate',
        example,
        '--background',
        mode,
        '--report',
        'json',
      ]);
      expect(code).toBe(1);
      expect(violations(stdout)).toBe(5);
    }
    const old = await cli(['validate', example, '--no-background', '--report', 'json']);
    expect(violations(old.stdout)).toBe(5);
  });

  it('a mistyped code fails with the table and the nearest code', async () => {
    const { code, stdout } = await cli(['validate', frx, '--relax', 'documents']);
    expect(code).toBe(1);
    expect(stdout).toContain('…/language/FRX is not in the EU language table; did you mean FRA?');
  });

  it('refuses an unknown mode or relaxation with exit 2', async () => {
    const mode = await cli(['validate', example, '--background', 'all']);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toMatch(/vocabularies, classes, none/);
    const relax = await cli(['validate', example, '--relax', 'pages']);
    expect(relax.code).toBe(2);
    expect(relax.stderr).toContain('--relax takes documents, got "pages"');
  });
});

describe('audit --background', () => {
  const compliance = async (mode: string) => {
    const { stdout } = await cli([
      'audit',
      example,
      '--profile',
      'dcat-ap-3',
      '--level',
      'ranges',
      '--background',
      mode,
      '--relax',
      'documents',
      '--report',
      'json',
    ]);
    const report = JSON.parse(stdout) as {
      datasets: { indicators: { id: string; points: number }[] }[];
    };
    return report.datasets[0]?.indicators.find((i) => i.id === 'dcatApCompliance')?.points;
  };
  it('scores the compliance indicator with the same background as validate', async () => {
    expect(await compliance('vocabularies')).toBe(30);
    expect(await compliance('classes')).toBe(0);
  });
});

describe('run --background', () => {
  it('offers the same options as validate and audit', async () => {
    for (const command of ['run', 'audit', 'validate']) {
      const { stdout } = await cli([command, '--help']);
      expect(stdout).toMatch(/--background <mode>[\s\S]*--no-background[\s\S]*--relax <kind>/);
    }
  });
});

describe('backgroundOptions', () => {
  it('defaults to vocabularies and maps --no-background to none', () => {
    expect(backgroundOptions({})).toEqual({ background: 'vocabularies', relax: [] });
    expect(backgroundOptions({ background: false })).toEqual({ background: 'none', relax: [] });
    expect(backgroundOptions({ background: 'classes', relax: ['documents'] })).toEqual({
      background: 'classes',
      relax: ['documents'],
    });
  });
});
