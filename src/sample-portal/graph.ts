// **graph** is the small node model a page is built in: subjects with ordered (predicate, object) pairs.
import { random } from './prng.js';

/** An object: an IRI, a literal (optionally typed) or a nested blank node. */
export type GObject = { iri: string } | { lit: string; dt?: string } | { node: GNode };

/** A subject (IRI, or blank when `blank` is set: `id` is then its label) and its properties. */
export interface GNode {
  id: string;
  blank?: boolean;
  props: [string, GObject][];
}

/** Receives complete nodes in page order (a serializer writing as it goes). */
export interface NodeSink {
  write(node: GNode): void;
}

/** A page's nodes, deduplicated by subject IRI, kept or handed to a sink as they come. */
export class PageGraph {
  readonly nodes: GNode[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly sink?: NodeSink) {}

  /** Adds a node unless one with its IRI is already there; returns whether it was added. */
  add(node: GNode): boolean {
    if (!node.blank) {
      if (this.seen.has(node.id)) return false;
      this.seen.add(node.id);
    }
    if (this.sink) this.sink.write(node);
    else this.nodes.push(node);
    return true;
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  /** Number of triples kept (nested blank nodes included; 0 with a sink). */
  size(): number {
    let n = 0;
    const count = (node: GNode): void => {
      for (const [, o] of node.props) {
        n += 1;
        if ('node' in o) count(o.node);
      }
    };
    for (const node of this.nodes) count(node);
    return n;
  }
}

/** A deterministic rdflib-style blank node label (`N` + 32 hex). */
export function blankLabel(seed: number, ...keys: (string | number)[]): string {
  return 'N' + random(seed, 'bnode', ...keys).hex(32);
}

export const iri = (value: string): GObject => ({ iri: value });
export const lit = (value: string, dt?: string): GObject =>
  dt ? { lit: value, dt } : { lit: value };
export const blank = (id: string, props: [string, GObject][]): GObject => ({
  node: { id, blank: true, props },
});
