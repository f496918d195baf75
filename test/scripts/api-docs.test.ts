// The API reference's promises: every exported function has a sentence and an example, every
// example type-checks, and those that need neither network nor files run and print what they say.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFunctions,
  docProblems,
  exampleErrors,
  type ApiFunction,
} from '../../scripts/api-docs.js';

/**
 * Examples run here. The others are type-checked only: they reach a real portal (data.gouv.fr,
 * example.org) or read files a reader has (catalog.ttl, a harvest folder, a report folder).
 */
const OFFLINE = [
  'accessRightCode',
  'auditDqvQuads',
  'auditRecords',
  'backgroundFor',
  'closurePlan',
  'countSeverities',
  'createDocumentLoader',
  'createValidator',
  'detectFormat',
  'extractRecords',
  'failsAt',
  'findFormat',
  'findLicence',
  'fingerprintRecord',
  'formatFromExtension',
  'formatFromMediaType',
  'formatFromPath',
  'formatPosition',
  'groundTruth',
  'isRetryableStatus',
  'isRunReport',
  'listProfiles',
  'loadBackground',
  'lostStatements',
  'measureDataset',
  'parseFaults',
  'parseText',
  'rateScore',
  'ratingOf',
  'readPaging',
  'repairIri',
  'resolveFileType',
  'resolveFormat',
  'resolveSource',
  'runCli',
  'scoreDataset',
  'serializeQuads',
  'sniffFormat',
  'summarize',
];

const LITERAL = String.raw`'(?:[^'\\]|\\.)*'|true|false|undefined|-?\d+`;
/** `expr; // 'value'` (a statement and the literal it evaluates to), `expr; // throws …`. */
const CLAIM = new RegExp(
  String.raw`^(?!const |let |await |for |if |console\.)(.+?); \/\/ (?:(${LITERAL})(?=$|[: ])|(throws))`,
);

/** The example as a module checking each claim of its comments; imports point at src/. */
function runnable(fn: ApiFunction, code: string): string {
  const lines = code.split('\n').map((line) => {
    const claim = CLAIM.exec(line);
    if (!claim) return line;
    const where = JSON.stringify(`${fn.name}: ${line}`);
    return claim[3]
      ? `globalThis.__throws(() => ${claim[1]}, ${where});`
      : `globalThis.__claim(${claim[1]}, ${claim[2]}, ${where});`;
  });
  return lines
    .join('\n')
    .replace(/from 'dcat-harvest(?:\/([a-z-]+))?'/g, (_all, layer?: string) => {
      const file = path.resolve(layer ? `src/${layer}/index.ts` : 'src/index.ts');
      return `from '${pathToFileURL(file).href}'`;
    });
}

const RUNNER = `
const failures = [];
let claims = 0;
globalThis.__claim = (actual, expected, where) => {
  claims += 1;
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    failures.push(where + ' gave ' + JSON.stringify(actual));
};
globalThis.__throws = (run, where) => {
  claims += 1;
  try { run(); failures.push(where + ' did not throw'); } catch {}
};
console.log = () => {};
const { writeFile } = await import('node:fs/promises');
for (const file of process.argv.slice(3)) {
  try { await import(file); } catch (error) { failures.push(file + ': ' + (error?.stack ?? error)); }
}
await writeFile(process.argv[2], JSON.stringify({ failures, claims }));
`;

describe('The API reference', () => {
  let functions: ApiFunction[] = [];
  const temp: string[] = [];
  beforeAll(() => {
    functions = apiFunctions('.');
  }, 120_000);
  afterAll(async () => {
    for (const dir of temp) await rm(dir, { recursive: true, force: true });
  });

  it('documents every exported function with a sentence and an example', () => {
    expect(functions.length).toBeGreaterThan(80);
    expect(docProblems(functions)).toEqual([]);
  });

  it('type-checks every example against the entry points', () => {
    expect(exampleErrors(functions)).toEqual([]);
  }, 120_000);

  it('runs the examples that need no network and no files, and they print what they claim', async () => {
    // Inside the repository, so that the examples' own imports (n3) resolve as a user's would.
    await mkdir('test-output', { recursive: true });
    const dir = await mkdtemp(path.join(path.resolve('test-output'), 'examples-'));
    temp.push(dir);
    const files: string[] = [];
    let claims = 0;
    for (const name of OFFLINE) {
      const fn = functions.find((f) => f.name === name);
      expect(fn?.examples.length, name).toBeGreaterThan(0);
      for (const [i, code] of fn!.examples.entries()) {
        const file = path.join(dir, `${name}-${i}.mts`);
        await writeFile(file, runnable(fn!, code) + '\nexport {};\n');
        claims += code.split('\n').filter((line) => CLAIM.test(line)).length;
        files.push(pathToFileURL(file).href);
      }
    }
    await writeFile(path.join(dir, 'runner.mts'), RUNNER);
    const out = path.join(dir, 'result.json');
    const tsx = import.meta.resolve('tsx');
    await promisify(execFile)(
      process.execPath,
      ['--import', tsx, path.join(dir, 'runner.mts'), out, ...files],
      { cwd: dir },
    );
    const result = JSON.parse(await readFile(out, 'utf8')) as {
      failures: string[];
      claims: number;
    };
    expect(result.failures).toEqual([]);
    expect(claims).toBeGreaterThan(20);
    expect(result.claims).toBe(claims); // each claim was checked
  }, 180_000);

  it('names what is missing from a function’s documentation', () => {
    const fn = (name: string, summary: string, examples: string[]): ApiFunction => ({
      entries: ['dcat-harvest'],
      name,
      file: 'src/x.ts',
      line: 3,
      summary,
      examples,
    });
    const problems = docProblems([
      fn('bare', '', []),
      fn('fragment', 'parses a page', ["import { x } from 'dcat-harvest';"]),
      fn('local', 'Parses a page.', ['parse(page);']),
      fn('good', 'Parses a page.', ["import { x } from 'dcat-harvest/rdf';\nx();"]),
    ]);
    expect(problems).toEqual([
      'src/x.ts:3 bare: no summary (a TSDoc comment with one sentence first)',
      'src/x.ts:3 bare: no @example',
      'src/x.ts:3 fragment: the summary is not a sentence',
      'src/x.ts:3 local: an @example that imports nothing from the package',
    ]);
    // Files given as pending are skipped.
    expect(
      docProblems([{ ...fn('run', '', []), file: 'src/run/run.ts' }], [/^src\/run\//]),
    ).toEqual([]);
  });

  it('names the function whose example does not type-check', () => {
    const broken: ApiFunction = {
      entries: ['dcat-harvest/rdf'],
      name: 'findFormat',
      file: 'src/rdf/formats.ts',
      line: 9,
      summary: 'Finds a format.',
      examples: [
        "import { findFormat } from 'dcat-harvest/rdf';\nconst n: number = findFormat('ttl');",
      ],
    };
    const errors = exampleErrors([broken]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^src\/rdf\/formats\.ts:9 findFormat: example line 2: Type 'RdfFormat \| undefined' is not assignable to type 'number'/,
    );
  }, 120_000);
});
