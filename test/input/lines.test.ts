// readLines: lines cut on bytes across chunks of any size, CRLF, a last line without a break.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readLines, type TextLine } from '../../src/input/lines.js';

async function fileWith(text: string | Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'dh-lines-')), 'f.txt');
  await writeFile(file, text);
  return file;
}

async function all(file: string, chunkSize?: number): Promise<TextLine[]> {
  const out: TextLine[] = [];
  for await (const line of readLines(file, { chunkSize })) out.push(line);
  return out;
}

describe('readLines', () => {
  it('keeps multi-byte characters whole whatever the chunk size', async () => {
    const text = 'é€😀 one\r\n\nsecond «ligne»\nlast without break';
    const file = await fileWith(text);
    const expected = [
      { text: 'é€😀 one', line: 1 },
      { text: '', line: 2 },
      { text: 'second «ligne»', line: 3 },
      { text: 'last without break', line: 4 },
    ];
    for (const size of [1, 2, 3, 5, 7, 64, undefined])
      expect(await all(file, size)).toEqual(expected);
  });

  it('gives no line for an empty file and none after a final break', async () => {
    expect(await all(await fileWith(''))).toEqual([]);
    expect(await all(await fileWith('a\n'))).toEqual([{ text: 'a', line: 1 }]);
  });

  it('stops reading when the caller stops', async () => {
    const file = await fileWith('a\nb\nc\n');
    const seen: string[] = [];
    for await (const { text } of readLines(file, { chunkSize: 1 })) {
      seen.push(text);
      if (text === 'b') break;
    }
    expect(seen).toEqual(['a', 'b']);
  });

  it('fails with an InputError naming a missing file', async () => {
    const missing = path.join(tmpdir(), 'dh-lines-missing', 'nope.txt');
    await expect(all(missing)).rejects.toThrow(InputError);
    await expect(all(missing)).rejects.toThrow(`cannot read ${missing}`);
  });
});
