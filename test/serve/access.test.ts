// Keys: Bearer or Basic, compared in constant time, admin above read.
import { describe, expect, it } from 'vitest';
import { accessOf, keyOf, sameSecret } from '../../src/serve/access.js';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('keys', () => {
  it('reads a Bearer key and a Basic password', () => {
    expect(keyOf('Bearer abc')).toBe('abc');
    expect(keyOf('bearer  abc')).toBe('abc');
    expect(keyOf(basic('me', 'p:w'))).toBe('p:w');
    expect(keyOf('Digest x')).toBeUndefined();
    expect(keyOf(undefined)).toBeUndefined();
  });

  it('compares secrets of any length without throwing', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'abc')).toBe(false);
  });

  it('gives write to the admin key, read to the read key, none otherwise', () => {
    const keys = { admin: 'A', read: 'R' };
    expect(accessOf('Bearer A', keys)).toBe('write');
    expect(accessOf(basic('x', 'R'), keys)).toBe('read');
    expect(accessOf('Bearer r', keys)).toBe('none');
    expect(accessOf('Bearer ', keys)).toBe('none');
    expect(accessOf('Bearer A', {})).toBe('none');
  });
});
