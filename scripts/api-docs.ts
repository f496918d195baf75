// **api-docs** checks that every exported function has a one-sentence summary and an example,
// and type-checks every example against the package's entry points.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The package's entry points: specifier → source file (package.json's `exports`, in src/). */
export function entryPoints(root = '.'): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
  };
  const out: Record<string, string> = {};
  for (const subpath of Object.keys(pkg.exports)) {
    // Code only: not the package's metadata nor its JSON Schemas (`./schemas/*.json`).
    if (subpath === './package.json' || subpath.endsWith('.json')) continue;
    const layer = subpath.slice(2);
    out[layer ? `dcat-harvest/${layer}` : 'dcat-harvest'] = resolve(
      root,
      layer ? `src/${layer}/index.ts` : 'src/index.ts',
    );
  }
  return out;
}

/** Files whose functions may lack an example (none: every exported function has one). */
export const EXAMPLES_PENDING: readonly RegExp[] = [];

/** One exported function and its documentation. */
export interface ApiFunction {
  /** The entry points exporting it (`dcat-harvest/rdf`, …). */
  entries: string[];
  name: string;
  /** Declaration file, relative to the root, and line (1-based). */
  file: string;
  line: number;
  summary: string;
  /** The code of each `@example` (the fenced block's content). */
  examples: string[];
}

function compilerOptions(root: string): ts.CompilerOptions {
  const config = ts.readConfigFile(join(root, 'tsconfig.build.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
}

function isFunctionValue(declaration: ts.Declaration): boolean {
  if (ts.isFunctionDeclaration(declaration)) return true;
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer) return false;
  return (
    ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer)
  );
}

function exampleCode(tag: ts.JSDocTagInfo): string {
  const text = (tag.text ?? []).map((part) => part.text).join('');
  const fenced = /```(?:ts|typescript)?\n([\s\S]*?)```/.exec(text);
  return (fenced ? fenced[1]! : text).trim();
}

/** Every function exported by an entry point, with its summary and examples. */
export function apiFunctions(root = '.'): ApiFunction[] {
  const entries = entryPoints(root);
  const program = ts.createProgram(Object.values(entries), compilerOptions(root));
  const checker = program.getTypeChecker();
  const found = new Map<ts.Symbol, ApiFunction>();
  for (const [specifier, file] of Object.entries(entries)) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${file}: not a module`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      if (!declaration || !isFunctionValue(declaration)) continue;
      const known = found.get(symbol);
      if (known) {
        known.entries.push(specifier);
        continue;
      }
      const declSource = declaration.getSourceFile();
      const line = declSource.getLineAndCharacterOfPosition(declaration.getStart()).line + 1;
      found.set(symbol, {
        entries: [specifier],
        name: exported.name,
        file: relative(root, declSource.fileName).split('\\').join('/'),
        line,
        summary: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim(),
        examples: symbol
          .getJsDocTags(checker)
          .filter((tag) => tag.name === 'example')
          .map(exampleCode),
      });
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** What is missing from each function's documentation, as `file:line name: problem`. */
export function docProblems(
  functions: readonly ApiFunction[],
  pending = EXAMPLES_PENDING,
): string[] {
  const problems: string[] = [];
  for (const fn of functions) {
    if (pending.some((pattern) => pattern.test(fn.file))) continue;
    const where = `${fn.file}:${fn.line} ${fn.name}`;
    const first = fn.summary.split(/\n\s*\n/)[0]!.trim();
    if (!first) problems.push(`${where}: no summary (a TSDoc comment with one sentence first)`);
    else if (!/[.!?:)`]$/.test(first)) problems.push(`${where}: the summary is not a sentence`);
    if (fn.examples.length === 0) problems.push(`${where}: no @example`);
    if (fn.examples.some((code) => !/from 'dcat-harvest(\/[a-z-]+)?'/.test(code))) {
      problems.push(`${where}: an @example that imports nothing from the package`);
    }
  }
  return problems;
}

/**
 * Type-checks each example as a module of its own, its `dcat-harvest[/layer]` imports resolved to
 * src/; returns the compiler's messages, each naming the function whose example fails.
 */
export function exampleErrors(functions: readonly ApiFunction[], root = '.'): string[] {
  const base = resolve(root, 'test-output');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'examples-'));
  try {
    const files = new Map<string, ApiFunction>();
    functions.forEach((fn) =>
      fn.examples.forEach((code, i) => {
        const file = join(dir, `${fn.name}-${i}.mts`);
        writeFileSync(file, `${code}\nexport {};\n`);
        files.set(file, fn);
      }),
    );
    const options: ts.CompilerOptions = {
      ...compilerOptions(root),
      noEmit: true,
      declaration: false,
      rootDir: undefined,
      noUnusedLocals: false,
      paths: {
        'dcat-harvest': [resolve(root, 'src/index.ts')],
        'dcat-harvest/*': [resolve(root, 'src/*/index.ts')],
      },
    };
    const program = ts.createProgram([...files.keys()], options);
    const errors: string[] = [];
    for (const [file, fn] of files) {
      const source = program.getSourceFile(file)!;
      for (const d of [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ]) {
        const at =
          d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line + 1;
        const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
        errors.push(`${fn.file}:${fn.line} ${fn.name}: example line ${at}: ${message}`);
      }
    }
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const functions = apiFunctions('.');
  const problems = [...docProblems(functions), ...exampleErrors(functions, '.')];
  for (const problem of problems) console.error(problem);
  const pending = functions.filter((fn) => EXAMPLES_PENDING.some((p) => p.test(fn.file))).length;
  console.log(
    `api-docs: ${functions.length} exported functions, ${pending} pending (files the lead is changing), ${problems.length} problems`,
  );
  process.exitCode = problems.length > 0 ? 1 : 0;
}
