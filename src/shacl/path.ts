// **path** renders a SHACL property path from the shapes graph as a SPARQL-like string.
import type { DatasetCore, Term } from '@rdfjs/types';
import { PREFIXES, RDF } from '../vocab.js';

const SH = PREFIXES.sh;

function objects(graph: DatasetCore, subject: Term, predicate: string): Term[] {
  const out: Term[] = [];
  for (const q of graph.match(
    subject as never,
    { termType: 'NamedNode', value: predicate } as never,
  )) {
    out.push(q.object);
  }
  return out;
}

function list(graph: DatasetCore, head: Term): Term[] {
  const items: Term[] = [];
  let node: Term | undefined = head;
  for (let guard = 0; node && node.value !== RDF.nil && guard < 1000; guard++) {
    const first = objects(graph, node, RDF.first)[0];
    if (first) items.push(first);
    node = objects(graph, node, RDF.rest)[0];
  }
  return items;
}

/** `<p>`, `^<p>`, `<a>/<b>`, `(<a>|<b>)`, `<p>*`, `<p>+`, `<p>?`; IRIs in angle brackets. */
export function renderPath(graph: DatasetCore, path: Term, depth = 0): string {
  if (path.termType === 'NamedNode') return `<${path.value}>`;
  if (depth > 20) return '…';
  const one = (p: string) => objects(graph, path, SH + p)[0];
  const inverse = one('inversePath');
  if (inverse) return `^${renderPath(graph, inverse, depth + 1)}`;
  const alternative = one('alternativePath');
  if (alternative) {
    return `(${list(graph, alternative)
      .map((t) => renderPath(graph, t, depth + 1))
      .join('|')})`;
  }
  for (const [name, mark] of [
    ['zeroOrMorePath', '*'],
    ['oneOrMorePath', '+'],
    ['zeroOrOnePath', '?'],
  ] as const) {
    const inner = one(name);
    if (inner) return `${renderPath(graph, inner, depth + 1)}${mark}`;
  }
  if (objects(graph, path, RDF.first).length > 0) {
    return list(graph, path)
      .map((t) => renderPath(graph, t, depth + 1))
      .join('/');
  }
  return `_:${path.value}`;
}

/** A path string as stored in findings: a plain IRI for a simple path, else the rendering. */
export function pathString(graph: DatasetCore, path: Term): string {
  return path.termType === 'NamedNode' ? path.value : renderPath(graph, path);
}
