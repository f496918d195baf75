// Loads the official DCAT-AP shapes and examples (repairing the three known-invalid Turtle files).
import { readdirSync, readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { dataPath } from './data.js';

/** Escapes `/` inside prefixed local names (`ex:a/b` → `ex:a\/b`), as the reference describes. */
export function escapeSlashesInLocalNames(text: string): string {
  const prefixes = [...text.matchAll(/@prefix\s+([A-Za-z][\w-]*)?:/g)].map((m) => m[1] ?? '');
  const names = prefixes.filter((p) => p !== '').map((p) => p.replace(/-/g, '\\-'));
  if (names.length === 0) return text;
  const token = new RegExp(`(^|[\\s;,(\\[])((?:${names.join('|')}):)([^\\s<>"]*)`, 'gm');
  return text.replace(token, (all, lead: string, prefix: string, local: string) => {
    if (!local.includes('/')) return all;
    const trail = /[.;,]+$/.exec(local)?.[0] ?? '';
    const body = local.slice(0, local.length - trail.length).replace(/\//g, '\\/');
    return `${lead}${prefix}${body}${trail}`;
  });
}

/** Adds the missing `.` after the first `@prefix` line (HVD example-bees_wasps_dataset.ttl). */
export function terminatePrefixLines(text: string): string {
  return text.replace(/^(@prefix\s+[^\n]*>)\s*$/gm, '$1 .');
}

/** Parses an official file (Turtle or N-Triples), repairing the known defects in memory. */
export function loadOfficial(...parts: string[]): Quad[] {
  const file = dataPath(...parts);
  const text = terminatePrefixLines(escapeSlashesInLocalNames(readFileSync(file, 'utf8')));
  return new Parser({ baseIRI: `file://${file}` }).parse(text);
}

/** The example files of a release folder with the given extension, sorted. */
export function examples(release: string, ext: string): string[] {
  return readdirSync(dataPath('dcat-ap', release, 'examples'))
    .filter((f) => f.endsWith(ext))
    .sort();
}
