// **dedupe** reports a node shared by several records once, with memory bounded by the nodes
// that have findings rather than by the findings themselves.
import { NODE_STRIDE, nodeCount, type PackedFindings } from './packed.js';

/**
 * Words per slot: node digest (2), finding set digest (2), reporting result's position + 1, and
 * the position + 1 of the result it is attributed to (see {@link FindingDeduper.moves}).
 */
const STRIDE = 6;

/** A node's findings to move from the result that reported them to the one they belong to. */
export interface AttributionMove {
  /** The focus node's digest (see `digest`). */
  node: [number, number];
  /** Position of the result that holds them. */
  from: number;
  /** Position of the result they are attributed to (always later). */
  to: number;
}

/**
 * Drops the findings a node already gave under an earlier record. A node's findings depend only on
 * its description and what it links to, which every record reaching it carries whole, so a
 * node's findings are compared as a set: it keeps, per node, 64 bits of the node's digest, 64 of
 * its finding set's and the position of the result that reported it (a 24-byte slot in one
 * typed array, open addressing, at most three quarters full) instead of every finding; the digests
 * come with the packed findings (see `packFindings`). When a node gives a different set under
 * another record (its description differs between pages), both sets are reported.
 */
export class FindingDeduper {
  private slots = new Uint32Array(STRIDE * 1024);
  private count = 0;

  /**
   * @param idOf The record id of a result position: given, each node's findings are attributed
   *   to the record with the smallest id among those that reach it with the same findings (see
   *   {@link moves}), not to whichever came first.
   */
  constructor(private readonly idOf?: (position: number) => string) {}

  /**
   * The nodes (indices into `findings`) of one record that no earlier record gave with the same
   * findings; `ordinal` is its result's position, `record` its id (for attribution; omit it for
   * a record repeated from an earlier page).
   */
  fresh(findings: PackedFindings, ordinal = -1, record?: string): number[] {
    return this.select(findings, ordinal, false, record);
  }

  /**
   * The nodes of a record validated again, whose earlier result at `ordinal` it replaces: a node
   * that result reported is reported again with its new set, a node another result reported with
   * the same set is not.
   */
  revise(findings: PackedFindings, ordinal: number): number[] {
    return this.select(findings, ordinal, true);
  }

  private select(
    findings: PackedFindings,
    ordinal: number,
    revising: boolean,
    record?: string,
  ): number[] {
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
        slots[at + 5] = owner;
        if (!seen && ++this.count * 4 > (slots.length / STRIDE) * 3) this.grow();
      } else if (slots[at + 2] === setHi && slots[at + 3] === setLo) {
        if (record !== undefined && this.idOf && ordinal >= 0) {
          if (record < this.idOf((slots[at + 5] as number) - 1)) slots[at + 5] = owner;
        }
        continue;
      }
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

  /**
   * The nodes whose findings belong to another record than the one that reported them: a later
   * record with a smaller id reached them with the same findings.
   */
  moves(): AttributionMove[] {
    const out: AttributionMove[] = [];
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += STRIDE) {
      if (slots[at + 1] === 0 || slots[at + 4] === slots[at + 5]) continue;
      const from = (slots[at + 4] as number) - 1;
      const to = (slots[at + 5] as number) - 1;
      if (to > from) out.push({ node: [slots[at] as number, slots[at + 1] as number], from, to });
    }
    return out.sort((a, b) => a.from - b.from || a.to - b.to);
  }

  /** Nodes remembered so far. */
  get size(): number {
    return this.count;
  }
}
