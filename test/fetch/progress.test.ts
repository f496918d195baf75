import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/fetch/progress.js';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

const page = (records: number) => ({
  type: 'page' as const,
  fromDisk: false,
  entry: { id: 'x', index: 1, url: 'u', attempts: 1, timeMs: 1, records, bytes: 500_000 },
});

describe('createProgress', () => {
  it('writes plain progress lines when stderr is not a TTY', () => {
    const out = capture();
    const progress = createProgress({ stream: out.stream, intervalMs: 0 });
    progress.onEvent({ type: 'plan', mode: 'pattern', pagesExpected: 4 });
    progress.onEvent({
      type: 'retry',
      retry: { url: 'u', attempt: 1, reason: 'HTTP 503', delayMs: 1 },
    });
    progress.onEvent(page(100));
    progress.onEvent(page(50));
    progress.stop();
    expect(out.text()).toMatch(
      /harvest: 2\/4 pages, 150 records, 1\.0 MB, [\d.]+ pages\/s, 1 retries/,
    );
  });

  it('is silent with quiet', () => {
    const out = capture();
    const progress = createProgress({ stream: out.stream, quiet: true, intervalMs: 0 });
    progress.onEvent(page(1));
    progress.stop();
    expect(out.text()).toBe('');
  });
});
