// **dedupe** reports a node shared by several records once, with memory bounded by the nodes
// that have findings rather than by the findings themselves.
import { NODE_STRIDE, nodeCount, type PackedFindings } from './packed.js';

/** Words per slot: node digest (2), finding set digest (2), reporting result's position + 1. */
const STRIDE = 5;

/**
 * Drops the findings a node already gave under an earlier record. A node's findings depend only on
 * its description and what it links to, which every record reaching it carries whole, so a
 * node's findings are compared as a set: it keeps, per node, 64 bits of the node's digest, 64 of
 * its finding set's and the position of the result that reported it (a 20-byte slot in one
 * typed array, open addressing, at most three quarters full) instead of every finding; the digests
 * come with the packed findings (see `packFindings`). When a node gives a different set under
 * another record (its description differs between pages), both sets are reported.
 */
export class FindingDeduper {
  private slots = new Uint32Array(STRIDE * 1024);
  private count = 0;

  /**
   * The nodes (indices into `findings`) of one record that no earlier record gave with the same
   * findings; `ordinal` is its result's position.
   */
  fresh(findings: PackedFindings, ordinal = -1): number[] {
    return this.select(findings, ordinal, false);
  }

  /**
   * The nodes of a record validated again, whose earlier result at `ordinal` it replaces: a node
   * that result reported is reported again with its new set, a node another result reported with
   * the same set is not.
   */
  revise(findings: PackedFindings, ordinal: number): number[] {
    return this.select(findings, ordinal, true);
  }

  private select(findings: PackedFindings, ordinal: number, revising: boolean): number[] {
    const kept: number[] = [];
    const owner = ordinal + 1;
    const nodes = findings.nodes;
    for (let n = 0, count = nodeCount(findings); n < count; n++) {
      const from = n * NODE_STRIDE;
      const hi = nodes[from] as number;
      const lo = nodes[from + 1] as number;
      const setHi = nodes[from + 2] as number;
      const setLo = nodes[from + 3] as number;
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
      kept.push(n);
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
