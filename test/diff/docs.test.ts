// docs/diff.md's examples, run: the console output shown, and the program, on two real runs.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/run/run.js';
import { cli } from '../helpers/cli.js';
import { toSourceImports } from '../helpers/package-imports.js';

const DOC = path.resolve('docs/diff.md');
const TURTLE = path.resolve('test/fixtures/diff/same-graph.ttl');

/** The fenced blocks of a language in the page, in order. */
async function blocks(lang: string): Promise<string[]> {
  const text = await readFile(DOC, 'utf8');
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe('docs/diff.md', () => {
  let cwd = '';
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'dh-docs-diff-'));
    const changed = path.join(cwd, 'changed.ttl');
    const text = await readFile(TURTLE, 'utf8');
    await writeFile(
      changed,
      text
        .replace('dct:title "Schools" ;', 'dct:title "Schools" ; dct:description "Schools" ;')
        .replace('dct:title "Water" ;', 'dct:title "Water" ; dct:issued "2020"^^xsd:date ;'),
    );
    await mkdir(path.join(cwd, 'reports'));
    await runPipeline(TURTLE, { out: path.join(cwd, 'reports/2026-10') });
    await runPipeline(changed, { out: path.join(cwd, 'reports/2026-11') });
  }, 120_000);

  it('shows the output diff gives', async () => {
    const block = (await blocks('console')).find((b) => b.includes('\ndiff reports/2026-10'))!;
    const [command, ...output] = block.split('\n');
    const args = command!.replace('$ dcat-harvest ', '').split(' ');
    const result = await cli(args, { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(output.join('\n'));
  });

  it('runs the program it shows', async () => {
    const [program] = await blocks('ts');
    const file = path.join(cwd, 'example.mts');
    await writeFile(file, toSourceImports(program!));
    const tsx = import.meta.resolve('tsx');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsx, file], {
      cwd,
    });
    expect(stdout).toContain('## dcat-harvest diff\n\n`reports/2026-10` → `reports/2026-11`\n');
    expect(stdout).toContain('- findings: 1 introduced, 1 fixed\n');
    // The head, the dataset rows under 120 points, the violations of the second run.
    const lines = stdout.split('\n');
    const report = JSON.parse(
      await readFile(path.join(cwd, 'reports/2026-11/report.json'), 'utf8'),
    );
    expect(lines).toContain(`${report.audit.score} ${report.validation.findings.findings}`);
    const low = report.datasets.filter((d: { score: number }) => d.score < 120);
    expect(low.length).toBeGreaterThan(0);
    expect(lines.filter((l) => /^http:\/\/ex\.org\/d\d \d+$/.test(l))).toEqual(
      low.map((d: { id: string; score: number }) => `${d.id} ${d.score}`),
    );
    expect(lines).toContain(
      'http://ex.org/d3 dataset «Water» (http://ex.org/d3): dct:issued "2020" fails sh:Or — dct:issued must be a date or time literal (xsd:date, xsd:dateTime, xsd:gYear, xsd:gYearMonth)',
    );
  }, 60_000);
});
