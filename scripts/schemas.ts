// **schemas** writes the JSON Schemas of the files dcat-harvest writes (schemas/*.schema.json) from
// the TypeScript types that define them, so the published schemas cannot drift from the code.
// Run: npm run schemas (test/schemas/schemas.test.ts checks they are current and hold on real output).
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator, type Config } from 'ts-json-schema-generator';

type Schema = Record<string, unknown> & { definitions?: Record<string, Schema> };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE = 'https://w3id.org/dcat-harvest/schemas/';

/** One schema per file the tool writes: the type it comes from and what the file is. */
export const SCHEMAS = [
  {
    id: 'report',
    type: 'RunReport',
    title: 'report.json of a `dcat-harvest run` report folder (dcat-harvest/report@2)',
  },
  {
    id: 'findings-line',
    type: 'RecordResult',
    title: "One line of findings.jsonl (dcat-harvest/findings@1): one record's validation result",
  },
  {
    id: 'audit',
    type: 'AuditReport',
    title: '`dcat-harvest audit --report json` (dcat-harvest/audit@1)',
  },
  { id: 'validation', type: 'ValidationSummary', title: '`dcat-harvest validate --report json`' },
  { id: 'manifest', type: 'HarvestManifest', title: 'manifest.json of a harvest folder' },
] as const;

/** The generator over the whole source tree: types are found by name wherever they live. */
function generator() {
  const config: Config = {
    path: path.join(ROOT, 'src/**/*.ts'),
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    skipTypeCheck: true,
    expose: 'all',
    jsDoc: 'basic',
    topRef: true,
    additionalProperties: false,
    functions: 'hide',
  };
  return createGenerator(config);
}

/** `validate --report json`: the renderer's own wrapper around the result model. */
function validationSchema(gen: ReturnType<typeof generator>): Schema {
  const records = gen.createSchema('RecordResult') as Schema;
  const summary = gen.createSchema('ValidationSummary') as Schema;
  const definitions: Record<string, Schema> = { ...records.definitions, ...summary.definitions };
  const group = structuredClone(definitions.FindingGroup!) as Schema & {
    properties: Record<string, unknown>;
    required: string[];
  };
  delete group.properties.example;
  group.properties.message = { type: 'string', description: "The example finding's message." };
  group.required = [...group.required.filter((r) => r !== 'example'), 'message'];
  definitions.RenderedGroup = group;
  const plain = structuredClone(definitions.ValidationSummary!) as Schema & {
    properties: Record<string, unknown>;
    required: string[];
  };
  delete plain.properties.groups;
  plain.required = plain.required.filter((r) => r !== 'groups');
  definitions.RenderedSummary = plain;
  return {
    type: 'object',
    additionalProperties: false,
    required: ['tool', 'shapes', 'summary', 'groups', 'notices', 'records'],
    properties: {
      tool: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'version'],
        properties: { name: { const: 'dcat-harvest' }, version: { type: ['string', 'null'] } },
      },
      shapes: { type: 'string', description: 'The shapes used: a profile id and level, or files.' },
      summary: { $ref: '#/definitions/RenderedSummary' },
      groups: { type: 'array', items: { $ref: '#/definitions/RenderedGroup' } },
      notices: { type: 'array', items: { type: 'string' } },
      records: { type: 'array', items: { $ref: '#/definitions/RecordResult' } },
    },
    definitions,
  };
}

/** `audit --report json`: the AuditReport with its datasets written out as an array. */
function auditSchema(gen: ReturnType<typeof generator>): Schema {
  const schema = gen.createSchema('AuditReport') as Schema;
  const report = schema.definitions!.AuditReport as Schema & {
    properties: Record<string, unknown>;
  };
  const scores = gen.createSchema('DatasetScore') as Schema;
  Object.assign(schema.definitions!, scores.definitions);
  report.properties.datasets = {
    type: 'array',
    items: { $ref: '#/definitions/DatasetScore' },
    description: 'Every dataset scored, in input order.',
  };
  return schema;
}

/** Every schema, keyed by id, with its `$id` and title. */
export function buildSchemas(): Record<string, Schema> {
  const gen = generator();
  const out: Record<string, Schema> = {};
  for (const { id, type, title } of SCHEMAS) {
    const body =
      id === 'validation'
        ? validationSchema(gen)
        : id === 'audit'
          ? auditSchema(gen)
          : (gen.createSchema(type) as Schema);
    out[id] = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `${BASE}${id}.schema.json`,
      title,
      ...body,
    };
  }
  return out;
}

/** The file text of a schema, formatted as the repository's prettier formats JSON. */
export async function schemaText(schema: Schema): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(path.join(ROOT, 'schemas/x.json'))) ?? {};
  return prettier.format(JSON.stringify(schema), { ...options, parser: 'json' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await mkdir(path.join(ROOT, 'schemas'), { recursive: true });
  for (const [id, schema] of Object.entries(buildSchemas())) {
    const file = path.join(ROOT, 'schemas', `${id}.schema.json`);
    await writeFile(file, await schemaText(schema));
    console.log(`wrote ${path.relative(ROOT, file)}`);
  }
}
