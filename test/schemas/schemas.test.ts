// The published JSON Schemas (schemas/*.schema.json): current with the types, and true of real output.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchemas, schemaText } from '../../scripts/schemas.js';
import { runPipeline } from '../../src/run/run.js';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import { cli } from '../helpers/cli.js';

const SCHEMAS = path.resolve('schemas');

/** A schema without its descriptions: what the types say, whatever their comments say. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'description')
      .map(([k, v]) => [k, shape(v)]),
  );
}

async function compile(id: string): Promise<ValidateFunction> {
  const schema = JSON.parse(await readFile(path.join(SCHEMAS, `${id}.schema.json`), 'utf8'));
  return new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);
}

function expectValid(validate: ValidateFunction, value: unknown): void {
  const ok = validate(value);
  expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
}

describe('The JSON Schemas in schemas/', () => {
  it('are what `npm run schemas` writes from the types today', async () => {
    const built = buildSchemas();
    // catalogs.schema.json describes an input (the catalogs file of `run --catalogs`), written
    // by hand and checked by test/catalogs/; the others describe outputs and come from the types.
    const files = (await readdir(SCHEMAS))
      .filter((f) => f.endsWith('.schema.json') && f !== 'catalogs.schema.json')
      .sort();
    expect(files).toEqual(
      Object.keys(built)
        .map((id) => `${id}.schema.json`)
        .sort(),
    );
    for (const [id, schema] of Object.entries(built)) {
      const text = await readFile(path.join(SCHEMAS, `${id}.schema.json`), 'utf8');
      // Comments may change without a regeneration; structure may not.
      expect(shape(JSON.parse(text)), `${id}: run npm run schemas`).toEqual(
        shape(JSON.parse(await schemaText(schema))),
      );
    }
  }, 120_000);

  it('are shipped in the package', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8'));
    expect(pkg.files).toContain('schemas');
  });
});

describe('The JSON Schemas hold on a real run of the sample portal', () => {
  let portal: SamplePortal;
  let dir = '';
  beforeAll(async () => {
    portal = await startSamplePortal({ datasets: 150, seed: 3, defects: { 'iri-space': 0.05 } });
    dir = await mkdtemp(path.join(tmpdir(), 'dh-schemas-'));
    await runPipeline(portal.url, { out: path.join(dir, 'report'), workers: 0 });
    const harvest = path.join(dir, 'report/harvest');
    const audit = await cli(['audit', harvest, '--report', `json:${path.join(dir, 'audit.json')}`]);
    expect(audit.code).toBe(0);
    const validate = await cli([
      'validate',
      harvest,
      '--workers',
      '0',
      '--fail-on',
      'never',
      '--report',
      `json:${path.join(dir, 'validation.json')}`,
    ]);
    expect(validate.code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await portal?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const read = async (file: string) => JSON.parse(await readFile(path.join(dir, file), 'utf8'));

  it('report.json', async () => {
    const report = await read('report/report.json');
    expect(report.datasets.length).toBeGreaterThan(100);
    expectValid(await compile('report'), report);
  });

  it('every line of findings.jsonl', async () => {
    const validate = await compile('findings-line');
    const lines = (await readFile(path.join(dir, 'report/findings.jsonl'), 'utf8')).split('\n');
    const records = lines.filter((l) => l).map((l) => JSON.parse(l));
    expect(records.length).toBeGreaterThan(50);
    for (const record of records) expectValid(validate, record);
  });

  it('the audit JSON', async () => {
    const audit = await read('audit.json');
    expect(audit.schema).toBe('dcat-harvest/audit@1');
    expectValid(await compile('audit'), audit);
  });

  it('the validation JSON', async () => {
    const validation = await read('validation.json');
    expect(validation.records.length).toBeGreaterThan(50);
    expectValid(await compile('validation'), validation);
  });

  it('the harvest manifest', async () => {
    const manifest = await read('report/harvest/manifest.json');
    expect(manifest.state).toBe('complete');
    expectValid(await compile('manifest'), manifest);
  });

  it('reject what the files never hold', async () => {
    const report = await read('report/report.json');
    const validate = await compile('report');
    expect(validate({ ...report, schema: 'dcat-harvest/report@1' })).toBe(false);
    const { audit: _audit, ...noAudit } = report;
    expect(validate(noAudit)).toBe(false);
    report.datasets[0].score = 'high';
    expect(validate(report)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/datasets/0/score');
    const manifest = await compile('manifest');
    expect(manifest({ ...(await read('report/harvest/manifest.json')), state: 'done' })).toBe(
      false,
    );
  });
});
