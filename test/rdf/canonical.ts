// Canonical N-Quads (RDFC-1.0) of a set of quads, for isomorphism checks in tests.
import canonize from 'rdf-canonize';
import type { Quad } from 'n3';
import { DataFactory } from 'n3';

/** RDFC-1.0 canonical N-Quads, duplicates removed. */
export async function canonical(quads: readonly Quad[]): Promise<string> {
  const text = await canonize.canonize([...quads], { algorithm: 'RDFC-1.0' });
  return [...new Set(text.split('\n').filter(Boolean))].sort().join('\n');
}

/** The same quads with every graph name dropped (for formats that hold one graph). */
export function merged(quads: readonly Quad[]): Quad[] {
  return quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
}
