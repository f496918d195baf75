// runValidation with `spool`: the same results and summary as in memory, read from disk, and
// nothing left behind after dispose; held records and shared nodes across pages included.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecords } from '../../src/shacl/findings.js';
import { runValidation } from '../../src/shacl/run.js';
import { startSamplePortal, type SamplePortal } from '../../src/sample-portal/server.js';

const PAGES = path.resolve(import.meta.dirname, '../fixtures/shacl/pages');
/** Blank node labels differ between two parses of the same input: mask them. */
const masked = (value: unknown) => JSON.stringify(value).replace(/_:[\w.-]+/g, '_:');
const spools = () => readdirSync(os.tmpdir()).filter((n) => n.startsWith('dcat-harvest-spool-'));

// A temporary folder of this file's own (tests run in their own processes): runs of other test
// files running meanwhile make spools too, which the counts below must not see.
const sharedTmp = process.env.TMPDIR;
const privateTmp = mkdtempSync(path.join(os.tmpdir(), 'dh-run-spool-'));
let portal: SamplePortal;
beforeAll(async () => {
  process.env.TMPDIR = privateTmp;
  portal = await startSamplePortal({ datasets: 90, seed: 21 });
});
afterAll(async () => {
  await portal.close();
  if (sharedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = sharedTmp;
  rmSync(privateTmp, { recursive: true, force: true });
});

describe('runValidation with spool', () => {
  it.each([0, 2])(
    'equals the in-memory run on fixture pages and portal pages (%i workers)',
    async (workers) => {
      const before = spools().length;
      const inputs = [
        path.join(PAGES, 'page1.ttl'),
        path.join(PAGES, 'page2.ttl'),
        `${portal.url}/api/1/site/catalog.ttl?page=1&page_size=30`,
        `${portal.url}/api/1/site/catalog.ttl?page=2&page_size=30`,
        `${portal.url}/api/1/site/catalog.ttl?page=3&page_size=30`,
      ];
      const memory = await runValidation(inputs, { workers });
      const disk = await runValidation(inputs, { workers, spool: true, spoolAfter: 5 });
      expect(memory.records).toBeUndefined();
      expect(disk.results).toEqual([]);
      expect(spools().length).toBe(before + 1); // the results went to disk (the held records' spool is gone)
      const fromDisk = [...runRecords(disk)];
      expect(fromDisk.length).toBeGreaterThan(90);
      expect(masked(fromDisk)).toBe(masked(memory.results));
      expect([...runRecords(disk)]).toEqual(fromDisk); // readable again
      expect(masked(disk.summary)).toBe(masked(memory.summary));
      expect(disk.summary.counts.violation).toBeGreaterThan(0);
      disk.dispose?.();
      expect(spools().length).toBe(before);
    },
  );
});
