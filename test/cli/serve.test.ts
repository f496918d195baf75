// `dcat-harvest serve` in-process: listens, answers, stops on the signal; refuses a read key it lacks.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { startServeCli } from '../helpers/serve-cli.js';

describe('dcat-harvest serve', () => {
  it('serves the API on the port asked for and stops when interrupted', async () => {
    const controller = new AbortController();
    const { base, exit: running } = await startServeCli(
      ['serve', '--port', '0', '--max-body-mb', '1'],
      { signal: controller.signal },
    );
    const r = await fetch(`${base}/api/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/n-triples', accept: 'text/plain' },
      body: '<http://example.org/a> <http://example.org/b> "c" .\n',
    });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('Validation against dcat-ap-3');
    const big = await fetch(`${base}/api/validate`, {
      method: 'POST',
      headers: { 'content-type': 'text/turtle' },
      body: '#'.repeat(1_100_000),
    });
    expect(big.status).toBe(413);
    controller.abort(new Error('test over'));
    expect(await running).toBe(0);
    await expect(fetch(`${base}/`)).rejects.toThrow();
  });

  it('exits 2 when --read-key is given without a key in the environment', async () => {
    const r = await cli(['serve', '--port', '0', '--read-key']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DCAT_HARVEST_READ_KEY');
  });

  it('exits 2 on a bad number', async () => {
    const r = await cli(['serve', '--max-body-mb', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-body-mb');
  });
});
