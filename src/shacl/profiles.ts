// **profiles** reads the bundled profile index (shapes/index.json) and loads shapes graphs.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { InputError, UsageError } from '../errors.js';
import { loadRdf } from './rdf-file.js';

/** A validation level: `full` is the union of the others. */
export type Level =
  'base' | 'ranges' | 'recommended' | 'deprecated' | 'usagenotes' | 'full' | string;

/** One entry of `shapes/index.json`. */
export interface Profile {
  id: string;
  title: string;
  specVersion: string;
  description: string;
  defaultLevel: string;
  /** Level → shapes files, relative to `shapes/`. */
  levels: Record<string, string[]>;
}

/** A loaded shapes graph and what it came from. */
export interface LoadedShapes {
  quads: Quad[];
  /** `dcat-ap-3 (full)` or the file names. */
  label: string;
  /** The files or URLs read. */
  files: string[];
  /** Import IRI → local file, from the bundled map and `--import-map`. */
  importMap: Record<string, string>;
}

/** Options of {@link loadShapes}: a bundled profile, or shapes files of your own. */
export interface LoadShapesOptions {
  /** A profile id from `listProfiles()`; default `dcat-ap-3` unless `shapes` are given. */
  profile?: string;
  /** A level of the profile; default its `defaultLevel`. */
  level?: string;
  /** Shapes files or URLs, used instead of (or, with `profile`, beside) a profile. */
  shapes?: string[];
  /** Extra `owl:imports` IRI → local file entries. */
  importMap?: Record<string, string>;
}

/** The package root (holds shapes/ and vocab/), from this module's location in src/ or dist/. */
export function packageRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

/** Resolves a path inside the package. */
export function packagePath(...parts: string[]): string {
  return path.join(packageRoot(), ...parts);
}

/**
 * Lists the bundled profiles; empty when the index is missing.
 *
 * @example
 * ```ts
 * import { listProfiles } from 'dcat-harvest/shacl';
 *
 * for (const profile of listProfiles())
 *   console.log(profile.id, profile.title, Object.keys(profile.levels).join(', '));
 * ```
 */
export function listProfiles(): Profile[] {
  const file = packagePath('shapes', 'index.json');
  if (!existsSync(file)) return [];
  const index = JSON.parse(readFileSync(file, 'utf8')) as { profiles?: Profile[] };
  return index.profiles ?? [];
}

/**
 * Reads the bundled import map `vocab/imports.json`: IRI → a `package` module specifier
 * (resolved with Node's resolution, so it works when dcat-harvest is installed as a dependency
 * and `@vocabulary/*` is hoisted) or a `file` relative to vocab/ (for a checkout).
 */
export function bundledImportMap(): Record<string, string> {
  const file = packagePath('vocab', 'imports.json');
  if (!existsSync(file)) return {};
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const entries = (raw.imports ?? raw) as Record<string, unknown>;
  const require = createRequire(file);
  const out: Record<string, string> = {};
  for (const [iri, target] of Object.entries(entries)) {
    const entry = typeof target === 'string' ? { file: target } : (target as ImportEntry);
    const resolved = resolvePackage(require, entry.package);
    if (resolved) out[iri] = resolved;
    else if (typeof entry.file === 'string')
      out[iri] = path.resolve(packagePath('vocab'), entry.file);
  }
  return out;
}

interface ImportEntry {
  file?: string;
  package?: string;
}

function resolvePackage(require: NodeJS.Require, specifier: unknown): string | undefined {
  if (typeof specifier !== 'string') return undefined;
  try {
    return require.resolve(specifier);
  } catch {
    return undefined; // not installed where Node looks: the `file` entry is the fallback
  }
}

/** Finds the files of a profile level, or throws a UsageError listing what exists. */
export function profileFiles(
  profileId: string,
  level?: string,
): { profile: Profile; level: string; files: string[] } {
  const profiles = listProfiles();
  const profile = profiles.find((p) => p.id === profileId);
  if (!profile) {
    throw new UsageError(`unknown profile "${profileId}"`, {
      hint: `use one of: ${profiles.map((p) => p.id).join(', ') || '(none bundled)'}, or --shapes FILE`,
    });
  }
  const chosen = level ?? profile.defaultLevel;
  const files = profile.levels[chosen];
  if (!files) {
    throw new UsageError(`profile ${profile.id} has no level "${chosen}"`, {
      hint: `use one of: ${Object.keys(profile.levels).join(', ')}`,
    });
  }
  return { profile, level: chosen, files: files.map((f) => packagePath('shapes', f)) };
}

/**
 * Loads a profile level and/or shapes files into one shapes graph.
 *
 * @example
 * ```ts
 * import { loadShapes } from 'dcat-harvest/shacl';
 *
 * const bundled = await loadShapes({ profile: 'dcat-ap-3', level: 'recommended' });
 * const own = await loadShapes({ shapes: ['my-shapes.ttl'] });
 * console.log(bundled.label, bundled.quads.length, own.files);
 * ```
 */
export async function loadShapes(options: LoadShapesOptions = {}): Promise<LoadedShapes> {
  const files: string[] = [];
  const labels: string[] = [];
  if (options.profile !== undefined || !options.shapes?.length) {
    const chosen = profileFiles(options.profile ?? 'dcat-ap-3', options.level);
    files.push(...chosen.files);
    labels.push(`${chosen.profile.id} (${chosen.level})`);
  } else if (options.level !== undefined) {
    throw new UsageError('--level applies to a --profile, not to --shapes files');
  }
  for (const shapes of options.shapes ?? []) {
    files.push(shapes);
    labels.push(path.basename(shapes));
  }
  const quads: Quad[] = [];
  for (const file of files) {
    if (!file.includes('://') && !existsSync(file)) {
      throw new InputError(`shapes file not found: ${file}`, { hint: 'check the --shapes path' });
    }
    quads.push(...(await loadRdf(file)));
  }
  return {
    quads,
    label: labels.join(' + '),
    files,
    importMap: { ...bundledImportMap(), ...options.importMap },
  };
}

/** Parses `--import-map IRI=FILE` entries. */
export function parseImportMap(entries: readonly string[], cwd: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    if (at <= 0 || at === entry.length - 1) {
      throw new UsageError(`--import-map expects IRI=FILE, got "${entry}"`);
    }
    out[entry.slice(0, at)] = path.resolve(cwd, entry.slice(at + 1));
  }
  return out;
}
