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
 * set, with the position of the result that reported it) instead of every finding. When a node
 * gives a different set under another record (its description differs between pages), both sets
 * are reported.
 */
export class FindingDeduper {
  /** Node digest → its finding set's digest (16 characters) and the reporting result's position. */
  private readonly nodes = new Map<string, string>();

  /** The findings of one record that no earlier record gave; `ordinal` is its result's position. */
  fresh(findings: readonly Finding[], ordinal = -1): Finding[] {
    return this.select(findings, ordinal, false);
  }

  /**
   * The findings of a record validated again, whose earlier result at `ordinal` they replace: a
   * node that result reported is reported again with its new set, a node another result reported
   * with the same set is not.
   */
  revise(findings: readonly Finding[], ordinal: number): Finding[] {
    return this.select(findings, ordinal, true);
  }

  private select(findings: readonly Finding[], ordinal: number, revising: boolean): Finding[] {
    const byNode = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = byNode.get(f.focusNode);
      if (list) list.push(f);
      else byNode.set(f.focusNode, [f]);
    }
    const kept: Finding[] = [];
    const owner = ordinal.toString(36);
    for (const [node, list] of byNode) {
      const unique = new Map(list.map((f) => [findingKey(f), f]));
      const set = digest([...unique.keys()].sort().join('\n'));
      const id = digest(node);
      const seen = this.nodes.get(id);
      if (seen === undefined || (revising && seen.slice(16) === owner)) {
        this.nodes.set(id, set + owner);
      } else if (seen.slice(0, 16) === set) continue;
      kept.push(...unique.values());
    }
    return kept;
  }

  /** Nodes remembered so far. */
  get size(): number {
    return this.nodes.size;
  }
}
