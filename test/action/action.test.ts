// action.yml, run as GitHub runs it: its inputs, expressions, `if:` conditions and bash steps.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve('.');
const FIXTURE = path.resolve('test/fixtures/diff/same-graph.ttl');

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
  github: Record<string, string>;
}

/** The value of a `${{ … }}` operand: a context path or a string literal. */
function operand(text: string, ctx: Context): string | boolean {
  const t = text.trim();
  if (t === 'always()') return true;
  const literal = /^'(.*)'$/.exec(t);
  if (literal) return literal[1]!;
  const [root, ...rest] = t.split('.');
  if (root === 'inputs') return ctx.inputs[rest.join('.')] ?? '';
  if (root === 'github') return ctx.github[rest.join('.')] ?? '';
  if (root === 'steps' && rest[1] === 'outputs')
    return ctx.steps[rest[0]!]?.outputs[rest.slice(2).join('.')] ?? '';
  throw new Error(`action.yml uses an expression this test does not know: ${t}`);
}

/** GitHub's expression subset action.yml uses: `&&`, `==`, `!=`, `always()`, paths, literals. */
function evaluate(expression: string, ctx: Context): string | boolean {
  const parts = expression.split('&&');
  if (parts.length > 1) return parts.every((p) => evaluate(p, ctx) === true);
  const m = /^(.*?)\s*(==|!=)\s*(.*)$/.exec(expression.trim());
  if (m) return (operand(m[1]!, ctx) === operand(m[3]!, ctx)) === (m[2] === '==');
  return operand(expression, ctx);
}

const substitute = (text: string, ctx: Context) =>
  text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => String(evaluate(e, ctx)));

/** `key=value` lines of a $GITHUB_OUTPUT file. */
function outputsOf(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

interface ActionRun {
  /** The exit code of the first failing step, or 0. */
  code: number;
  ran: string[];
  uploads: Record<string, string>[];
  summary: string;
  outputs: Record<string, string>;
  log: string;
}

/** Runs the action's steps in order with the runner's files and variables in `dir`. */
async function runAction(
  action: Action,
  given: Record<string, string>,
  dir: string,
): Promise<ActionRun> {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = given[name] ?? spec.default;
    if (value === undefined && spec.required) throw new Error(`input ${name} is required`);
    inputs[name] = value ?? '';
  }
  const ctx: Context = { inputs, steps: {}, github: { action_path: ROOT } };
  const summaryFile = path.join(dir, 'step-summary.md');
  await writeFile(summaryFile, '# earlier step\n');
  const result: ActionRun = { code: 0, ran: [], uploads: [], summary: '', outputs: {}, log: '' };
  let failed = false;
  for (const step of action.runs.steps) {
    const condition = step.if ?? 'success()';
    const run =
      condition === 'success()'
        ? !failed
        : condition.includes('always()')
          ? evaluate(condition, ctx) === true
          : !failed && evaluate(condition, ctx) === true;
    if (!run) continue;
    result.ran.push(step.name);
    if (step.uses) {
      const withValues = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)]),
      );
      result.uploads.push({ uses: step.uses, ...withValues });
      continue;
    }
    expect(step.shell).toBe('bash');
    const outputFile = path.join(dir, `output-${result.ran.length}`);
    await writeFile(outputFile, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      NO_COLOR: '1',
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: dir,
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(String(v), ctx);
    // GitHub runs bash steps as `bash --noprofile --norc -eo pipefail {0}`.
    const script = path.join(dir, `step-${result.ran.length}.sh`);
    await writeFile(script, substitute(step.run!, ctx));
    const cwd = step['working-directory'] ? substitute(step['working-directory'], ctx) : dir;
    const child = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      env,
      encoding: 'utf8',
    });
    result.log += `${child.stdout}${child.stderr}`;
    if (step.id) ctx.steps[step.id] = { outputs: outputsOf(await readFile(outputFile, 'utf8')) };
    if (child.status !== 0) {
      failed = true;
      result.code ||= child.status ?? 1;
    }
  }
  result.summary = await readFile(summaryFile, 'utf8');
  for (const [name, spec] of Object.entries(action.outputs))
    result.outputs[name] = substitute(spec.value, ctx);
  return result;
}

describe('The GitHub Action (action.yml)', () => {
  let action: Action;
  let dir = '';
  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'dist/cli/main.js')))
      throw new Error('dist/cli/main.js is missing: run npm run build (npm ci does) first');
    action = parse(await readFile('action.yml', 'utf8')) as Action;
    dir = await mkdtemp(path.join(tmpdir(), 'dh-action-'));
    await writeFile(
      path.join(dir, 'good.ttl'),
      `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
<https://example.org/ds> a dcat:Dataset ; dct:title "Good"@en ; dct:description "A good dataset."@en .
`,
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is a composite action with the inputs the guide documents', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual([
      'files',
      'profile',
      'level',
      'fail-on',
      'sarif',
      'upload-sarif',
    ]);
    expect(action.inputs.files?.required).toBe(true);
    expect(action.inputs['fail-on']?.default).toBe('violation');
  });

  it('fails on violations, after writing the SARIF, the summary and the upload', async () => {
    const run = await runAction(action, { files: FIXTURE }, dir);
    expect(run.code, run.log).toBe(1);
    expect(run.ran).toEqual([
      'Install dcat-harvest',
      'Validate',
      'Upload SARIF to code scanning',
      'Fail on findings',
    ]);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.uploads).toEqual([
      {
        uses: 'github/codeql-action/upload-sarif@v3',
        sarif_file: 'dcat-harvest.sarif',
        category: 'dcat-harvest',
      },
    ]);
    const sarif = JSON.parse(await readFile(path.join(dir, 'dcat-harvest.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBe(44);
    expect(run.summary).toMatch(/^# earlier step\n## DCAT-AP validation: dcat-ap-3 \(full\)\n/);
    expect(run.summary).toContain('| 8 | 36 | 0 |');
    expect(run.log).toContain('4 records: 8 violations, 36 warnings, 0 infos');
    expect(run.log).toContain('dcat-harvest validate exited 1 (fail-on: violation)');
  });

  it('passes with fail-on never, and honours profile, level and the SARIF path', async () => {
    const run = await runAction(
      action,
      {
        files: `${FIXTURE}\n  good.ttl`,
        profile: 'dcat-ap-2',
        level: 'base',
        'fail-on': 'never',
        sarif: 'reports/base.sarif',
      },
      dir,
    );
    expect(run.code, run.log).toBe(0);
    expect(run.ran).not.toContain('Fail on findings');
    expect(run.outputs).toEqual({ 'exit-code': '0', 'sarif-file': 'reports/base.sarif' });
    expect(run.summary).toContain('## DCAT-AP validation: dcat-ap-2 (base)');
    expect(run.summary).toContain('5 records');
    const sarif = JSON.parse(await readFile(path.join(dir, 'reports/base.sarif'), 'utf8'));
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it('passes on a conforming file, and skips the upload when asked', async () => {
    const run = await runAction(
      action,
      { files: 'good.ttl', level: 'base', 'upload-sarif': 'false' },
      dir,
    );
    expect(run.code, run.log).toBe(0);
    expect(run.uploads).toEqual([]);
    expect(run.summary).toContain('1 records, 1 conforming');
  });

  it('fails with exit 3 on a missing file, and still appends nothing false', async () => {
    const run = await runAction(action, { files: 'missing.ttl', sarif: 'missing.sarif' }, dir);
    expect(run.code).toBe(3);
    expect(run.outputs['exit-code']).toBe('3');
    expect(run.uploads).toEqual([]);
    expect(run.log).toMatch(/missing\.ttl/);
  });
});
