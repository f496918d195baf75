// The line-based N-Triples/N-Quads parser: terms, escapes, strict errors with line:column, lenient skips, chunking and pass-through.
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.js';
import { convert } from '../../src/rdf/convert.js';
import { parseStream, parseText } from '../../src/rdf/parse.js';
import { canonical } from './canonical.js';

const nt = (text: string) => parseText(text, { format: 'ntriples', source: 'doc.nt' });

async function failure(text: string, format: 'ntriples' | 'nquads' = 'ntriples') {
  const error = await parseText(text, { format, source: 'doc' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

/** Runs `convert` into a string. */
async function converted(
  input: Readable,
  options: Parameters<typeof convert>[2],
): Promise<{ text: string; summary: Awaited<ReturnType<typeof convert>> }> {
  let text = '';
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  const summary = await convert(input, output, options);
  return { text, summary };
}

describe('The N-Triples parser', () => {
  it('decodes string escapes (ECHAR, \\u, \\U) and keeps raw non-ASCII text', async () => {
    const { quads } = await nt(
      '<http://ex.org/s> <http://ex.org/p> "tab\\t quote\\" back\\\\ nl\\n cr\\r \\b\\f \\\' \\u00E9\\U0001F600 déjà 😀" .\n',
    );
    expect(quads[0]?.object.value).toBe('tab\t quote" back\\ nl\n cr\r \b\f \' é😀 déjà 😀');
  });

  it('decodes escapes in IRIs and reads language tags and datatypes', async () => {
    const { quads } = await nt(
      [
        '<http://ex.org/caf\\u00E9> <http://ex.org/p> "x"@en-GB .',
        '<http://ex.org/s> <http://ex.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .',
        '<http://ex.org/s> <http://ex.org/p> "plain" .',
      ].join('\n'),
    );
    expect(quads[0]?.subject.value).toBe('http://ex.org/café');
    expect(quads[0]?.object).toMatchObject({ termType: 'Literal', language: 'en-gb' });
    expect(quads[1]?.object).toMatchObject({
      value: '1',
      datatype: { value: 'http://www.w3.org/2001/XMLSchema#integer' },
    });
    expect(quads[2]?.object).toMatchObject({
      language: '',
      datatype: { value: 'http://www.w3.org/2001/XMLSchema#string' },
    });
  });

  it('keeps blank node labels consistent within a document (dots, non-ASCII)', async () => {
    const { quads } = await nt(
      '_:a.b <http://ex.org/p> _:é1 .\n_:é1 <http://ex.org/p> _:a.b .\n_:x <http://ex.org/p> "1" .\n',
    );
    expect(quads[0]?.subject.termType).toBe('BlankNode');
    expect(quads[0]?.subject.value).toBe(quads[1]?.object.value);
    expect(quads[0]?.object.value).toBe(quads[1]?.subject.value);
    expect(quads[2]?.subject.value).not.toBe(quads[0]?.subject.value);
  });

  it('accepts comments, blank lines, tabs, no spaces, CRLF and a last line without a newline', async () => {
    const text =
      '# header\r\n\r\n<http://ex.org/a><http://ex.org/p>"x".\r\n\t<http://ex.org/a>\t<http://ex.org/p>\t<http://ex.org/o>\t.\t# done\n  \n<http://ex.org/a> <http://ex.org/p> _:b .';
    const { quads } = await nt(text);
    expect(quads.map((q) => q.object.value)).toEqual([
      'x',
      'http://ex.org/o',
      quads[2]?.object.value,
    ]);
    expect(quads).toHaveLength(3);
  });

  it('reads N-Quads graph terms, and refuses them in N-Triples', async () => {
    const line = '<http://ex.org/s> <http://ex.org/p> "x" <http://ex.org/g> .\n';
    const { quads } = await parseText(`${line}_:s <http://ex.org/p> "y" _:g .\n`, {
      format: 'nquads',
    });
    expect(quads[0]?.graph.value).toBe('http://ex.org/g');
    expect(quads[1]?.graph.termType).toBe('BlankNode');
    const error = await failure(line);
    expect(error.position).toMatchObject({ line: 1, column: 41 });
  });

  it('gives the same graph as N3.js reading the same text as Turtle', async () => {
    const text = [
      '<http://ex.org/s> <http://ex.org/p> "a\\nb\\u00E9"@fr .',
      '<http://ex.org/s> <http://ex.org/q> "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .',
      '_:n <http://ex.org/r> <http://ex.org/s> .',
      '<http://ex.org/s> <http://ex.org/r> _:n .',
      '<urn:x:y> <http://ex.org/p> "\\U0001F600" .',
    ].join('\n');
    const ours = await nt(text);
    const n3 = await parseText(text, { format: 'turtle' });
    expect(await canonical(ours.quads)).toBe(await canonical(n3.quads));
  });
});

describe('A malformed N-Triples line', () => {
  const cases: [string, string, number][] = [
    ['a missing final dot', '<http://a/s> <http://a/p> "x"', 30],
    ['a relative IRI', '<s> <http://a/p> "x" .', 1],
    ['a space in an IRI', '<http://a/s> <http://a/p x> "x" .', 14],
    ['an escaped space in an IRI', '<http://a/s> <http://a/p> <http://a/\\u0020> .', 27],
    ['a bad string escape', '<http://a/s> <http://a/p> "\\q" .', 27],
    ['a code point above U+10FFFF', '<http://a/s> <http://a/p> "\\U00110000" .', 27],
    ['a bad language tag', '<http://a/s> <http://a/p> "x"@1a .', 30],
    ['an unterminated string', '<http://a/s> <http://a/p> "x .', 27],
    ['a literal as subject', '"x" <http://a/p> "x" .', 1],
    ['a blank node as predicate', '<http://a/s> _:p "x" .', 14],
    ['a colon in a blank node label', '_:a:b <http://a/p> "x" .', 4],
    ['text after the dot', '<http://a/s> <http://a/p> "x" . x', 33],
    ['a Turtle prefixed name', '<http://a/s> <http://a/p> ex:o .', 27],
  ];
  for (const [what, line, column] of cases) {
    it(`with ${what} fails with its line and column`, async () => {
      const error = await failure(`<http://a/s> <http://a/p> "ok" .\n${line}\n`);
      expect(error.position).toMatchObject({ source: 'doc', line: 2, column });
      expect(error.message).toContain(`doc:2:${column}: invalid N-Triples`);
      expect(error.position.excerpt).toBeTruthy();
      expect(error.exitCode).toBe(3);
    });
  }

  it('is found past a chunk boundary that splits lines and multibyte characters', async () => {
    const good = '<http://a/s> <http://a/p> "é😀" .\n'.repeat(3000);
    const bytes = Buffer.from(`${good}<http://a/s> <http://a/p> bad .\n`);
    const chunks = [];
    for (let at = 0; at < bytes.length; at += 4097) chunks.push(bytes.subarray(at, at + 4097));
    const stream = parseStream(Readable.from(chunks), { format: 'ntriples', source: 'big.nt' });
    await expect(stream.toArray()).rejects.toThrow(/big\.nt:3001:27: invalid N-Triples/);
  });

  it('is skipped and counted with --lenient, the next lines read on', async () => {
    const text =
      '<http://a/s> <http://a/p> "1" .\r\n<http://a/s> <http://a/p> "2"\r\n<http://a/s> <http://a/p> "3" .\r\n<a> <http://a/p> "4" .\r\n<http://a/s> <http://a/p> "5" .';
    const { quads, skipped } = await parseText(text, { format: 'ntriples', lenient: true });
    expect(quads.map((q) => q.object.value)).toEqual(['1', '3', '5']);
    expect(skipped.map((e) => [e.position.line, e.position.column])).toEqual([
      [2, 30],
      [4, 1],
    ]);
  });
});

describe('N-Triples to N-Quads', () => {
  const text =
    '# kept\n<http://a/s> <http://a/p> "é" .\n<http://a/s> <http://a/p> broken .\n_:b <http://a/p> "x"@en .\n';

  it('passes valid lines through unchanged', async () => {
    const good = text.replace(/.*broken.*\n/, '');
    const { text: out, summary } = await converted(Readable.from([Buffer.from(good)]), {
      from: 'ntriples',
      to: 'nquads',
    });
    expect(out).toBe(good);
    expect(summary.quads).toBe(2);
  });

  it('passes bytes through across chunks that split lines and characters', async () => {
    const good = Buffer.from('_:é <http://a/p> "é😀 \\u00E9"@fr-BE .\n# c\n'.repeat(2000));
    const chunks = [];
    for (let at = 0; at < good.length; at += 4097) chunks.push(good.subarray(at, at + 4097));
    const { text: out, summary } = await converted(Readable.from(chunks), {
      from: 'ntriples',
      to: 'nquads',
    });
    expect(out).toBe(good.toString('utf8'));
    expect(summary.quads).toBe(2000);
  });

  it('reads invalid UTF-8 as U+FFFD, as a decoder does', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<http://a/s> <http://a/p> "a'),
      Buffer.from([0xff, 0xc3]),
      Buffer.from('b" .\n'),
    ]);
    const chunks: Buffer[] = [];
    const output = new Writable({
      write(chunk: Buffer | string, _enc, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    await convert(Readable.from([bytes]), output, { from: 'ntriples', to: 'nquads' });
    expect(Buffer.concat(chunks)).toEqual(
      Buffer.from('<http://a/s> <http://a/p> "a\uFFFD\uFFFDb" .\n'),
    );
  });

  it('fails on a bad line, or with lenient drops it and counts it', async () => {
    await expect(
      converted(Readable.from([text]), { from: 'ntriples', to: 'nquads' }),
    ).rejects.toThrow(/<input>:3:27: invalid N-Triples/);
    const { text: out, summary } = await converted(Readable.from([text]), {
      from: 'ntriples',
      to: 'nquads',
      lenient: true,
    });
    expect(out).toBe(text.replace(/.*broken.*\n/, ''));
    expect(summary).toMatchObject({ quads: 2, skippedCount: 1 });
    expect(summary.skipped[0]?.position).toMatchObject({ line: 3, column: 27 });
  });
});
