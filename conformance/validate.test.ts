// The official DCAT-AP shapes on the official examples, through our CLI, reproduce the reference counts.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../test/helpers/cli.js';
import { dataPath } from './data.js';

const AP = (...p: string[]) => dataPath('dcat-ap', ...p);
let dir: string;

/** Test-side repairs of the two known defects (reference/dcat-ap.md), in a temp copy. */
function repair(name: string, text: string): string {
  if (/dataset-series-(api|combined)\.ttl$/.test(name)) {
    // `/` inside a prefixed local name is not Turtle: escape it as `\/`.
    return text.replace(
      /(\s[A-Za-z][\w-]*:)([\w.-]+(?:\/[\w.-]+)+)/g,
      (_m, prefix: string, local: string) => `${prefix}${local.replace(/\//g, '\\/')}`,
    );
  }
  if (name === 'example-bees_wasps_dataset.ttl') {
    return text.replace(/^(@prefix[^\n]*>)\s*\n/, '$1 .\n');
  }
  return text;
}

async function copyExamples(set: string, ext: string): Promise<string[]> {
  const from = AP(set, 'examples');
  const to = path.join(dir, set);
  await import('node:fs/promises').then((fs) => fs.mkdir(to, { recursive: true }));
  const files = (await readdir(from)).filter((f) => f.endsWith(ext)).sort();
  for (const file of files) {
    await writeFile(
      path.join(to, file),
      repair(file, await readFile(path.join(from, file), 'utf8')),
    );
  }
  return files.map((f) => path.join(to, f));
}

interface Counts {
  total: number;
  violation: number;
  warning: number;
  info: number;
  components: Record<string, number>;
}

/** Validates each example alone (no background knowledge) through the CLI and sums the results. */
async function countOver(
  examples: string[],
  shapes: string,
  extra: string[] = [],
): Promise<Counts[]> {
  const out: Counts[] = [];
  for (const example of examples) {
    const result = await cli([
      'validate',
      example,
      '--shapes',
      shapes,
      '--background',
      'none',
      '--fail-on',
      'never',
      '--report',
      'json',
      ...extra,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as {
      summary: { counts: Record<'violation' | 'warning' | 'info', number> };
      records: { findings: { component: string }[] }[];
    };
    const components: Record<string, number> = {};
    for (const f of json.records.flatMap((r) => r.findings)) {
      const c = f.component.replace('http://www.w3.org/ns/shacl#', '');
      components[c] = (components[c] ?? 0) + 1;
    }
    const c = json.summary.counts;
    out.push({ total: c.violation + c.warning + c.info, ...c, components });
  }
  return out;
}

const sum = (counts: Counts[]) => counts.reduce((n, c) => n + c.total, 0);

let ap2: string[];
let ap3: string[];
let hvd: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dh-conformance-'));
  ap2 = (await readdir(AP('2.1.1', 'examples'))).sort().map((f) => AP('2.1.1', 'examples', f));
  ap3 = await copyExamples('3.0.1', '.ttl');
  hvd = await copyExamples('3.0.0-hvd', '.ttl');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('validate with the official DCAT-AP 2.1.1 shapes on its examples', () => {
  const shapes = (f: string) => AP('2.1.1', f);
  it('base0: 0 and 0', async () => {
    expect(
      (await countOver(ap2, shapes('dcat-ap_2.1.1_shacl_shapes.ttl'))).map((c) => c.total),
    ).toEqual([0, 0]);
  });
  it('range0: 0 and 1', async () => {
    expect(
      (await countOver(ap2, shapes('dcat-ap_2.1.1_shacl_range.ttl'))).map((c) => c.total),
    ).toEqual([0, 1]);
  });
  it('recommended: 16 and 15, all warnings', async () => {
    const counts = await countOver(ap2, shapes('dcat-ap_2.1.1_shacl_shapes_recommended.ttl'));
    expect(counts.map((c) => c.total)).toEqual([16, 15]);
    expect(counts.every((c) => c.warning === c.total)).toBe(true);
  });
});

describe('validate with the official DCAT-AP 3.0.1 shapes on the 15 Turtle examples', () => {
  const shapes = (...f: string[]) => AP('3.0.1', ...f);
  it('has 15 examples', () => expect(ap3.length).toBe(15));
  it('base0: 44, all MinCount violations', async () => {
    const counts = await countOver(ap3, shapes('shacl-split', 'shapes.ttl'));
    expect(sum(counts)).toBe(44);
    expect(counts.reduce((n, c) => n + (c.components.MinCountConstraintComponent ?? 0), 0)).toBe(
      44,
    );
    expect(counts.reduce((n, c) => n + c.violation, 0)).toBe(44);
  });
  it('range0: 46, all Class violations', async () => {
    const counts = await countOver(ap3, shapes('shacl-split', 'range.ttl'));
    expect(sum(counts)).toBe(46);
    expect(counts.reduce((n, c) => n + (c.components.ClassConstraintComponent ?? 0), 0)).toBe(46);
  });
  it('recommended: 225, all MinCount warnings', async () => {
    const counts = await countOver(ap3, shapes('shacl-split', 'shapes_recommended.ttl'));
    expect(sum(counts)).toBe(225);
    expect(counts.reduce((n, c) => n + c.warning, 0)).toBe(225);
  });
  it('code lists: 18', async () => {
    expect(sum(await countOver(ap3, shapes('shacl-split', 'mdr-vocabularies.shape.ttl')))).toBe(18);
  });
  it('full1 (generated shapes): 90', async () => {
    expect(sum(await countOver(ap3, shapes('shacl-generated', 'dcat-ap-SHACL.ttl')))).toBe(90);
  });
});

describe('validate with the official HVD 3.0.0 shapes on the 15 Turtle examples', () => {
  it('has 15 examples', () => expect(hvd.length).toBe(15));
  it('base0: 48', async () => {
    expect(sum(await countOver(hvd, AP('3.0.0-hvd', 'hvd-SHACL-base.ttl')))).toBe(48);
  });
  it('range0: 97', async () => {
    expect(sum(await countOver(hvd, AP('3.0.0-hvd', 'hvd-SHACL-ranges.ttl')))).toBe(97);
  });
});
