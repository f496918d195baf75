// **run-shacl** validates data against shapes files with rdf-validate-shacl and flattens the results.
import { readFileSync } from 'node:fs';
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

/** One validation result, with IRIs as plain strings (blank nodes as `_:label`). */
export interface Result {
  focus: string;
  path: string;
  component: string;
  severity: string;
  sourceShape: string;
  value?: string;
  message: string[];
}

const SH = 'http://www.w3.org/ns/shacl#';

/** Parses a Turtle or N-Triples file (or text) into quads. */
export function parseFile(file: string, text = readFileSync(file, 'utf8')): Quad[] {
  return new Parser({ baseIRI: `file://${file}` }).parse(text);
}

function id(term: Term | null | undefined): string {
  if (!term) return '';
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  return term.value;
}

/** Writes a path term as text: an IRI, `^iri` for an inverse path, or `[complex]`. */
function pathText(term: Term | null | undefined, shapes: Store): string {
  if (!term) return '';
  if (term.termType === 'NamedNode') return term.value;
  const inverse = shapes.getObjects(term, `${SH}inversePath`, null)[0];
  if (inverse?.termType === 'NamedNode') return `^${inverse.value}`;
  return '[complex]';
}

/** Options of `validate`. */
export interface ValidateOptions {
  /** Quads added to the data graph (background knowledge); results on their subjects are dropped. */
  background?: Quad[];
  /** owl:imports resolver; without it, imports resolve to an empty graph. */
  importGraph?: (iri: Term) => DatasetCore;
}

/** Builds a validator over shapes quads and returns a function that validates data quads. */
export function createRunner(shapes: Quad[], options: ValidateOptions = {}) {
  const shapesStore = new Store(shapes);
  const validator = new SHACLValidator(shapesStore, {
    importGraph: options.importGraph ?? (() => new Store()),
  });
  const backgroundNodes = new Set((options.background ?? []).map((q) => id(q.subject)));
  return async (data: Quad[]): Promise<Result[]> => {
    const store = new Store([...data, ...(options.background ?? [])]);
    const report = await validator.validate(store);
    return report.results
      .map((r) => ({
        focus: id(r.focusNode),
        path: pathText(r.path as Term | null, shapesStore),
        component: id(r.sourceConstraintComponent),
        severity: id(r.severity).replace(SH, 'sh:'),
        sourceShape: id(r.sourceShape),
        value: r.value ? id(r.value) : undefined,
        message: r.message.map((m) => m.value),
      }))
      .filter((r) => !backgroundNodes.has(r.focus));
  };
}
