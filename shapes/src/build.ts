// **build** writes the profile Turtle files and shapes/index.json from the tables (npx tsx shapes/src/build.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { levels as dcatAp3 } from './dcat-ap-3.js';
import { levels as dcatAp2 } from './dcat-ap-2.js';
import { levels as hvd } from './dcat-ap-hvd.js';
import { levels as geodcatAp } from './geodcat-ap.js';
import type { LevelSpec } from './model.js';
import { toTurtle } from './model.js';

interface ProfileMeta {
  id: string;
  title: string;
  specVersion: string;
  description: string;
  specs: LevelSpec[];
  /** A profile this one extends: each level reads that profile's files of the level first. */
  builtOn?: string;
}

const PROFILES: ProfileMeta[] = [
  {
    id: 'dcat-ap-3',
    title: 'DCAT-AP 3.0.1',
    specVersion: '3.0.1',
    description:
      'DCAT Application Profile for data portals in Europe 3.0.1: base (cardinalities, node kinds, datatypes; Violations), ranges (classes of values; Violations), recommended (Warnings), deprecated terms (Warnings).',
    specs: dcatAp3,
  },
  {
    id: 'dcat-ap-2',
    title: 'DCAT-AP 2.1.1',
    specVersion: '2.1.1',
    description:
      'DCAT Application Profile for data portals in Europe 2.1.1: base (Violations), ranges (Violations), recommended (Warnings), deprecated terms (Warnings).',
    specs: dcatAp2,
  },
  {
    id: 'dcat-ap-hvd',
    title: 'DCAT-AP HVD 3.0.0',
    specVersion: '3.0.0',
    description:
      'DCAT-AP for High-Value Datasets 3.0.0 (Implementing Regulation (EU) 2023/138): base, ranges and usage notes (HVD regulation, HVD category scheme, API, legal information). Applies on top of dcat-ap-3 (validate with both).',
    specs: hvd,
  },
  {
    id: 'geodcat-ap',
    title: 'GeoDCAT-AP 2.0.0',
    specVersion: '2.0.0',
    description:
      'GeoDCAT-AP 2.0.0, built on dcat-ap-2 (each level holds the DCAT-AP 2.1.1 level and what GeoDCAT-AP adds): agent roles, resource and service types, quality and provenance; recommended: spatial extent and bounding box, reference system and conformity, lineage, resource type, metadata point of contact.',
    specs: geodcatAp,
    builtOn: 'dcat-ap-2',
  },
];

/** Every generated file (path relative to shapes/) and its content. */
export function renderProfiles(): Map<string, string> {
  const files = new Map<string, string>();
  const built = new Map<string, Record<string, string[]>>();
  const index = PROFILES.map(({ specs, builtOn, ...meta }) => {
    const under = builtOn ? (built.get(builtOn) ?? {}) : {};
    const levels: Record<string, string[]> = {};
    for (const [level, list] of Object.entries(under))
      if (level !== 'full') levels[level] = [...list];
    for (const spec of specs) {
      const file = `${meta.id}/${spec.level}.ttl`;
      files.set(file, toTurtle(spec));
      levels[spec.level] = [...(levels[spec.level] ?? []), file];
    }
    levels.full = [...new Set(Object.values(levels).flat())];
    built.set(meta.id, levels);
    return { ...meta, ...(builtOn ? { builtOn } : {}), defaultLevel: 'full', levels };
  });
  files.set('index.json', `${JSON.stringify({ profiles: index }, null, 2)}\n`);
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  for (const [file, text] of renderProfiles()) writeFileSync(root + file, text);
  console.log(`wrote ${renderProfiles().size} files under ${root}`);
}
