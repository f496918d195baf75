// Reads the shell examples of the README and docs/: ```sh blocks, and the `$ ` lines of ```console blocks.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Example {
  /** The page, relative to the repository (`docs/commands/run.md`). */
  page: string;
  /** 1-based line of the command in the page. */
  line: number;
  /** The command as the page shows it (continuation lines joined). */
  command: string;
}

/** The README and every Markdown page under docs/, in a stable order. */
export async function pages(root: string): Promise<string[]> {
  const found: string[] = ['README.md'];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(path.join(root, dir), { withFileTypes: true })).sort(
      (a, b) => a.name.localeCompare(b.name),
    )) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(rel);
      else if (entry.name.endsWith('.md')) found.push(rel);
    }
  };
  await walk('docs');
  return found;
}

/** The commands of one page's ```sh and ```console blocks, in order. */
export function examplesOf(page: string, text: string): Example[] {
  const lines = text.split('\n');
  const out: Example[] = [];
  let lang: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^```(\w*)/.exec(line);
    if (fence) {
      lang = lang === undefined ? fence[1] || 'text' : undefined;
      continue;
    }
    if (lang !== 'sh' && lang !== 'console') continue;
    let command: string;
    if (lang === 'console') {
      if (!line.startsWith('$ ')) continue;
      command = line.slice(2);
    } else {
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      command = line;
    }
    const start = i;
    while (command.endsWith('\\') && i + 1 < lines.length)
      command = `${command.slice(0, -1)} ${lines[++i]!.trim()}`;
    out.push({ page, line: start + 1, command: command.trim() });
  }
  return out;
}

/** Every example of the README and docs/. */
export async function allExamples(root: string): Promise<Example[]> {
  const out: Example[] = [];
  for (const page of await pages(root))
    out.push(...examplesOf(page, await readFile(path.join(root, page), 'utf8')));
  return out;
}
