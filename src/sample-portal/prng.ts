// **prng** derives deterministic pseudo-random streams from a seed and a path of keys.

/** Mixes a 32-bit value (murmur3 finaliser). */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes a seed and a path of numbers or strings to an unsigned 32-bit integer. */
export function hash(seed: number, ...keys: readonly (number | string)[]): number {
  let h = mix32((seed ^ 0x9e3779b9) >>> 0);
  for (const key of keys) {
    if (typeof key === 'number') {
      h = mix32((h ^ mix32(key >>> 0)) + Math.floor(key / 0x100000000));
    } else {
      for (let i = 0; i < key.length; i += 1) h = mix32(h ^ (key.charCodeAt(i) + 0x27d4eb2d));
      h = mix32(h ^ key.length);
    }
  }
  return h;
}

/** A number in [0, 1) from a seed and a path of keys. */
export function unit(seed: number, ...keys: readonly (number | string)[]): number {
  return hash(seed, ...keys) / 0x100000000;
}

const HEX = Array.from({ length: 256 }, (_, i) => (i + 256).toString(16).slice(1));

/** A small seeded generator (mulberry32) with helpers for picking values. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next unsigned 32-bit integer. */
  next32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A number in [0, 1). */
  float(): number {
    return this.next32() / 0x100000000;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** `length` lowercase hexadecimal digits. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      const n = this.next32();
      out +=
        (HEX[n >>> 24] as string) + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
    }
    return out.length === length ? out : out.slice(0, length);
  }

  /** A version-4 UUID. */
  uuid(): string {
    const h = this.hex(32);
    const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** A generator seeded from a seed and a path of keys. */
export function random(seed: number, ...keys: readonly (number | string)[]): Random {
  return new Random(hash(seed, ...keys));
}
