// Catalogs files: YAML and JSON, defaults under entries, and bad entries named by file and line.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_OPTION_NAMES } from '../../src/catalogs/catalog-options.js';
import { CATALOGS_SCHEMA_FILE, readCatalogsFile } from '../../src/catalogs/catalogs-file.js';
import { UsageError } from '../../src/errors.js';
import { cli } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dh-catalogs-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

/** The UsageError message reading `text` gives. */
async function problem(name: string, text: string): Promise<string> {
  const file = await write(name, text);
  const error = await readCatalogsFile(file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  return (error as UsageError).message;
}

describe('a catalogs file', () => {
  it('applies the command line, then the defaults, then each entry; paths start at the file', async () => {
    const file = await write(
      'ok.yaml',
      `defaults:
  page-size: 50
  profile: dcat-ap-2
catalogs:
  - id: gouv
    source: https://www.data.gouv.fr
    badge: hvd
    page-size: 20
  - id: dump
    source: data/dump.ttl
    check-links: sample:10
`,
    );
    const entries = await readCatalogsFile(file, { method: 'proportional', profile: 'dcat-ap-3' });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      id: 'gouv',
      source: 'https://www.data.gouv.fr',
      options: { 'page-size': 20, profile: 'dcat-ap-2', method: 'proportional', badge: 'hvd' },
      where: `${file}:5:5`,
    });
    expect(entries[1]?.source).toBe(path.join(dir, 'data', 'dump.ttl'));
    expect(entries[1]?.options).toEqual({
      'page-size': 50,
      profile: 'dcat-ap-2',
      method: 'proportional',
      'check-links': 'sample:10',
    });
  });

  it('reads JSON the same way', async () => {
    const file = await write(
      'ok.json',
      JSON.stringify({ catalogs: [{ id: 'a', source: 'https://example.org/', tag: ['x', 'y'] }] }),
    );
    expect((await readCatalogsFile(file))[0]?.options).toEqual({ tag: ['x', 'y'] });
  });

  it('names the line and column of an unknown option', async () => {
    const message = await problem(
      'typo.yaml',
      `catalogs:
  - id: a
    source: https://example.org/
  - id: b
    source: https://example.org/b
    pagesize: 20
`,
    );
    expect(message).toContain('typo.yaml:6:5: unknown option "pagesize" at /catalogs/1');
  });

  it('names the line of a value of the wrong type, and of a missing source', async () => {
    const message = await problem(
      'types.yaml',
      `defaults:
  method: best
catalogs:
  - id: a
    source: https://example.org/
    page-size: -3
  - id: b
`,
    );
    expect(message).toContain(
      'types.yaml:2:11: /defaults/method must be one of "mqa", "proportional"',
    );
    expect(message).toContain('types.yaml:6:16: /catalogs/0/page-size must be >= 1');
    expect(message).toContain('types.yaml:7:5: /catalogs/1 needs "source"');
  });

  it('refuses an id used twice, a folder-unsafe id, and syntax errors, with their lines', async () => {
    expect(
      await problem(
        'twice.yaml',
        'catalogs:\n  - id: a\n    source: x.ttl\n  - id: a\n    source: y.ttl\n',
      ),
    ).toMatch(/twice\.yaml:4:5: catalog id "a" is used twice \(first at .*twice\.yaml:2:5\)/);
    expect(await problem('unsafe.yaml', 'catalogs:\n  - id: ../up\n    source: x.ttl\n')).toContain(
      'unsafe.yaml:2:9: /catalogs/0/id must match pattern',
    );
    expect(await problem('broken.json', '{"catalogs": [\n  {"id": "a",, }\n]}')).toMatch(
      /broken\.json:2:\d+: not valid YAML or JSON/,
    );
    expect(await problem('empty.yaml', 'catalogs: []\n')).toContain(
      '/catalogs must NOT have fewer than 1 items',
    );
  });

  it('makes `run --catalogs` exit 2 with the line, before any harvest', async () => {
    const file = await write('cli.yaml', 'catalogs:\n  - id: a\n    source: x.ttl\n    rate: 0\n');
    const result = await cli(['run', '--catalogs', file, '-o', path.join(dir, 'never')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cli.yaml:4:11: /catalogs/0/rate must be > 0');
    expect(result.stderr).toContain('docs/catalogs.md');
  });

  it('ships a schema that lists exactly the options the runner knows', async () => {
    const schema = JSON.parse(await readFile(CATALOGS_SCHEMA_FILE, 'utf8')) as {
      $defs: { options: { properties: Record<string, unknown> } };
    };
    expect(Object.keys(schema.$defs.options.properties)).toEqual([...CATALOG_OPTION_NAMES]);
  });
});

describe('a catalogs file with schedules', () => {
  it('keeps every and cron as the entry’s schedule, apart from its options', async () => {
    const file = await write(
      'scheduled.yaml',
      `catalogs:
  - id: daily
    source: https://a.example
    every: 24h
  - id: nightly
    source: https://b.example
    cron: "0 3 * * *"
    page-size: 10
  - id: by-hand
    source: https://c.example
`,
    );
    const entries = await readCatalogsFile(file);
    expect(entries.map((e) => e.schedule)).toEqual([
      { every: '24h' },
      { cron: '0 3 * * *' },
      undefined,
    ]);
    expect(entries[1]?.options).toEqual({ 'page-size': 10 });
  });

  it('names the line of a bad duration, a bad cron pattern, or both given', async () => {
    expect(
      await problem('every.yaml', 'catalogs:\n  - id: a\n    source: x.ttl\n    every: daily\n'),
    ).toMatch(/every\.yaml:4:12: \/catalogs\/0\/every must match pattern/);
    expect(
      await problem(
        'cron.yaml',
        'catalogs:\n  - id: a\n    source: x.ttl\n    cron: "99 * * * *"\n',
      ),
    ).toMatch(/cron\.yaml:2:5: cron: "99 \* \* \* \*" is not a cron pattern/);
    expect(
      await problem(
        'both.yaml',
        'catalogs:\n  - id: a\n    source: x.ttl\n    every: 1h\n    cron: "0 * * * *"\n',
      ),
    ).toMatch(/both\.yaml:2:5: \/catalogs\/0 gives both "every" and "cron": keep one/);
  });
});
