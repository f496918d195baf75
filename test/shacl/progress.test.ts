// validate's progress on a terminal: pages done of all, records of what the harvest counted, rate
// and ETA; nothing on a pipe. countInputs counts pages and records without reading any page.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvest } from '../../src/fetch/harvest.js';
import { countInputs, openInputs } from '../../src/input/open.js';
import { startSamplePortal } from '../../src/sample-portal/server.js';
import { cli } from '../helpers/cli.js';

let dir: string;
let folder: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dh-progress-'));
  folder = path.join(dir, 'harvest');
  const portal = await startSamplePortal({ datasets: 60, seed: 3 });
  try {
    await harvest(`${portal.url}/api/1/site/catalog.ttl?page_size=20`, { out: folder });
  } finally {
    await portal.close();
  }
  await writeFile(
    path.join(dir, 'one.ttl'),
    '<http://x/a> a <http://www.w3.org/ns/dcat#Dataset> .\n',
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('countInputs', () => {
  it('counts a harvest folder’s pages and the records its manifest counted', async () => {
    const totals = await countInputs([folder]);
    expect(totals.documents).toBe(3);
    expect(totals.records).toBeGreaterThanOrEqual(60);
  });

  it('counts other inputs as one document each, records unknown', async () => {
    expect(await countInputs([folder, 'one.ttl', '-', 'http://x/y'], { cwd: dir })).toEqual({
      documents: 6,
    });
    // A plain folder: as many as openInputs gives (its RDF files, the harvest's included).
    let opened = 0;
    for await (const _ of openInputs([dir])) opened++;
    expect(await countInputs([dir])).toEqual({ documents: opened });
    expect(opened).toBeGreaterThanOrEqual(4);
  });
});

describe('validate progress', () => {
  it('shows pages of all, records of the harvest’s count, rate and ETA on a terminal', async () => {
    const { records } = await countInputs([folder]);
    const result = await cli(['validate', folder, '--report', 'json:/dev/null'], {
      cwd: dir,
      tty: true,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`3/3 pages \\| \\d+/${records} records \\| \\d+ records/s \\| ETA `),
    );
  });

  it('prints no progress on a pipe', async () => {
    const result = await cli(['validate', folder, '--report', 'json:/dev/null'], { cwd: dir });
    expect(result.stderr).not.toMatch(/pages \|/);
  });
});
