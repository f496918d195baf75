// ownString: the same text, on its own, one byte a character whenever Latin-1 holds it.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { ownString } from '../src/own-string.js';

/**
 * How V8 stores a string, read from its serialization: the tag after the header (and the
 * alignment padding a two-byte string gets) is `"` for one byte a character, `c` for two.
 */
function form(text: string): 'one-byte' | 'two-byte' {
  const bytes = serialize(text);
  let at = 2;
  while (bytes[at] === 0) at++;
  if (bytes[at] === 0x22) return 'one-byte';
  if (bytes[at] === 0x63) return 'two-byte';
  throw new Error(`unexpected tag ${bytes[at]}`);
}

describe('ownString', () => {
  // A page with one curly apostrophe: every line split from it is a two-byte slice.
  const page = `<http://example.org/catalog> <http://purl.org/dc/terms/title> "L’annuaire" .\n${Array.from(
    { length: 3 },
    (_, i) =>
      `<http://example.org/catalog> <http://www.w3.org/ns/dcat#dataset> <http://example.org/datasets/${i}> .`,
  ).join('\n')}\n`;
  const lines = page.split('\n');

  it('gives a plain line cut from a two-byte page in one byte a character, equal to it', () => {
    const line = lines[1] as string;
    expect(form(line)).toBe('two-byte');
    const own = ownString(line);
    expect(own).toBe(line);
    expect(form(own)).toBe('one-byte');
  });

  it('keeps Latin-1 accents in one byte and what Latin-1 cannot hold in two, unchanged', () => {
    const accented = `${lines[2] as string} "données é"`;
    expect(ownString(accented)).toBe(accented);
    expect(form(ownString(accented))).toBe('one-byte');
    const wide = lines[0] as string;
    expect(ownString(wide)).toBe(wide);
    expect(form(ownString(wide))).toBe('two-byte');
    expect(ownString('')).toBe('');
    expect(ownString('🌍 x')).toBe('🌍 x');
  });
});
