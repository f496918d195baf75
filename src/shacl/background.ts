// **background** supplies background knowledge (the class hierarchy, the EU tables and IANA media
// types) and guards subClassOf cycles.
import { existsSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { UsageError } from '../errors.js';
import { RDFS } from '../vocab.js';
import { termId } from '../rdf/records.js';
import { packagePath } from './profiles.js';
import { loadRdf } from './rdf-file.js';
import { loadVocabularies, type Vocabularies } from './vocabularies.js';

/**
 * Which background a run uses: `vocabularies` (the class hierarchy, plus the EU authority tables
 * and IANA media types typed with the classes DCAT-AP expects), `classes` (the class hierarchy
 * only: the EU validator's "with background"), `none` (its base0/range0).
 */
export type BackgroundMode = 'vocabularies' | 'classes' | 'none';

/** The modes, default first. */
export const BACKGROUND_MODES: readonly BackgroundMode[] = ['vocabularies', 'classes', 'none'];

/** Background knowledge: quads added to every record's data graph, and their subjects. */
export interface Background {
  quads: Quad[];
  /** Nodes described by the vocabulary; results on them are filtered out. */
  nodes: Set<string>;
  /**
   * Vocabularies consulted per record: each listed concept the record names gets its types (as if
   * the tables were in the data graph), and results on it are filtered out like `nodes`.
   */
  vocabularies?: Vocabularies;
}

/** An empty background (the EU validator's base0/range0 types). */
export function noBackground(): Background {
  return { quads: [], nodes: new Set() };
}

/** Builds a background from quads (cycles in its hierarchy are broken first). */
export function backgroundOf(quads: readonly Quad[]): Background {
  const { quads: safe } = breakSubClassCycles(quads);
  return { quads: safe, nodes: new Set(safe.map((q) => termId(q.subject))) };
}

/**
 * Loads `vocab/background.ttl` (plus any extra files); empty when the bundled file is missing.
 *
 * @example
 * ```ts
 * import { createValidator, loadBackground, loadShapes } from 'dcat-harvest/shacl';
 *
 * const background = await loadBackground(); // the class hierarchy of the vocabularies DCAT-AP uses
 * const validator = await createValidator(await loadShapes(), { background });
 * ```
 */
export async function loadBackground(extra: readonly Quad[] = []): Promise<Background> {
  const file = packagePath('vocab', 'background.ttl');
  const quads = existsSync(file) ? await loadRdf(file) : [];
  return backgroundOf([...quads, ...extra]);
}

/**
 * The background of a mode (`true` and `undefined` are the default, `false` is `none`).
 *
 * @example
 * ```ts
 * import { backgroundFor, createValidator, loadShapes } from 'dcat-harvest/shacl';
 *
 * const background = await backgroundFor('vocabularies'); // or 'classes', 'none'
 * const validator = await createValidator(await loadShapes(), { background });
 * ```
 */
export async function backgroundFor(
  mode: BackgroundMode | boolean | undefined,
): Promise<Background> {
  const chosen =
    mode === undefined || mode === true ? 'vocabularies' : mode === false ? 'none' : mode;
  if (!BACKGROUND_MODES.includes(chosen)) {
    throw new UsageError(`unknown background "${String(chosen)}"`, {
      hint: `use one of ${BACKGROUND_MODES.join(', ')}`,
    });
  }
  if (chosen === 'none') return noBackground();
  const background = await loadBackground();
  return chosen === 'vocabularies'
    ? { ...background, vocabularies: loadVocabularies() }
    : background;
}

/** What breakSubClassCycles did. */
export interface CycleGuard {
  /** The quads without the edges that closed a cycle. */
  quads: Quad[];
  /** Each removed edge as [subclass, superclass]. */
  removed: [string, string][];
}

/**
 * Removes the `rdfs:subClassOf` edges that close a cycle (self-loops included): the engine walks
 * the hierarchy recursively and overflows its stack on one. Other quads are kept as they are.
 */
export function breakSubClassCycles(quads: readonly Quad[]): CycleGuard {
  const edges = quads.filter((q) => q.predicate.value === RDFS.subClassOf);
  if (edges.length === 0) return { quads: [...quads], removed: [] };
  const out = new Map<string, Quad[]>();
  for (const edge of edges) {
    const from = termId(edge.subject);
    out.set(from, [...(out.get(from) ?? []), edge]);
  }
  const state = new Map<string, 1 | 2>(); // 1 = on the DFS path, 2 = done
  const dropped = new Set<Quad>();
  const visit = (start: string) => {
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; next: number };
      const list = out.get(top.node) ?? [];
      const edge = list[top.next++];
      if (!edge) {
        state.set(top.node, 2);
        stack.pop();
        continue;
      }
      const to = termId(edge.object);
      const seen = state.get(to);
      if (seen === 1) dropped.add(edge);
      else if (seen === undefined) {
        state.set(to, 1);
        stack.push({ node: to, next: 0 });
      }
    }
  };
  for (const node of out.keys()) if (!state.has(node)) visit(node);
  return {
    quads: quads.filter((q) => !dropped.has(q)),
    removed: [...dropped].map((q) => [termId(q.subject), termId(q.object)]),
  };
}
