// The SARIF renderer's output validates against the OASIS SARIF 2.1.0 JSON schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RENDERERS } from '../../src/report/renderers.js';
import { sampleRun } from './run-fixture.js';

const schemaFile = path.resolve(import.meta.dirname, '../fixtures/report/sarif-schema-2.1.0.json');

/** The schema is draft-04 (`id`); ajv 8 reads it as draft-07 once `id` is renamed `$id`. */
function validator() {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its default export is the module object under NodeNext typing.
  const addFormats = (formats as unknown as { default: (a: Ajv) => void }).default;
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: id as string });
}

describe('sarif', () => {
  const validate = validator();

  it('validates against the SARIF 2.1.0 schema', () => {
    const sarif = JSON.parse(RENDERERS.sarif!.render(sampleRun(), { version: '1.2.3' }));
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has a rule per shape constraint and a result per finding, with file, line and record', () => {
    const sarif = JSON.parse(RENDERERS.sarif!.render(sampleRun()));
    const run = sarif.runs[0];
    expect(run.results.length).toBe(5);
    expect(run.tool.driver.rules.length).toBe(4); // one shape warns twice: one rule
    const first = run.results.find((r: { level: string }) => r.level === 'error');
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'pages/page-1.ttl' },
      region: { startLine: 12 },
    });
    expect(first.locations[0].logicalLocations[0].fullyQualifiedName).toBe(
      'http://example.org/ds/bad',
    );
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe(first.ruleId);
  });

  it('rejects a document the schema forbids (the test has teeth)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('validates an empty run', () => {
    const run = sampleRun();
    const empty = { ...run, results: [] };
    expect(validate(JSON.parse(RENDERERS.sarif!.render(empty)))).toBe(true);
  });
});
