// **catalogs-file** reads a catalogs file (YAML or JSON), checks it against the shipped JSON Schema and names the line of what is wrong.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2019, type ErrorObject, type ValidateFunction } from 'ajv/dist/2019.js';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { UsageError } from '../errors.js';
import { checkCron, parseEvery } from '../schedule/schedule.js';
import { packagePath } from '../shacl/profiles.js';
import { mergeOptions, type CatalogEntry, type CatalogOptions } from './catalog-options.js';

/** The JSON Schema of catalogs files, shipped in the package. */
export const CATALOGS_SCHEMA_FILE = packagePath('schemas', 'catalogs.schema.json');

/** A catalogs file as written: defaults, then the catalogs. */
interface CatalogsDocument {
  defaults?: CatalogOptions;
  catalogs: (CatalogOptions & {
    id: string;
    source: string;
    title?: string;
    every?: string;
    cron?: string;
  })[];
}

let compiled: ValidateFunction | undefined;

async function validator(): Promise<ValidateFunction> {
  if (!compiled) {
    const schema = JSON.parse(await readFile(CATALOGS_SCHEMA_FILE, 'utf8')) as object;
    compiled = new Ajv2019({ allErrors: true, strict: true }).compile(schema);
  }
  return compiled;
}

/** `file:line:column` of the node at a JSON pointer (its key when it has one), else of the file. */
function whereOf(
  doc: Document,
  counter: LineCounter,
  file: string,
  pointer: string,
  atKey = false,
): string {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  let node = doc.getIn(keys, true);
  if (atKey) {
    const parent = doc.getIn(keys.slice(0, -1), true);
    const pair = isMap(parent)
      ? parent.items.find((p) => isScalar(p.key) && p.key.value === keys.at(-1))
      : undefined;
    if (pair) node = pair.key;
  }
  const offset = isNode(node) && node.range ? node.range[0] : 0;
  const { line, col } = counter.linePos(offset);
  return `${file}:${line}:${col}`;
}

/** One line per schema error, said for people. */
function describe(error: ErrorObject): { pointer: string; text: string; atKey?: boolean } {
  const at = error.instancePath || '/';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'unevaluatedProperties': {
      const name = String(p.unevaluatedProperty);
      return {
        pointer: `${error.instancePath}/${name}`,
        text: `unknown option "${name}" at ${at}`,
        atKey: true,
      };
    }
    case 'required':
      return { pointer: error.instancePath, text: `${at} needs "${String(p.missingProperty)}"` };
    case 'not':
      return { pointer: error.instancePath, text: `${at} gives both "every" and "cron": keep one` };
    case 'enum':
      return {
        pointer: error.instancePath,
        text: `${at} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    default:
      return { pointer: error.instancePath, text: `${at} ${error.message ?? 'is invalid'}` };
  }
}

/**
 * Checks one catalog entry (as a catalogs file's `catalogs` list holds it) against the schema;
 * returns what is wrong, one line each (empty when it is right).
 */
export async function checkCatalogEntry(entry: Record<string, unknown>): Promise<string[]> {
  const validate = await validator();
  if (validate({ catalogs: [entry] })) return [];
  const lines = (validate.errors ?? [])
    .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if')
    .map((e) => describe(e).text.replace(/\/catalogs\/0\/?/g, '/'));
  return [...new Set(lines)];
}

/** Reads the file's text as YAML (JSON is YAML too), keeping positions. */
function parseText(text: string, file: string): { doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = counter.linePos(first.pos[0]);
    throw new UsageError(`${file}:${line}:${col}: not valid YAML or JSON: ${first.message}`, {
      hint: 'fix the catalogs file; its format is in docs/catalogs.md',
    });
  }
  return { doc, counter };
}

/**
 * Reads a catalogs file: checks it against `schemas/catalogs.schema.json` (a bad entry is named
 * by `file:line:column`, exit 2), applies `base` (the command line's options), then the file's
 * `defaults`, then each entry's options, and resolves relative source paths against the file's
 * folder. Messages name the file `file`.
 *
 * @example
 * ```ts
 * import { readCatalogsFile } from 'dcat-harvest/catalogs';
 *
 * // A usage error naming file:line:column when an entry is bad.
 * const entries = await readCatalogsFile('catalogs.yaml', { rate: 2 });
 * for (const entry of entries) console.log(entry.id, entry.source, entry.options['page-size']);
 * ```
 */
export async function readCatalogsFile(
  location: string,
  base: CatalogOptions = {},
  /** The file's name in messages (default: the path). */
  file = location,
): Promise<CatalogEntry[]> {
  const text = await readFile(location, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--catalogs: cannot read ${file}: ${error.code ?? error.message}`, {
      hint: 'give the path of a YAML or JSON catalogs file',
    });
  });
  const { doc, counter } = parseText(text, file);
  const value = doc.toJS() as unknown;
  const validate = await validator();
  if (!validate(value)) {
    const lines = (validate.errors ?? [])
      .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if')
      .map(describe)
      .map((d) => `${whereOf(doc, counter, file, d.pointer, d.atKey)}: ${d.text}`);
    throw new UsageError(`invalid catalogs file:\n  ${[...new Set(lines)].join('\n  ')}`, {
      hint: `the format is in docs/catalogs.md; the schema is ${CATALOGS_SCHEMA_FILE}`,
    });
  }
  const spec = value as CatalogsDocument;
  const seen = new Map<string, string>();
  const folder = path.dirname(path.resolve(location));
  return spec.catalogs.map((entry, at) => {
    const where = whereOf(doc, counter, file, `/catalogs/${at}`);
    const earlier = seen.get(entry.id);
    if (earlier !== undefined) {
      throw new UsageError(
        `${where}: catalog id "${entry.id}" is used twice (first at ${earlier})`,
        {
          hint: 'each catalog needs its own id: it names its sub-folder',
        },
      );
    }
    seen.set(entry.id, where);
    const { id, source, title, every, cron, ...options } = entry;
    const isUrl = /^(?:csw\+)?https?:\/\//i.test(source);
    if (every !== undefined) parseEvery(every, `${where}: every`);
    if (cron !== undefined) checkCron(cron, `${where}: cron`);
    return {
      id,
      source: isUrl ? source : path.resolve(folder, source),
      ...(title === undefined ? {} : { title }),
      options: mergeOptions(base, spec.defaults, options),
      where,
      ...(every === undefined && cron === undefined
        ? {}
        : { schedule: every === undefined ? { cron: cron as string } : { every } }),
    };
  });
}
