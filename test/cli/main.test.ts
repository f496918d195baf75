// The executable itself: a reader that closes stdout early (`| head`) stops it quietly.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'src/cli/main.ts');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dh-main-'));
  const lines = ['@prefix dct: <http://purl.org/dc/terms/> .'];
  for (let i = 0; i < 40_000; i++)
    lines.push(`<http://example.org/ds/${i}> dct:title "Dataset ${i}" .`);
  await writeFile(path.join(dir, 'big.ttl'), lines.join('\n'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function headOne(args: string[]): Promise<{ code: number | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT });
    let first = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString().split('\n')[0] ?? '';
      child.stdout.destroy(); // like `head -1`: the pipe closes while the command still writes
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, first, stderr }));
  });
}

describe('dcat-harvest executable', () => {
  it('stops quietly with exit 0 when stdout is closed early', async () => {
    const { code, first, stderr } = await headOne([
      'convert',
      path.join(dir, 'big.ttl'),
      '--to',
      'nt',
    ]);
    expect(first).toBe('<http://example.org/ds/0> <http://purl.org/dc/terms/title> "Dataset 0" .');
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });

  it.runIf(process.platform === 'linux')(
    'runs a heavy command in a child with two malloc arenas, and passes SIGTERM on',
    async () => {
      const env = { ...process.env };
      delete env.MALLOC_ARENA_MAX;
      const parent = spawn(
        process.execPath,
        ['--import', 'tsx', MAIN, 'serve', '--port', '0', '--data', path.join(dir, 'serve')],
        { cwd: ROOT, env },
      );
      let out = '';
      parent.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      parent.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => parent.on('close', resolve));
      while (!/http:\/\/127\.0\.0\.1:\d+/.test(out)) {
        if (parent.exitCode !== null) throw new Error(`serve ended early: ${out}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const children = execFileSync('pgrep', ['-P', String(parent.pid)])
        .toString()
        .trim()
        .split('\n');
      expect(children).toHaveLength(1);
      const environ = await readFile(`/proc/${children[0]}/environ`, 'latin1');
      expect(environ.split('\0')).toContain('MALLOC_ARENA_MAX=2');
      parent.kill('SIGTERM'); // to the parent alone, as a process manager sends it
      expect(await exited).toBe(0);
      expect(() => process.kill(Number(children[0]), 0)).toThrow(); // the child is gone too
    },
  );

  it.runIf(process.platform === 'linux')('its child dies with it when it is killed', async () => {
    const env = { ...process.env };
    delete env.MALLOC_ARENA_MAX;
    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, 'serve', '--port', '0', '--data', path.join(dir, 'serve2')],
      { cwd: ROOT, env },
    );
    let out = '';
    parent.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    parent.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    while (!/http:\/\/127\.0\.0\.1:\d+/.test(out)) {
      if (parent.exitCode !== null) throw new Error(`serve ended early: ${out}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const child = Number(
      execFileSync('pgrep', ['-P', String(parent.pid)])
        .toString()
        .trim(),
    );
    parent.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    let alive = true;
    while (alive && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      try {
        process.kill(child, 0);
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
  });

  it('runs a heavy command itself when MALLOC_ARENA_MAX is set', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'validate', '/no/such.ttl'], {
      cwd: ROOT,
      env: { ...process.env, MALLOC_ARENA_MAX: '4' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(3);
    expect(stderr).toContain('/no/such.ttl: no such file');
  });
});
