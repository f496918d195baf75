// Runs the per-constraint manifest: every constraint of every bundled profile passes and fails.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Entry, Skip } from './cases.js';
import { listConstraints } from './constraints.js';
import type { Result } from './run-shacl.js';
import { createRunner, parseFile } from './run-shacl.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(`${root}test/shapes/manifest.json`, 'utf8')) as {
  entries: Entry[];
  skips: Skip[];
};
const index = JSON.parse(readFileSync(`${root}shapes/index.json`, 'utf8')) as {
  profiles: { id: string; levels: Record<string, string[]> }[];
};

const shapesOf = (profile: string, level: string) => {
  const files = index.profiles.find((p) => p.id === profile)?.levels[level] ?? [];
  return files.flatMap((f) => parseFile(`${root}shapes/${f}`));
};

const byData = new Map<string, Entry[]>();
for (const entry of manifest.entries) {
  const key = `${entry.profile} ${entry.level} ${entry.data}`;
  byData.set(key, [...(byData.get(key) ?? []), entry]);
}

const tuple = (r: Pick<Result, 'focus' | 'path' | 'component' | 'severity'>) => ({
  focus: r.focus,
  path: r.path,
  component: r.component,
  severity: r.severity.replace('sh:', 'http://www.w3.org/ns/shacl#'),
});

describe('the profile manifest', () => {
  for (const [key, entries] of byData) {
    const [profile, level, data] = key.split(' ') as [string, string, string];
    describe(`${profile} ${level}`, () => {
      let results: Result[] | undefined;
      const resultsFor = async () => {
        results ??= await createRunner(shapesOf(profile, level))(
          parseFile(`${root}test/fixtures/shapes/${data}`),
        );
        return results;
      };
      it(`gives each of its ${entries.length} records exactly the expected results`, async () => {
        const all = await resultsFor();
        const failures: string[] = [];
        for (const entry of entries) {
          const got = all.filter((r) => r.focus === entry.focus && r.sourceShape === entry.shape);
          const actual = JSON.stringify(got.map(tuple));
          if (actual !== JSON.stringify(entry.expect)) {
            failures.push(`${entry.id}: expected ${JSON.stringify(entry.expect)}, got ${actual}`);
          }
        }
        expect(failures).toEqual([]);
      });
      it('reports a message on every failing record', async () => {
        const all = await resultsFor();
        const failing = entries.filter((e) => e.type === 'fail');
        for (const entry of failing) {
          const got = all.find((r) => r.focus === entry.focus && r.sourceShape === entry.shape);
          expect(got?.message.length, entry.id).toBeGreaterThan(0);
        }
      });
    });
  }

  it('covers every constraint of every profile file with a passing and a failing record', () => {
    const ids = new Set(manifest.entries.map((e) => e.id));
    const skipped = new Set(manifest.skips.map((s) => s.id));
    const missing: string[] = [];
    let count = 0;
    for (const profile of index.profiles) {
      for (const [level, files] of Object.entries(profile.levels)) {
        if (level === 'full') continue;
        for (const c of listConstraints(files.flatMap((f) => parseFile(`${root}shapes/${f}`)))) {
          count += 1;
          const name = c.shape.replace(/^.*#/, '');
          for (const kind of ['pass', 'fail']) {
            const id = `${profile.id}/${level}/${name}/${kind}`;
            if (!ids.has(id) && !skipped.has(id)) missing.push(id);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(count).toBeGreaterThan(500);
  });

  it('gives every skip a reason', () => {
    for (const skip of manifest.skips) expect(skip.reason.length, skip.id).toBeGreaterThan(20);
  });
});
