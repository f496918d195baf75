// The house limits, enforced over src/: no file over 400 lines, no function over 100 lines.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { functionSizes, lineCount, oversizes } from '../../scripts/sizes.js';

/** Over the limits and waiting for a split: none. */
const PENDING: string[] = [];

const key = (o: { file: string; name: string }) => `${o.file} ${o.name}`;

describe('The size limits', () => {
  const temp: string[] = [];
  afterAll(async () => {
    for (const dir of temp) await rm(dir, { recursive: true, force: true });
  });

  it('hold over src/ (but the pending list)', () => {
    const over = oversizes('src').filter((o) => !PENDING.includes(key(o)));
    expect(over.map((o) => `${key(o)}: ${o.lines} lines`)).toEqual([]);
  });

  it('list nothing pending that is no longer over', () => {
    const over = new Set(oversizes('src').map(key));
    expect(PENDING.filter((entry) => !over.has(entry))).toEqual([]);
  });

  it('catch a file of 401 lines and a function of 101 lines, named by their nesting', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dh-sizes-'));
    temp.push(dir);
    await mkdir(path.join(dir, 'src'));
    const body = Array.from({ length: 99 }, (_, i) => `    const v${i} = ${i};`).join('\n');
    const inner = `  const inner = () => {\n${body}\n  };`; // 101 lines
    const method = `class Big {\n  run(): void {\n${body}\n  }\n}`; // run: 101 lines
    await writeFile(path.join(dir, 'src/fits.ts'), `function fits() {\n${body.slice(0, 80)}\n}\n`);
    const head = `export function outer() {\n${inner}\n  return inner;\n}\n${method}\n`;
    await writeFile(
      path.join(dir, 'src/big.ts'),
      head + '// filler\n'.repeat(401 - lineCount(head)),
    );
    const found = oversizes(path.join(dir, 'src'));
    expect(found.map((o) => [o.kind, o.file, o.name, o.lines])).toEqual([
      ['file', 'src/big.ts', 'src/big.ts', 401],
      ['function', 'src/big.ts', 'outer', 104],
      ['function', 'src/big.ts', 'outer/inner', 101],
      ['function', 'src/big.ts', 'Big/run', 101],
    ]);
  });

  it('count a function from its first line to its closing brace', () => {
    const sizes = functionSizes('x.ts', 'const f = (a: number) =>\n  a + 1;\nfunction g() {\n}\n');
    expect(sizes).toEqual([
      { name: 'f', line: 1, lines: 2 },
      { name: 'g', line: 3, lines: 2 },
    ]);
  });

  it('count lines as wc -l does, plus a last line without a newline', () => {
    expect([lineCount(''), lineCount('a\n'), lineCount('a\nb'), lineCount('a\nb\n')]).toEqual([
      0, 1, 2, 2,
    ]);
  });
});
