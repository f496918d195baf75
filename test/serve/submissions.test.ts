// Stored submissions: found by id until they expire, then deleted from disk.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SubmissionStore } from '../../src/serve/submissions.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('SubmissionStore', () => {
  it('keeps a document for its time to live, then deletes it', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dh-subs-'));
    let now = 1_000;
    const store = new SubmissionStore(path.join(dir, 's'), 60_000, () => now);
    await store.open();
    const bytes = Buffer.from('<a> <b> <c> .');
    const sub = await store.add(
      { name: 'c.nt', format: 'ntriples', bytes },
      { profile: 'dcat-ap-3' },
    );
    expect(await readFile(path.join(sub.folder, 'c.nt'), 'utf8')).toBe('<a> <b> <c> .');
    expect(store.get(sub.id)).toMatchObject({ name: 'c.nt', profile: 'dcat-ap-3' });
    expect(store.get('../etc')).toBeUndefined();
    now += 60_001;
    expect(store.get(sub.id)).toBeUndefined();
    await store.sweep();
    expect(existsSync(sub.folder)).toBe(false);
    await store.close();
    expect(existsSync(path.join(dir, 's'))).toBe(false);
  });
});
