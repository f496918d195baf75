// **dedupe** reports a node shared by several records once, with memory bounded by the nodes
// that have findings rather than by the findings themselves.
import { createHash } from 'node:crypto';
import type { Finding } from './findings.js';

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64').slice(0, 16); // 96 bits
}

/** What identifies a finding (the record it is reported under aside). */
export function findingKey(f: Finding): string {
  return [f.focusNode, f.path ?? '', f.component, f.severity, f.value ?? '', f.sourceShape].join(
    '\u0000',
  );
}

/**
 * Drops the findings a node already gave under an earlier record. A node's findings depend only on
 * its description and what it links to, which every record reaching it carries whole, so a
 * node's findings are compared as a set: it keeps one 96-bit digest per node (and of its finding
 * set) instead of every finding. When a node gives a different set under another record (its
 * description differs between pages), both sets are reported.
 */
export class FindingDeduper {
  private readonly nodes = new Map<string, string>();

  /** The findings of one record that no earlier record gave. */
  fresh(findings: readonly Finding[]): Finding[] {
    const byNode = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = byNode.get(f.focusNode);
      if (list) list.push(f);
      else byNode.set(f.focusNode, [f]);
    }
    const kept: Finding[] = [];
    for (const [node, list] of byNode) {
      const unique = new Map(list.map((f) => [findingKey(f), f]));
      const set = digest([...unique.keys()].sort().join('\n'));
      const id = digest(node);
      const seen = this.nodes.get(id);
      if (seen === set) continue;
      if (seen === undefined) this.nodes.set(id, set);
      kept.push(...unique.values());
    }
    return kept;
  }

  /** Nodes remembered so far. */
  get size(): number {
    return this.nodes.size;
  }
}
