// The package's exports map, from dist/ (after `npm run build`): each entry point imported by its
// name in a process of its own, and type-checked by a consumer resolving it as Node does.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRY_POINTS } from './helpers/entry-points.js';

const run = promisify(execFile);
const ROOT = path.resolve('.');
const STALE = 'dist/ is missing or older than src/: run `npm run build` first';

/** The export names of `specifier` as a Node process outside vitest resolves it from the repo. */
async function distExports(specifier: string): Promise<string[]> {
  const program = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m)));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', program], {
    cwd: ROOT,
  });
  return JSON.parse(stdout) as string[];
}

describe('The package’s exports map', () => {
  const temp: string[] = [];
  afterAll(async () => {
    for (const dir of temp) await rm(dir, { recursive: true, force: true });
  });

  it('has been built', async () => {
    const built = await stat('dist/index.js').catch(() => undefined);
    expect(built, STALE).toBeDefined();
  });

  for (const [specifier, module] of Object.entries(ENTRY_POINTS)) {
    it(`resolves ${specifier} to dist/ with the same exports as src/`, async () => {
      expect((await distExports(specifier)).sort(), STALE).toEqual(Object.keys(module).sort());
    });
  }

  it('refuses a subpath it does not export', async () => {
    await expect(distExports('dcat-harvest/shacl/engine')).rejects.toThrow(
      /ERR_PACKAGE_PATH_NOT_EXPORTED/,
    );
  });

  it('gives types to a TypeScript consumer of every entry point', async () => {
    await mkdir('test-output', { recursive: true });
    const dir = await mkdtemp(path.join(ROOT, 'test-output', 'consumer-'));
    temp.push(dir);
    const lines = Object.keys(ENTRY_POINTS).map(
      (specifier, i) =>
        `import * as m${i} from '${specifier}';\nexport const k${i}: string[] = Object.keys(m${i});`,
    );
    // One typed use per layer: a wrong type or a missing declaration fails the compile.
    lines.push(
      `import { harvest, type HarvestSummary } from 'dcat-harvest';`,
      `import { FORMATS, type FormatId } from 'dcat-harvest/rdf';`,
      `import type { Finding } from 'dcat-harvest/shacl';`,
      `import type { AuditReport } from 'dcat-harvest/audit';`,
      `import type { RunReport } from 'dcat-harvest/run';`,
      `import type { SamplePortal } from 'dcat-harvest/sample-portal';`,
      `export const run: (s: string) => Promise<HarvestSummary> = (s) => harvest(s, { out: 'x' });`,
      `export const id: FormatId = FORMATS.turtle.id;`,
      `export type All = [Finding, AuditReport, RunReport, SamplePortal];`,
    );
    await writeFile(path.join(dir, 'consumer.mts'), lines.join('\n') + '\n');
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    const result = await run(
      process.execPath,
      [tsc, ...args, '--types', 'node', '--skipLibCheck', path.join(dir, 'consumer.mts')],
      {
        cwd: ROOT,
      },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(result.stdout).toBe('');
  }, 120_000);

  it('fails a TypeScript consumer that misuses a type (the check above can fail)', async () => {
    const dir = await mkdtemp(path.join(ROOT, 'test-output', 'consumer-'));
    temp.push(dir);
    await writeFile(
      path.join(dir, 'consumer.mts'),
      `import type { FormatId } from 'dcat-harvest/rdf';\nexport const id: FormatId = 'not-a-format';\n`,
    );
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    const error = await run(
      process.execPath,
      [tsc, ...args, '--skipLibCheck', path.join(dir, 'consumer.mts')],
      {
        cwd: ROOT,
      },
    ).then(
      () => undefined,
      (e: { stdout: string }) => e,
    );
    expect(error?.stdout).toMatch(/TS2322.*not-a-format/);
  }, 120_000);
});
