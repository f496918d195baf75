// docs/catalogs.md's example, run: its catalogs file against a sample portal, twice, and its error.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../src/catalogs/overview-model.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { cli } from '../helpers/cli.js';

const DOC = path.resolve('docs/catalogs.md');
const TURTLE = path.resolve('test/fixtures/diff/same-graph.ttl');

async function blocks(lang: string): Promise<string[]> {
  const text = await readFile(DOC, 'utf8');
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map(
    (m) => m[1] as string,
  );
}

describe('docs/catalogs.md', () => {
  let cwd = '';
  let portal: Awaited<ReturnType<typeof startSamplePortal>>;
  let yaml = '';

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'dh-docs-catalogs-'));
    const [console] = await blocks('console');
    const datasets = Number(/--datasets (\d+)/.exec(console ?? '')?.[1]);
    portal = await startSamplePortal({ datasets, seed: 1 });
    yaml = ((await blocks('yaml'))[0] as string).replaceAll('http://127.0.0.1:8080', portal.url);
    await writeFile(path.join(cwd, 'catalogs.yaml'), yaml);
    await mkdir(path.join(cwd, 'dumps'));
    await copyFile(TURTLE, path.join(cwd, 'dumps', 'catalog.ttl'));
  });

  afterAll(async () => {
    await portal.close();
    await rm(cwd, { recursive: true, force: true });
  });

  it('runs the example twice: the second run reuses every catalog', async () => {
    const [console] = await blocks('console');
    const commands = (console as string)
      .split('\n')
      .filter((line) => line.startsWith('$ dcat-harvest run'))
      .map((line) => line.slice('$ dcat-harvest '.length).split(' '));
    expect(commands).toHaveLength(2);
    for (const argv of commands) {
      const result = await cli([...argv, '--workers', '1'], { cwd });
      expect(result.code, result.stderr).toBe(0);
    }
    const tuesday = JSON.parse(
      await readFile(path.join(cwd, 'runs/tuesday/report.json'), 'utf8'),
    ) as Overview;
    expect(tuesday.catalogs.map((c) => [c.id, c.status, c.incremental?.reused])).toEqual([
      ['portal', 'ok', true],
      ['portal-hvd', 'ok', true],
      ['dump', 'ok', true],
    ]);
    expect(tuesday.duplicates.byIri).toBe(tuesday.catalogs[1]?.datasets);
  }, 300_000);

  it('shows the error a misspelt option gives', async () => {
    const text = await readFile(DOC, 'utf8');
    const shown = /```\n(error: invalid catalogs file[\s\S]*?)\n```/.exec(text)?.[1];
    expect(shown).toBeDefined();
    await writeFile(
      path.join(cwd, 'catalogs.yaml'),
      yaml.replace('    badge: hvd', '    pagesize: 20'),
    );
    const result = await cli(['run', '--catalogs', 'catalogs.yaml', '-o', 'never'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').slice(0, 2).join('\n')).toBe(shown);
  });
});
