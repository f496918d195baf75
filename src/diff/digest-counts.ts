// **digest-counts** is a multiset of strings kept as 64-bit digests with a signed count each: 12
// bytes a slot, whatever the strings' length.

/** 64 bits of a string's SHA-256, as key-set's `digest` gives them (second word never 0). */
export type Digest = readonly [number, number];

/**
 * Counts per string, kept as 64 bits of its SHA-256 (key-set's `digest`) and a 32-bit signed count in
 * typed arrays (open addressing, linear probing, at most three quarters full). `diff` adds +1 per
 * finding of one side and −1 per finding of the other: what remains non-zero differs. Two
 * different strings are taken for one with a probability of about n² / 2⁶⁵.
 */
export class DigestCounts {
  /** Pairs of 32-bit words; a pair whose second word is 0 is an empty slot. */
  private keys = new Uint32Array(2 * 1024);
  private counts = new Int32Array(1024);
  private used = 0;

  /** Distinct strings seen. */
  get size(): number {
    return this.used;
  }

  /** Adds `by` to the count of `key`'s digest; returns the new count. */
  add(key: Digest, by: number): number {
    const [hi, lo] = key;
    let at = this.find(this.keys, hi, lo);
    if (this.keys[2 * at + 1] === 0) {
      this.keys[2 * at] = hi;
      this.keys[2 * at + 1] = lo;
      if (++this.used * 4 > this.counts.length * 3) {
        this.grow();
        at = this.find(this.keys, hi, lo);
      }
    }
    this.counts[at] = (this.counts[at] as number) + by;
    return this.counts[at] as number;
  }

  /** The count of `key`'s digest (0 when never added). */
  get(key: Digest): number {
    const at = this.find(this.keys, key[0], key[1]);
    return this.keys[2 * at + 1] === 0 ? 0 : (this.counts[at] as number);
  }

  /** Sum of the positive counts and of the negative ones (as a positive number). */
  totals(): { positive: number; negative: number } {
    let positive = 0;
    let negative = 0;
    for (const count of this.counts) {
      if (count > 0) positive += count;
      else negative -= count;
    }
    return { positive, negative };
  }

  /** The slot index holding the digest, or the empty slot where it would go. */
  private find(keys: Uint32Array, hi: number, lo: number): number {
    const mask = keys.length / 2 - 1;
    for (let i = hi & mask; ; i = (i + 1) & mask) {
      const w = keys[2 * i + 1]!;
      if (w === 0 || (w === lo && keys[2 * i] === hi)) return i;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.counts = new Int32Array(oldCounts.length * 2);
    for (let i = 0; i < oldCounts.length; i++) {
      const lo = oldKeys[2 * i + 1]!;
      if (lo === 0) continue;
      const at = this.find(this.keys, oldKeys[2 * i]!, lo);
      this.keys[2 * at] = oldKeys[2 * i]!;
      this.keys[2 * at + 1] = lo;
      this.counts[at] = oldCounts[i]!;
    }
  }
}
