// **lost-statements** names the records whose statements a lenient parse skipped, with how many each lost.
import type { Quad } from '@rdfjs/types';
import type { ParseError } from '../errors.js';
import { DCAT, RDF } from '../vocab.js';
import { termId } from './records.js';

const RECORD_KINDS: Readonly<Record<string, string>> = {
  [DCAT.Catalog]: 'catalog',
  [DCAT.Dataset]: 'dataset',
  [DCAT.DatasetSeries]: 'series',
  [DCAT.DataService]: 'service',
};

/** A record (or a node no record was kept for) and the statements it lost. */
export interface LostStatements {
  /** The record node (IRI or `_:label`), or the subject itself when no kept record holds it. */
  node: string;
  /** `dataset`, `catalog`, …, or undefined when no record holding the node was kept. */
  kind?: string;
  /** Statements skipped. */
  count: number;
}

/**
 * Groups skipped statements by the record they belonged to: the subject itself when it is a
 * record, else the record linking to it (a distribution's dataset); statements whose subject the
 * parser did not know are grouped under `node: ''`. Most statements lost first.
 *
 * @example
 * ```ts
 * import { lostStatements, parseText } from 'dcat-harvest/rdf';
 *
 * const turtle = `<https://example.org/d1> <http://purl.org/dc/terms/title> "Schools" .
 * <https://example.org/d1> <http://purl.org/dc/terms/issued> "2020"^^<bad iri> .`;
 * const { quads, skipped } = await parseText(turtle, { format: 'turtle', lenient: true });
 * for (const lost of lostStatements(quads, skipped)) console.log(lost.node, lost.count);
 * ```
 */
export function lostStatements(
  quads: readonly Quad[],
  skipped: readonly ParseError[],
): LostStatements[] {
  if (skipped.length === 0) return [];
  const kinds = new Map<string, string>();
  for (const q of quads)
    if (
      q.predicate.value === RDF.type &&
      RECORD_KINDS[q.object.value] &&
      !kinds.has(termId(q.subject))
    )
      kinds.set(termId(q.subject), RECORD_KINDS[q.object.value] as string);
  const subjects = new Set(skipped.map((e) => e.subject ?? ''));
  const owner = new Map<string, string>();
  for (const q of quads) {
    const object = termId(q.object);
    if (subjects.has(object) && !kinds.has(object) && kinds.has(termId(q.subject)))
      owner.set(object, termId(q.subject));
  }
  const lost = new Map<string, LostStatements>();
  for (const error of skipped) {
    const subject = error.subject ?? '';
    const node = kinds.has(subject) ? subject : (owner.get(subject) ?? subject);
    let entry = lost.get(node);
    if (!entry) {
      entry = { node, count: 0 };
      const kind = kinds.get(node);
      if (kind) entry.kind = kind;
      lost.set(node, entry);
    }
    entry.count++;
  }
  return [...lost.values()].sort((a, b) => b.count - a.count);
}

/** `dataset <…> lost 3, <…> (no record kept) lost 5, 2 of unknown subjects`. */
export function describeLost(lost: readonly LostStatements[], max = 10): string {
  const parts = lost
    .slice(0, max)
    .map((l) =>
      l.node === ''
        ? `${l.count} of unknown subject`
        : l.kind
          ? `${l.kind} <${l.node}> lost ${l.count}`
          : `<${l.node}> (no record kept for it) lost ${l.count}`,
    );
  if (lost.length > max) parts.push(`and ${lost.length - max} more`);
  return parts.join(', ');
}
