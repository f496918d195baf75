// parseText skips the IRI repair's pass over a Turtle-family text in which no IRI reference could
// need it, and only then.
import { describe, expect, it } from 'vitest';
import { mayNeedRepair, parseText } from '../../src/rdf/parse.js';

const CLEAN = `@prefix dct: <http://purl.org/dc/terms/> .
<http://ex.org/d1> dct:title "a > b, and <<quoted>>" ; dct:description """x""" .
<http://ex.org/d2> dct:source <http://ex.org/src> . # a comment with <a b>
`;

describe('mayNeedRepair', () => {
  it('finds every IRI reference the repair rewrites', () => {
    for (const bad of [
      '<http://ex.org/a b>',
      '<http://ex.org/a"b>',
      '<http://ex.org/{x}>',
      '<http://ex.org/a|b>',
      '<http://ex.org/a^b>',
      '<http://ex.org/a`b>',
      '<http://ex.org/a\\b>',
      '<http://ex.org/a\tb>',
    ])
      expect(mayNeedRepair(`${bad} <http://ex.org/p> "v" .`, 'turtle'), bad).toBe(true);
  });

  it('lets a clean text through, and always scans when the format is not known', () => {
    expect(mayNeedRepair(CLEAN.replace(' # a comment with <a b>', ''), 'turtle')).toBe(false);
    expect(mayNeedRepair(CLEAN, undefined)).toBe(true);
    // A `<` then a space in a string is a candidate (the full pass then finds nothing to repair).
    expect(mayNeedRepair('<http://ex.org/d> <http://ex.org/p> "1 < 2" .', 'trig')).toBe(true);
  });

  it('gives parseText the same quads and repairs as the full pass', async () => {
    const broken = `<http://ex.org/a b> <http://ex.org/p> "v" .\n`;
    const repaired = await parseText(broken, { format: 'turtle', repair: true });
    expect(repaired.repairs.map((r) => r.repaired)).toEqual(['http://ex.org/a%20b']);
    expect(repaired.quads[0]?.subject.value).toBe('http://ex.org/a%20b');
    const text = CLEAN.replace(' # a comment with <a b>', '');
    const fast = await parseText(text, { format: 'turtle', repair: true });
    const strict = await parseText(text, { format: 'turtle' });
    expect(fast.repairs).toEqual([]);
    expect(fast.quads).toEqual(strict.quads);
  });
});
