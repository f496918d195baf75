// **sizes** measures every source file's lines and every function's lines, and names those over the limits.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** The house limits: a file's lines and a function's lines (signature to closing brace). */
export const LIMITS = { fileLines: 400, functionLines: 100 } as const;

/** One file or function over its limit. */
export interface Oversize {
  kind: 'file' | 'function';
  /** Path relative to the scanned root's parent, with forward slashes. */
  file: string;
  /** The function's name (`Class.method`, `outer/<arrow>`), or the file's path. */
  name: string;
  /** First line (1-based). */
  line: number;
  lines: number;
  limit: number;
}

/** Every `.ts` file under `dir`, sorted, `.d.ts` excluded. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

function functionName(node: ts.Node, source: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && !ts.isComputedPropertyName(named.name)) return named.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) {
    return parent.name.getText(source);
  }
  if (ts.isPropertyDeclaration(parent)) return parent.name.getText(source);
  return '<anonymous>';
}

function isFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** The functions of one file with their line counts, named by their nesting (`outer/inner`). */
export function functionSizes(path: string, text = readFileSync(path, 'utf8')) {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node, scope: string[]): void => {
    let inner = scope;
    if (isFunction(node) && node.body) {
      const name = [...scope, functionName(node, source)].join('/');
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ name, line: start + 1, lines: end - start + 1 });
      inner = [...scope, functionName(node, source)];
    } else if (ts.isClassDeclaration(node) && node.name) {
      inner = [...scope, node.name.text];
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(source, []);
  return found;
}

/** The number of lines of a text, as `wc -l` counts them plus a last line without a newline. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** Every file and function under `dir` over the limits. */
export function oversizes(dir: string, limits = LIMITS): Oversize[] {
  const out: Oversize[] = [];
  const base = join(dir, '..');
  for (const path of sourceFiles(dir)) {
    const file = relative(base, path).split('\\').join('/');
    const text = readFileSync(path, 'utf8');
    const lines = lineCount(text);
    if (lines > limits.fileLines) {
      out.push({ kind: 'file', file, name: file, line: 1, lines, limit: limits.fileLines });
    }
    for (const fn of functionSizes(path, text)) {
      if (fn.lines > limits.functionLines) {
        out.push({ kind: 'function', file, ...fn, limit: limits.functionLines });
      }
    }
  }
  return out;
}

const isMain =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '');
if (isMain) {
  const dir = process.argv[2] ?? 'src';
  const found = oversizes(dir);
  for (const o of found) {
    const where = o.kind === 'file' ? o.file : `${o.file}:${o.line} ${o.name}`;
    console.log(`${o.kind.padEnd(8)} ${String(o.lines).padStart(5)} > ${o.limit}  ${where}`);
  }
  console.log(
    `${found.length} over the limits (file ${LIMITS.fileLines}, function ${LIMITS.functionLines} lines)`,
  );
  process.exitCode = found.length > 0 ? 1 : 0;
}
