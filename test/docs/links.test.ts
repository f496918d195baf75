// The README and docs/ hold together: links and anchors resolve, named files exist, the README stays short.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pages } from './blocks.js';

const ROOT = path.resolve('.');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The page's text without its fenced blocks (code is not prose: no links there). */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '');

async function anchorsOf(file: string): Promise<Set<string>> {
  const text = prose(await readFile(file, 'utf8'));
  return new Set([...text.matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!)));
}

describe('The README and docs/', () => {
  it('link only to files and headings that exist', async () => {
    const broken: string[] = [];
    for (const page of await pages(ROOT)) {
      const text = prose(await readFile(path.join(ROOT, page), 'utf8'));
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:)/.test(target!)) continue;
        const [file, anchor] = target!.split('#');
        const resolved = file
          ? path.resolve(path.dirname(path.join(ROOT, page)), file)
          : path.join(ROOT, page);
        if (!existsSync(resolved)) {
          broken.push(`${page}: ${target} (no such file)`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !(await anchorsOf(resolved)).has(anchor))
          broken.push(`${page}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('name repository files that exist', async () => {
    const missing: string[] = [];
    for (const page of await pages(ROOT)) {
      const text = prose(await readFile(path.join(ROOT, page), 'utf8'));
      for (const [, named] of text.matchAll(
        /`((?:src|test|shapes|vocab|schemas|scripts|bench|docs)\/[\w./-]+)`/g,
      )) {
        if (!existsSync(path.join(ROOT, named!))) missing.push(`${page}: ${named}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keep the README under 250 lines, with a page for every command', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
    const { COMMANDS } = await import('../../src/cli/commands.js');
    for (const { name } of COMMANDS) {
      expect(existsSync(path.join(ROOT, `docs/commands/${name}.md`)), name).toBe(true);
      expect(readme).toContain(`(docs/commands/${name}.md)`);
    }
  });

  it('give the exit codes the CLI gives', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| ([0-3]) \| (.+) \|$/gm)].map((m) => Number(m[1]));
    expect(rows).toEqual([0, 1, 2, 3]);
    const { ExitCode } = await import('../../src/errors.js');
    expect(Object.values(ExitCode).sort()).toEqual([0, 1, 2, 3]);
  });
});
