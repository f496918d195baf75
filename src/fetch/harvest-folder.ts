// **harvest-folder** writes files atomically into a harvest folder and reads a folder back.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { MANIFEST_FILE, PAGES_DIR, type HarvestManifest, type PageEntry } from './manifest.js';

/** Writes `data` to `file` via a temp file and a rename: never a half-written file. */
export async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.part`;
  try {
    // The folder exists but for the first file written there: create it only then.
    await writeFile(temp, data).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temp, data);
    });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Hex SHA-256 of bytes. */
export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A stored page of a harvest folder. */
export interface HarvestFolderPage extends PageEntry {
  /** Absolute path of the page body. */
  path: string;
  /** The page body as stored. */
  read(): Promise<Buffer>;
}

/** A harvest folder read back: its manifest and its stored pages in walk order. */
export interface HarvestFolder {
  dir: string;
  manifest: HarvestManifest;
  /** Pages that have a body on disk, in walk order (half-pages in place of split pages). */
  pages: HarvestFolderPage[];
}

/** Whether `dir` holds a manifest.json. */
export async function isHarvestFolder(dir: string): Promise<boolean> {
  return stat(path.join(dir, MANIFEST_FILE)).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Reads a harvest folder's manifest and lists its stored pages.
 *
 * @example
 * ```ts
 * import { readHarvestFolder } from 'dcat-harvest/fetch';
 *
 * const folder = await readHarvestFolder('harvest-gouv');
 * console.log(folder.manifest.state, folder.pages.length);
 * for (const page of folder.pages) if (page.error) console.log(page.file, page.error.message);
 * ```
 */
export async function readHarvestFolder(dir: string): Promise<HarvestFolder> {
  const file = path.join(dir, MANIFEST_FILE);
  let manifest: HarvestManifest;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8')) as HarvestManifest;
  } catch (error) {
    throw new InputError(`${file}: not a readable harvest manifest (${(error as Error).message})`, {
      hint: 'Point at a folder written by "dcat-harvest harvest", or rerun the harvest with --resume.',
      cause: error,
    });
  }
  if (!Array.isArray(manifest.pages)) {
    throw new InputError(`${file}: the manifest has no "pages" list`);
  }
  const pages: HarvestFolderPage[] = [];
  for (const entry of [...manifest.pages].sort(
    (a, b) => a.index - b.index || (a.id < b.id ? -1 : 1),
  )) {
    if (!entry.file) continue;
    const resolved = path.resolve(dir, entry.file);
    // The manifest is data: never follow it outside the folder.
    if (!resolved.startsWith(path.resolve(dir, PAGES_DIR) + path.sep)) continue;
    pages.push({ ...entry, path: resolved, read: () => readFile(resolved) });
  }
  return { dir, manifest, pages };
}

/**
 * Deletes the temporary files of page writes an interrupted harvest left (`*.part`: a process
 * killed while it wrote a page); a resumed harvest writes those pages again.
 */
export async function removePartFiles(dir: string): Promise<void> {
  const pages = path.join(dir, PAGES_DIR);
  const names = await readdir(pages).catch(() => [] as string[]);
  for (const name of names)
    if (name.endsWith('.part')) await rm(path.join(pages, name), { force: true });
}

/** Page files present on disk, by id (file stem): survivors of an interrupted run. */
export async function listStoredPages(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const names = await readdir(path.join(dir, PAGES_DIR)).catch(() => [] as string[]);
  for (const name of names) {
    if (name.endsWith('.part') || name.includes('.exception.')) continue;
    const dot = name.indexOf('.');
    if (dot > 0) found.set(name.slice(0, dot), `${PAGES_DIR}/${name}`);
  }
  return found;
}
