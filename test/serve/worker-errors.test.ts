// A worker's parse error made a ParseError again, with its position; other errors left alone.
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.js';
import { reviveWorkerError } from '../../src/serve/worker-errors.js';

describe('reviveWorkerError', () => {
  it('revives a parse error from its message, word for word', () => {
    const original = new ParseError(
      'Unexpected "."',
      { source: 'a b.ttl', line: 3, column: 7 },
      {
        format: 'Turtle',
      },
    );
    const revived = reviveWorkerError(new Error(original.message));
    expect(revived).toBeInstanceOf(ParseError);
    expect((revived as ParseError).position).toEqual({ source: 'a b.ttl', line: 3, column: 7 });
    expect((revived as ParseError).message).toBe(original.message);
  });

  it('leaves other errors as they are', () => {
    const other = new Error('worker exited');
    expect(reviveWorkerError(other)).toBe(other);
    expect(reviveWorkerError('text')).toBe('text');
  });
});
