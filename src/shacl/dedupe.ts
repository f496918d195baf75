// **dedupe** reports a node shared by several records once, with memory bounded by the nodes
// that have findings rather than by the findings themselves.
import { hash } from 'node:crypto';
import type { Finding } from './findings.js';

/** 64 bits of the text's SHA-256 as two words, the second never 0 (0 marks an empty slot). */
function digest(text: string): [number, number] {
  const bytes = hash('sha256', text, 'buffer');
  return [bytes.readUInt32LE(0), bytes.readUInt32LE(4) || 1];
}

/** Words per slot: node digest (2), finding set digest (2), reporting result's position + 1. */
const STRIDE = 5;

/** What identifies a finding (the record it is reported under aside). */
export function findingKey(f: Finding): string {
  return [f.focusNode, f.path ?? '', f.component, f.severity, f.value ?? '', f.sourceShape].join(
    '\u0000',
  );
}

/**
 * Drops the findings a node already gave under an earlier record. A node's findings depend only on
 * its description and what it links to, which every record reaching it carries whole, so a
 * node's findings are compared as a set: it keeps, per node, 64 bits of the node's digest, 64 of
 * its finding set's and the position of the result that reported it (a 20-byte slot in one
 * typed array, open addressing, at most three quarters full) instead of every finding. When a node gives a different set under another
 * record (its description differs between pages), both sets are reported.
 */
export class FindingDeduper {
  private slots = new Uint32Array(STRIDE * 1024);
  private count = 0;

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
    const owner = ordinal + 1;
    for (const [node, list] of byNode) {
      const unique = new Map(list.map((f) => [findingKey(f), f]));
      const [setHi, setLo] = digest([...unique.keys()].sort().join('\n'));
      const [hi, lo] = digest(node);
      const at = this.find(this.slots, hi, lo);
      const slots = this.slots;
      const seen = slots[at + 1] !== 0;
      if (!seen || (revising && slots[at + 4] === owner)) {
        slots[at] = hi;
        slots[at + 1] = lo;
        slots[at + 2] = setHi;
        slots[at + 3] = setLo;
        slots[at + 4] = owner;
        if (!seen && ++this.count * 4 > (slots.length / STRIDE) * 3) this.grow();
      } else if (slots[at + 2] === setHi && slots[at + 3] === setLo) continue;
      kept.push(...unique.values());
    }
    return kept;
  }

  /** The slot (word index) holding the node, or the empty slot where it would go. */
  private find(slots: Uint32Array, hi: number, lo: number): number {
    const mask = slots.length / STRIDE - 1;
    for (let i = hi & mask; ; i = (i + 1) & mask) {
      const at = STRIDE * i;
      if (slots[at + 1] === 0) return at;
      if (slots[at + 1] === lo && slots[at] === hi) return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + 1] === 0) continue;
      const to = this.find(slots, old[at]!, old[at + 1]!);
      slots.set(old.subarray(at, at + STRIDE), to);
    }
    this.slots = slots;
  }

  /** Nodes remembered so far. */
  get size(): number {
    return this.count;
  }
}
