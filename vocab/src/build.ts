// **build** writes vocab/vocabularies.json, the vocabularies of `--background vocabularies`, from
// ISO and IANA packages and the EU tables' codes (npx tsx vocab/src/build.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { iso6393 } from 'iso-639-3';
import { iso6392 } from 'iso-639-2';
import { iso31661 } from 'iso-3166';
import { AUTHORITY, EU_TABLES, HVD_CATEGORIES, type TableSpec } from './eu-tables.js';

const require = createRequire(import.meta.url);
const DCT = 'http://purl.org/dc/terms/';
const version = (pkg: string): string =>
  (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string })
    .version;

/** ISO 639-3 codes, and the ISO 639-2 collective codes that 639-3 lacks, upper-cased as the EU table writes them. */
function languages(): TableSpec {
  const codes = new Set(iso6393.map((l) => l.iso6393.toUpperCase()));
  for (const l of iso6392) {
    // A 639-2 code with no 639-3 twin and no terminologic variant is a collective code ("ART").
    if (!l.iso6392T && !codes.has(l.iso6392B.toUpperCase()) && !/^q[a-t][a-z]$/.test(l.iso6392B))
      codes.add(l.iso6392B.toUpperCase());
  }
  codes.add('OP_DATPRO');
  return {
    id: 'language',
    label: 'EU language table',
    namespaces: [AUTHORITY + 'language/'],
    classes: [DCT + 'LinguisticSystem'],
    version: `iso-639-3@${version('iso-639-3')}, iso-639-2@${version('iso-639-2')}`,
    source: 'ISO 639-3 and the ISO 639-2 collective codes (the EU language table uses them)',
    codes: [...codes].sort(),
  };
}

/** ISO 3166-1 alpha-3 codes in use, plus the EU table's own Kosovo code. */
function countries(): TableSpec {
  const codes = new Set(iso31661.map((c) => c.alpha3));
  codes.add('1A0');
  codes.add('OP_DATPRO');
  return {
    id: 'country',
    label: 'EU country table',
    namespaces: [AUTHORITY + 'country/'],
    classes: [DCT + 'Location'],
    version: `iso-3166@${version('iso-3166')}`,
    source: 'ISO 3166-1 alpha-3 (assigned codes) and 1A0 (Kosovo)',
    codes: [...codes].sort(),
  };
}

/** The media types IANA registered (mime-db also lists Apache's and nginx's). */
function mediaTypes(): TableSpec {
  const db = require('mime-db') as Record<string, { source?: string }>;
  const codes = Object.entries(db)
    .filter(([, entry]) => entry.source === 'iana')
    .map(([type]) => type)
    .sort();
  return {
    id: 'media-type',
    label: 'IANA media types registry',
    namespaces: [
      'http://www.iana.org/assignments/media-types/',
      'https://www.iana.org/assignments/media-types/',
    ],
    classes: [DCT + 'MediaType'],
    version: `mime-db@${version('mime-db')}`,
    source: 'IANA media types, as mime-db lists them (entries whose source is iana)',
    caseInsensitive: true,
    codes,
  };
}

const tables = [languages(), countries(), ...EU_TABLES, HVD_CATEGORIES, mediaTypes()].map((t) => ({
  ...t,
  codes: [...new Set(t.codes)].sort(),
}));

const out = fileURLToPath(new URL('../vocabularies.json', import.meta.url));
const doc = {
  description:
    'Vocabularies of `--background vocabularies`, written by vocab/src/build.ts: per table, the namespaces its IRIs live in, the classes each concept has, the version of the codes and the codes (space-separated). Do not edit: change the script and run it again.',
  tables: tables.map((t) => ({ ...t, codes: t.codes.join(' ') })),
};
writeFileSync(
  out,
  await format(JSON.stringify(doc), { ...(await resolveConfig(out)), filepath: out }),
); // as `npm run check` wants it
for (const t of tables) console.log(`${t.id}: ${t.codes.length} codes (${t.version})`);
