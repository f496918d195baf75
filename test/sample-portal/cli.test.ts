// The sample-portal command: prints its URL, serves, stops on the signal; clear usage errors.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { cli } from '../helpers/cli.js';
import { get } from './helpers.js';

describe('dcat-harvest sample-portal', () => {
  it('prints its URL on stdout, serves the catalog and stops cleanly when aborted', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const controller = new AbortController();
    const url = new Promise<string>((resolve) =>
      stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
    );
    const run = runCli(
      ['sample-portal', '--datasets', '50', '--seed', '4', '--faults', '5xx=p2'],
      {
        stdout,
        stderr,
        stdin: Readable.from([]),
        env: {},
        cwd: process.cwd(),
      },
      controller.signal,
    );
    const base = await url;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await get(`${base}/api/1/site/catalog.ttl?page_size=10`)).status).toBe(200);
    expect(
      (await get(`${base}/api/1/site/catalog.ttl?page=2&page_size=10`)).status,
    ).toBeGreaterThanOrEqual(500);
    controller.abort();
    expect(await run).toBe(0);
    await expect(get(`${base}/api/1/site/catalog.ttl`)).rejects.toThrow();
  });

  it('documents the options and the fault grammar in --help', async () => {
    const { code, stdout } = await cli(['sample-portal', '--help']);
    expect(code).toBe(0);
    for (const text of [
      '--datasets',
      '--port',
      '--seed',
      '--faults',
      '--page-latency',
      'x<N>',
      'redirects=N',
    ])
      expect(stdout).toContain(text);
  });

  it('exits 2 with a message naming a bad fault or option', async () => {
    const bad = await cli(['sample-portal', '--faults', 'boom']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown fault "boom"');
    const nan = await cli(['sample-portal', '--datasets', 'many']);
    expect(nan.code).toBe(2);
    expect(nan.stderr).toContain('--datasets');
  });
});
