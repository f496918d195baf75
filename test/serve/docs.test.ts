// docs/serve.md's examples, run: the curl commands against a real server, and the program.
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Started } from './serve-helper.js';

const DOC = path.resolve('docs/serve.md');
const FIXTURES = path.resolve('test/fixtures/audit');
const run = promisify(execFile);

async function blocks(lang: string): Promise<string[]> {
  const text = await readFile(DOC, 'utf8');
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe('docs/serve.md', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.server.close();
  });

  it('runs its curl commands', async () => {
    const commands = (await blocks('console'))
      .flatMap((b) => b.split('\n'))
      .filter((line) => line.startsWith('$ curl '))
      .map((line) => line.slice(2).replaceAll('http://127.0.0.1:8080', s.base));
    expect(commands).toHaveLength(3);
    const outputs: string[] = [];
    for (const command of commands) {
      const { stdout } = await run('sh', ['-c', command], { cwd: FIXTURES });
      outputs.push(stdout);
    }
    expect(outputs[0]).toMatch(/^Validation against dcat-ap-3 \(full\)/);
    expect((JSON.parse(outputs[1]!) as { version: string }).version).toBe('2.1.0');
    expect(outputs[2]!.split('\n')[0]).toMatch(/^[a-z_]+(,[a-z_]+)+/i);
  });

  it("runs the command page's curl command", async () => {
    const page = await readFile(path.resolve('docs/commands/serve.md'), 'utf8');
    const line = page.split('\n').find((l) => l.startsWith('$ curl '))!;
    const { stdout } = await run(
      'sh',
      ['-c', line.slice(2).replaceAll('http://127.0.0.1:8080', s.base)],
      {
        cwd: FIXTURES,
      },
    );
    expect((JSON.parse(stdout) as { version: string }).version).toBe('2.1.0');
  });

  it('runs its program', async () => {
    const [program] = await blocks('ts');
    const dir = await mkdtemp(path.join(tmpdir(), 'dh-docs-serve-'));
    try {
      const index = pathToFileURL(path.resolve('src/serve/index.ts')).href;
      const file = path.join(dir, 'example.mts');
      await writeFile(file, program!.replace("from 'dcat-harvest/serve'", `from '${index}'`));
      const { stdout } = await run(process.execPath, [
        '--import',
        import.meta.resolve('tsx'),
        file,
      ]);
      expect(stdout).toMatch(/^validator at http:\/\/127\.0\.0\.1:\d+\/\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
