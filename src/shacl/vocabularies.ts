// **vocabularies** looks IRIs up in the bundled EU authority tables and IANA media types
// (vocab/vocabularies.json): the class each concept has, and the nearest code to a mistyped one.
import { existsSync, readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { distance } from 'fastest-levenshtein';
import { DataFactory } from 'n3';
import { RDF } from '../vocab.js';
import { packagePath } from './profiles.js';

/** One bundled vocabulary: an EU table or the IANA media types. */
export interface VocabularyTable {
  id: string;
  /** How messages name it: "EU language table". */
  label: string;
  namespaces: readonly string[];
  /** The classes every concept of the table has (full IRIs). */
  classes: readonly string[];
  /** The codes' version (table release or package versions). */
  version: string;
  source: string;
  caseInsensitive: boolean;
  codes: readonly string[];
}

/** An IRI read against the tables: the table whose namespace it is in, and its code there. */
export interface VocabularyMatch {
  table: VocabularyTable;
  code: string;
  /** The code is in the table. */
  known: boolean;
}

/** The bundled vocabularies, ready for lookups. */
export interface Vocabularies {
  readonly tables: readonly VocabularyTable[];
  /** The table an IRI's namespace belongs to, whether or not its code is listed. */
  match(iri: string): VocabularyMatch | undefined;
  /** The classes of a listed concept; undefined for any other IRI. */
  classesOf(iri: string): readonly string[] | undefined;
  /** The listed code closest to `code` (edit distance), when one is close enough. */
  nearest(table: VocabularyTable, code: string): string | undefined;
}

interface TableFile {
  tables: (Omit<VocabularyTable, 'codes' | 'caseInsensitive'> & {
    codes: string;
    caseInsensitive?: boolean;
  })[];
}

/** `http://host/` of an IRI (its scheme and authority), or the IRI when it has no path. */
function originOf(iri: string): string {
  const slash = iri.indexOf('/', iri.indexOf('//') + 2);
  return slash < 0 ? iri : iri.slice(0, slash + 1);
}

/** Builds the lookups over tables. */
export function vocabulariesOf(tables: readonly VocabularyTable[]): Vocabularies {
  const known = tables.map((t) => ({
    table: t,
    codes: new Set(t.caseInsensitive ? t.codes.map((c) => c.toLowerCase()) : t.codes),
  }));
  // Most IRIs a record names are the portal's own: one set lookup on the origin turns them away.
  const origins = new Set(tables.flatMap((t) => t.namespaces.map(originOf)));
  const nearestCache = new Map<string, string | undefined>();
  const match = (iri: string): VocabularyMatch | undefined => {
    if (!origins.has(originOf(iri))) return undefined;
    for (const { table, codes } of known) {
      for (const ns of table.namespaces) {
        if (!iri.startsWith(ns) || iri.length === ns.length) continue;
        const code = iri.slice(ns.length);
        return { table, code, known: codes.has(table.caseInsensitive ? code.toLowerCase() : code) };
      }
    }
    return undefined;
  };
  return {
    tables,
    match,
    classesOf(iri) {
      const found = match(iri);
      return found?.known ? found.table.classes : undefined;
    },
    nearest(table, code) {
      const key = `${table.id} ${code}`;
      if (nearestCache.has(key)) return nearestCache.get(key);
      if (nearestCache.size >= 10_000) nearestCache.clear(); // a run repeats the same few typos
      const found = nearestCode(table, code);
      nearestCache.set(key, found);
      return found;
    },
  };
}

/** The listed code closest to `code`, when one is close enough (see `Vocabularies.nearest`). */
function nearestCode(table: VocabularyTable, code: string): string | undefined {
  const wanted = code.toUpperCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestPrefix = -1;
  // Closest first; among as close ones, the longest common start (FRX: FRA before ARX).
  for (const candidate of table.codes) {
    const upper = candidate.toUpperCase();
    const d = distance(wanted, upper);
    if (d > bestDistance) continue;
    let prefix = 0;
    while (prefix < wanted.length && wanted[prefix] === upper[prefix]) prefix++;
    if (d < bestDistance || prefix > bestPrefix) {
      best = candidate;
      bestDistance = d;
      bestPrefix = prefix;
    }
  }
  return bestDistance <= Math.max(2, Math.ceil(code.length / 3)) ? best : undefined;
}

let bundled: Vocabularies | undefined;

/** Loads `vocab/vocabularies.json` once per thread; no tables when the file is missing. */
export function loadVocabularies(): Vocabularies {
  if (bundled) return bundled;
  const file = packagePath('vocab', 'vocabularies.json');
  const doc: TableFile = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as TableFile)
    : { tables: [] };
  bundled = vocabulariesOf(
    doc.tables.map((t) => ({
      ...t,
      caseInsensitive: t.caseInsensitive === true,
      codes: t.codes.split(' ').filter(Boolean),
    })),
  );
  return bundled;
}

/**
 * The quads plus `<concept> rdf:type <class>` for every listed concept they name (as subject or
 * object): what the record's graph would hold of the tables if they were added whole, since the
 * tables state nothing but types and only nodes of the record are ever looked at.
 */
export function withVocabularyTypes(quads: Quad[], vocabularies: Vocabularies): Quad[] {
  let seen: Set<string> | undefined;
  let added: Quad[] | undefined;
  const visit = (term: Quad['subject'] | Quad['object']) => {
    if (term.termType !== 'NamedNode' || seen?.has(term.value)) return;
    const classes = vocabularies.classesOf(term.value);
    if (!classes) return;
    (seen ??= new Set()).add(term.value);
    added ??= [];
    for (const cls of classes) {
      added.push(
        DataFactory.quad(term, DataFactory.namedNode(RDF.type), DataFactory.namedNode(cls)),
      );
    }
  };
  for (const q of quads) {
    visit(q.subject);
    visit(q.object);
  }
  return added ? [...quads, ...added] : quads;
}

/** "…/language/FRX is not in the EU language table; did you mean FRA?", for a value not listed. */
export function tableHint(vocabularies: Vocabularies, iri: string): string | undefined {
  const found = vocabularies.match(iri);
  if (!found || found.known) return undefined;
  const near = vocabularies.nearest(found.table, found.code);
  const text = `…/${iri.slice(iri.lastIndexOf('/', iri.length - found.code.length - 2) + 1)} is not in the ${found.table.label}`;
  return near === undefined ? text : `${text}; did you mean ${near}?`;
}
