// **generate** writes test/fixtures/shapes/<profile>/<level>.ttl and test/shapes/manifest.json
// from the bundled profiles (npx tsx test/shapes/generate.ts).
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Entry, Skip } from './cases.js';
import { buildCases } from './cases.js';
import { listConstraints } from './constraints.js';
import { parseFile } from './run-shacl.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface IndexProfile {
  id: string;
  levels: Record<string, string[]>;
}

/** The manifest and fixture texts for every level (except `full`) of every bundled profile. */
export function renderCases(): { manifest: unknown; fixtures: Map<string, string> } {
  const index = JSON.parse(readFileSync(`${root}shapes/index.json`, 'utf8')) as {
    profiles: IndexProfile[];
  };
  const entries: Entry[] = [];
  const skips: Skip[] = [];
  const fixtures = new Map<string, string>();
  for (const profile of index.profiles) {
    for (const [level, files] of Object.entries(profile.levels)) {
      if (level === 'full') continue;
      const quads = files.flatMap((f) => parseFile(`${root}shapes/${f}`));
      const data = `${profile.id}/${level}.ttl`;
      const built = buildCases(profile.id, level, data, listConstraints(quads));
      fixtures.set(data, built.turtle);
      entries.push(...built.entries);
      skips.push(...built.skips);
    }
  }
  const manifest = {
    label: 'dcat-harvest profiles: one passing and one failing record per constraint',
    comment:
      'Each entry validates `data` (under test/fixtures/shapes/) with the shapes of `profile`/`level` and compares the results of `shape` on `focus` with `expect` (focus, path, component, severity).',
    entries,
    skips,
  };
  return { manifest, fixtures };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { manifest, fixtures } = renderCases();
  for (const [file, text] of fixtures) {
    mkdirSync(`${root}test/fixtures/shapes/${file.split('/')[0]}`, { recursive: true });
    writeFileSync(`${root}test/fixtures/shapes/${file}`, text);
  }
  writeFileSync(`${root}test/shapes/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${fixtures.size} fixture files and the manifest`);
}
