// Every shell example of the README and docs/ runs, offline, against dist/: exit codes, files, output.
// The conventions (portal URLs → the sample portal, fixtures, skipped lines) are in docs/README.md.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';
import { allExamples, type Example } from './blocks.js';

const ROOT = path.resolve('.');
const CLI = path.join(ROOT, 'dist/cli/main.js');
const DATASETS = 30;

/** Lines that are the project's own (CI runs them itself), not examples of the tool. */
const NOT_RUN = /^(git|npm|node|cd|bash)\b/;

/**
 * Pages whose examples need services of their own (Redis, a listening server): their own tests run
 * them (test/catalogs/docs.test.ts, test/queue/docs.test.ts, test/serve/docs.test.ts and
 * test/serve/dashboard-docs.test.ts), not this one.
 */
const TESTED_ELSEWHERE = new Set([
  'docs/catalogs.md',
  'docs/queue.md',
  'docs/serve.md',
  'docs/dashboard.md',
  'docs/commands/serve.md',
]);

/**
 * What an example exits with when it is not 0, and why; `out` is matched against stdout + stderr.
 * Matched against the command as the page shows it.
 */
const EXPECTED: { match: RegExp; code: number; why: string }[] = [
  {
    match: /validate (catalog\.ttl|gouv|harvest\/|-)(?=\s|$)(?!.*--fail-on never)/,
    code: 1,
    why: 'violations',
  },
  { match: /--fail-on-regression/, code: 1, why: 'the second run has a new violation' },
  { match: /validate example\.ttl( +#.*)?$/, code: 1, why: 'the landing page check' },
  { match: /validate example\.ttl --background classes/, code: 1, why: 'five class checks' },
  {
    match: /validate data\.nt --shapes shapes\.ttl --shapes range\.ttl/,
    code: 1,
    why: 'a violation',
  },
  {
    match: /--min-rating good|--min-score 220/,
    code: 1,
    why: 'the sample portal rates Sufficient',
  },
  { match: /run harvest-folder\/ .*--fail-on violation/, code: 1, why: 'violations' },
];

/** Output an example must print (stdout + stderr), beyond its exit code and files. */
const PRINTS: { match: RegExp; out: RegExp }[] = [
  { match: /^dcat-harvest profiles$/, out: /dcat-ap-3[\s\S]*dcat-ap-hvd/ },
  { match: /profiles --json \| jq/, out: /^"dcat-ap-3"$/m },
  { match: /^dcat-harvest validate catalog\.ttl$/, out: /4 records: 8 violations, 36 warnings/ },
  { match: /^dcat-harvest audit catalog\.ttl$/, out: /\/405/ },
  { match: /convert .* --to nt$/, out: /^<http[^\n]+> <http[^\n]+> .+ \.$/m },
  { match: /site activity --page-size/, out: /"data"/ },
  {
    match: /^dcat-harvest diff reports\/2026-10 reports\/2026-11$/,
    out: /findings: 1 introduced, 1 fixed/,
  },
  {
    match: /^dcat-harvest harvest https:\/\/www\.data\.gouv\.fr -o gouv$/,
    out: new RegExp(`datasets: ${DATASETS} unique`),
  },
  { match: /jq '\.audit/, out: /"score": \d/ },
];

interface Outcome {
  code: number | null;
  out: string;
}

/** Runs `command` with bash in `cwd`, `dcat-harvest` on the PATH. */
function sh(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-o', 'pipefail', '-c', command], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** `dcat-harvest sample-portal …`: it serves until stopped; check it serves, stop it, exit 0. */
async function samplePortalExample(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Outcome> {
  const child = spawn('bash', ['--noprofile', '--norc', '-c', `exec ${command}`], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL from ${command}: ${out}`)), 30_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /^(http:\/\/127\.0\.0\.1:\d+)\n/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('exit', (code) => reject(new Error(`${command} exited ${code}: ${out}`)));
  });
  const context = await fetch(`${url}/api/1/site/context.jsonld`);
  const served = `${context.status} ${JSON.stringify(await context.json()).slice(0, 40)}`;
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.kill('SIGTERM');
  return { code: await exit, out: `${out}\nserved: ${served}` };
}

/** The command as the test runs it: portal URLs → the sample portal, and the other conventions. */
function localize(command: string, portal: string, orgId: string, sandbox: string): string {
  let c = command
    .replaceAll('https://www.data.gouv.fr', portal)
    .replaceAll('https://demo.data.gouv.fr', portal)
    .replaceAll('http://127.0.0.1:8080', portal)
    .replaceAll('https://geo.example.org', portal)
    .replaceAll('ORG_ID', orgId)
    .replaceAll('/tmp/', `${sandbox}/tmp-`)
    // URL checks start at most 10 per second per host: a sample of 10 keeps the test fast.
    .replace(/--check-links sample:\d+/, '--check-links sample:10');
  // `site` talks to www.data.gouv.fr unless told otherwise.
  if (!c.includes('--portal'))
    c = c.replace('dcat-harvest site ', `dcat-harvest site --portal ${portal} `);
  if (/^dcat-harvest demo\b/.test(c)) {
    c = /--datasets \d+/.test(c)
      ? c.replace(/--datasets \d+/, `--datasets ${DATASETS}`)
      : `${c} --datasets ${DATASETS}`;
  }
  if (/^dcat-harvest sample-portal\b/.test(c)) c = c.replace(/--port \d+/, '--port 0');
  return c;
}

/** Files and folders a command says it writes: `-o`, `--out`, `--output`, `--report F:FILE`, `>`. */
function outputsOf(command: string): string[] {
  const words = command.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  const unquote = (w: string) => w.replace(/^["']|["']$/g, '');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (next !== undefined && ['-o', '--out', '--output', '>', '>>', '--link-cache'].includes(w)) {
      // `site --output json|jsonl` is a kind of output, not a file.
      if (next !== '-' && !/^jsonl?$/.test(next)) out.push(unquote(next));
    }
    if (w === '--report' || w === '-r') {
      const spec = unquote(next ?? '');
      const at = spec.indexOf(':');
      if (at > 0) out.push(unquote(spec.slice(at + 1)));
    }
  }
  return out.filter((o) => !o.startsWith('$'));
}

describe('The examples of the README and docs/', () => {
  let portal: SamplePortal;
  let base = '';
  let env: NodeJS.ProcessEnv = {};
  let orgId = '';
  let examples: Example[] = [];

  beforeAll(async () => {
    if (!existsSync(CLI))
      throw new Error(`${CLI} is missing: run npm run build (npm ci does) first`);
    examples = await allExamples(ROOT);
    portal = await startSamplePortal({ datasets: DATASETS, seed: 1 });
    const page = await (await fetch(`${portal.url}/api/1/site/catalog.ttl?page=1`)).text();
    orgId = /organizations\/([0-9a-f]{24})/.exec(page)![1]!;
    base = await mkdtemp(path.join(tmpdir(), 'dh-examples-'));
    const bin = path.join(base, '.bin');
    await mkdir(bin);
    await writeFile(
      path.join(bin, 'dcat-harvest'),
      `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`,
    );
    await chmod(path.join(bin, 'dcat-harvest'), 0o755);
    env = {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      HOME: process.env.HOME ?? base,
      TMPDIR: process.env.TMPDIR ?? tmpdir(),
      NO_COLOR: '1',
      LANG: 'C.UTF-8',
    };
    await prepareFixtures(path.join(base, 'fixtures'), portal.url, env);
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('are found on every page that shows commands', () => {
    const byPage = new Set(examples.map((e) => e.page));
    for (const page of ['README.md', 'docs/commands/run.md', 'docs/guides/ci.md', 'docs/csw.md'])
      expect(byPage).toContain(page);
    expect(examples.length).toBeGreaterThan(60);
  });

  it("runs the README's library example against dist/", async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const program = /```ts\n([\s\S]*?)```/.exec(readme)![1]!;
    const sandbox = path.join(base, 'library');
    await mkdir(sandbox);
    const entry = pathToFileURL(path.join(ROOT, 'dist/index.js')).href;
    await writeFile(
      path.join(sandbox, 'example.mjs'),
      program
        .replace("from 'dcat-harvest'", `from '${entry}'`)
        .replaceAll('https://www.data.gouv.fr', portal.url),
    );
    const { code, out } = await sh(`"${process.execPath}" example.mjs`, sandbox, env);
    expect(code, out).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe(`${DATASETS} datasets in 1 pages`);
    expect(lines[1]).toMatch(
      /^\d+(\.\d+)? (excellent|good|sufficient|bad) .*lib-report\/index\.html$/,
    );
    const nt = await readFile(path.join(sandbox, 'p1.nt'), 'utf8');
    expect(nt.split('\n').length).toBeGreaterThan(500);
  }, 120_000);

  it('run, page by page, with the exit codes, files and output they promise', async () => {
    const failures: string[] = [];
    const times: [number, string][] = [];
    const pagesOf = [...new Set(examples.map((e) => e.page))].filter(
      (page) => !TESTED_ELSEWHERE.has(page),
    );
    const runPage = async (page: string) => {
      const sandbox = path.join(base, page.replaceAll('/', '_'));
      await cp(path.join(base, 'fixtures'), sandbox, { recursive: true });
      const pageEnv = { ...env, GITHUB_STEP_SUMMARY: path.join(sandbox, 'step-summary.md') };
      for (const example of examples.filter((e) => e.page === page)) {
        if (NOT_RUN.test(example.command)) continue;
        const where = `${example.page}:${example.line}: ${example.command}`;
        const command = localize(example.command, portal.url, orgId, sandbox);
        const started = Date.now();
        const outcome = /^dcat-harvest sample-portal\b/.test(command)
          ? await samplePortalExample(command, sandbox, pageEnv)
          : await sh(command, sandbox, pageEnv);
        times.push([Date.now() - started, where]);
        const expected = EXPECTED.find((e) => e.match.test(example.command))?.code ?? 0;
        if (outcome.code !== expected) {
          failures.push(
            `${where}\n  exit ${outcome.code}, expected ${expected}\n  ${outcome.out.slice(-1500)}`,
          );
          continue;
        }
        for (const file of outputsOf(command)) {
          const target = path.resolve(sandbox, file);
          const size = await stat(target).then(
            (s) => (s.isDirectory() ? 1 : s.size),
            () => -1,
          );
          if (size <= 0) failures.push(`${where}\n  did not write ${file}`);
        }
        const prints = PRINTS.find((p) => p.match.test(example.command));
        if (prints && !prints.out.test(outcome.out))
          failures.push(
            `${where}\n  output does not match ${prints.out}:\n  ${outcome.out.slice(0, 1500)}`,
          );
      }
    };
    // Two pages at a time: each runs its commands in order in its own folder.
    const queue = [...pagesOf];
    await Promise.all(
      [0, 1].map(async () => {
        for (let page = queue.shift(); page !== undefined; page = queue.shift())
          await runPage(page);
      }),
    );
    if (process.env.DOCS_EXAMPLES_TIMES)
      console.log(
        times
          .sort((a, b) => b[0] - a[0])
          .slice(0, 25)
          .map(([ms, w]) => `${ms} ms ${w}`)
          .join('\n'),
      );
    expect(failures.join('\n\n')).toBe('');
  }, 600_000);
});

/** The files the examples name, in `dir`: written here, converted or run with the CLI. */
async function prepareFixtures(dir: string, portal: string, env: NodeJS.ProcessEnv): Promise<void> {
  await mkdir(dir, { recursive: true });
  const copy = (from: string, to: string) =>
    cp(path.join(ROOT, from), path.join(dir, to), { recursive: true });
  await copy('test/fixtures/diff/same-graph.ttl', 'catalog.ttl');
  await copy('test/fixtures/shacl/shapes.ttl', 'shapes.ttl');
  await copy('test/fixtures/iri-repair/geonetwork-record.rdf', 'geonetwork-record.rdf');
  await copy('test/fixtures/dcat-us/data.json', 'data.json');
  // docs/background.md shows its example.ttl.
  const background = await readFile(path.join(ROOT, 'docs/background.md'), 'utf8');
  await writeFile(path.join(dir, 'example.ttl'), /```turtle\n([\s\S]*?)```/.exec(background)![1]!);
  await writeFile(
    path.join(dir, 'range.ttl'),
    `@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
<http://example.org/shapes#Publisher> a sh:NodeShape ; sh:targetClass dcat:Dataset ;
  sh:property [ sh:path dct:publisher ; sh:minCount 1 ; sh:severity sh:Violation ] .
`,
  );
  await writeFile(
    path.join(dir, 'ctx.jsonld'),
    JSON.stringify({
      '@context': { dcat: 'http://www.w3.org/ns/dcat#', title: 'http://purl.org/dc/terms/title' },
    }),
  );
  await writeFile(
    path.join(dir, 'page.jsonld'),
    JSON.stringify({
      '@context': 'https://example.org/ctx.jsonld',
      '@id': 'https://example.org/ds/1',
      '@type': 'dcat:Dataset',
      title: 'Bees',
    }),
  );
  const changed = (await readFile(path.join(dir, 'catalog.ttl'), 'utf8'))
    .replace('dct:title "Schools" ;', 'dct:title "Schools" ; dct:description "Schools" ;')
    .replace('dct:title "Water" ;', 'dct:title "Water" ; dct:issued "2020"^^xsd:date ;');
  await writeFile(path.join(dir, 'changed.ttl'), changed);
  const steps = [
    'dcat-harvest convert catalog.ttl --to rdf -o catalog.rdf',
    'dcat-harvest convert catalog.ttl -o catalog.nt.gz',
    'dcat-harvest convert catalog.ttl -o catalog.ttl.gz',
    'dcat-harvest convert catalog.ttl -o data.nt',
    `dcat-harvest harvest ${portal} -o harvest --no-progress`,
    'dcat-harvest run catalog.ttl -o reports/2026-10 --workers 0',
    'dcat-harvest run changed.ttl -o reports/2026-11 --workers 0',
  ];
  for (const step of steps) {
    const outcome = await sh(step, dir, env);
    if (outcome.code !== 0) throw new Error(`fixture step failed: ${step}\n${outcome.out}`);
  }
  await cp(path.join(dir, 'harvest'), path.join(dir, 'harvest-folder'), { recursive: true });
  await cp(path.join(dir, 'harvest'), path.join(dir, 'old-harvest'), { recursive: true });
  await cp(path.join(dir, 'harvest'), path.join(dir, 'new-harvest'), { recursive: true });
  await cp(path.join(dir, 'reports/2026-10'), path.join(dir, 'before'), { recursive: true });
  await cp(path.join(dir, 'reports/2026-11'), path.join(dir, 'after'), { recursive: true });
}
