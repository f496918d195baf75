// **key-set** is a set of strings kept as 64-bit hashes in one typed array: 16–32 bytes a key.
import { hash } from 'node:crypto';

/**
 * A set of strings that stores only 64 bits of each one's SHA-256 (open addressing, linear
 * probing, a quarter to half full). A `Set<string>` of dataset IRIs costs ≈ 120 bytes a key, this
 * 16 to 32: de-duplicating a catalog of a million datasets fits in tens of MB. Two different
 * strings are taken for one with a probability of about n² / 2⁶⁵ (3·10⁻⁸ for n = 10⁶).
 */
export class KeySet {
  /** Pairs of 32-bit words; a pair whose second word is 0 is an empty slot. */
  private slots = new Uint32Array(2 * 1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    const [hi, lo] = digest(key);
    return this.find(this.slots, hi, lo) < 0;
  }

  /** Adds `key`; returns false when it was already there. */
  add(key: string): boolean {
    const [hi, lo] = digest(key);
    const at = this.find(this.slots, hi, lo);
    if (at < 0) return false;
    this.slots[at] = hi;
    this.slots[at + 1] = lo;
    this.count += 1;
    if (this.count * 4 > this.slots.length) this.grow();
    return true;
  }

  /** The slot (word index) holding the pair, as −1, or the empty slot where it would go. */
  private find(slots: Uint32Array, hi: number, lo: number): number {
    const mask = slots.length / 2 - 1;
    for (let i = hi & mask; ; i = (i + 1) & mask) {
      const w = slots[2 * i + 1]!;
      if (w === 0) return 2 * i;
      if (w === lo && slots[2 * i] === hi) return -1;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      const at = this.find(slots, old[i]!, old[i + 1]!);
      slots[at] = old[i]!;
      slots[at + 1] = old[i + 1]!;
    }
    this.slots = slots;
  }
}

/** 64 bits of the key's SHA-256, the second word never 0 (0 marks an empty slot). */
export function digest(key: string): [number, number] {
  const bytes = hash('sha256', key, 'buffer');
  return [bytes.readUInt32LE(0), bytes.readUInt32LE(4) || 1];
}
