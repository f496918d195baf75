// The executable itself: a reader that closes stdout early (`| head`) stops it quietly.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
});
