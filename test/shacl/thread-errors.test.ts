// Errors from validation worker threads keep their class, fields, exit code and hint.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LimitError, NetworkError, ParseError } from '../../src/errors.js';
import { runValidation } from '../../src/shacl/run.js';
import { afterCrossing, forCrossing } from '../../src/shacl/thread-errors.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'thread-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a worker's throw becomes on the other side: a structured clone. */
const crossed = (error: unknown) => afterCrossing(structuredClone(forCrossing(error)));

describe('forCrossing and afterCrossing', () => {
  it('give a parse error back whole: class, position, reason, subject, hint, exit code', () => {
    const original = new ParseError(
      'Unexpected "."',
      { source: 'a b.ttl', line: 3, column: 7, excerpt: 'x .' },
      { format: 'Turtle', subject: 'http://example.org/d', hint: 'fix it' },
    );
    const back = crossed(original) as ParseError;
    expect(back).toBeInstanceOf(ParseError);
    expect(back.message).toBe(original.message);
    expect(back.position).toEqual(original.position);
    expect(back.reason).toBe('Unexpected "."');
    expect(back.subject).toBe('http://example.org/d');
    expect(back.hint).toBe('fix it');
    expect(back.exitCode).toBe(3);
    expect(back.code).toBe('DH_PARSE');
  });

  it('give other errors of ours their class and fields', () => {
    const limit = crossed(new LimitError('too deep', { hint: 'raise --max-depth' })) as LimitError;
    expect(limit).toBeInstanceOf(LimitError);
    expect([limit.code, limit.hint, limit.message]).toEqual([
      'DH_LIMIT',
      'raise --max-depth',
      'too deep',
    ]);
    const net = crossed(
      new NetworkError('HTTP 503', 'http://127.0.0.1/x', { status: 503 }),
    ) as NetworkError;
    expect(net).toBeInstanceOf(NetworkError);
    expect([net.url, net.status]).toEqual(['http://127.0.0.1/x', 503]);
  });

  it('leave anything else as it is', () => {
    const plain = new TypeError('x is undefined');
    expect(forCrossing(plain)).toBe(plain);
    expect(afterCrossing(plain)).toBe(plain);
    expect(afterCrossing('text')).toBe('text');
  });
});

describe('a malformed page validated on a worker thread', () => {
  it('fails with the ParseError the main thread would give, line and column included', async () => {
    const file = path.join(dir, 'broken.ttl');
    writeFileSync(
      file,
      '@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<a> a dcat:Dataset ;\n  <p> "unterminated .\n',
    );
    const failure = async (workers: number) =>
      runValidation([file], { profile: 'dcat-ap-3', workers }).then(
        () => undefined,
        (error: unknown) => error,
      );
    const onWorker = (await failure(1)) as ParseError;
    const here = (await failure(0)) as ParseError;
    expect(here).toBeInstanceOf(ParseError);
    expect(onWorker).toBeInstanceOf(ParseError);
    expect(onWorker.message).toBe(here.message);
    expect(onWorker.position).toEqual(here.position);
    expect(onWorker.hint).toBe(here.hint);
    expect(onWorker.position).toMatchObject({ line: 3, column: 7 });
    expect(onWorker.exitCode).toBe(3);
  });
});
