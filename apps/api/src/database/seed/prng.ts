/**
 * Deterministic pseudo-random numbers for the demo data: same seed, same data, every run.
 * mulberry32 is tiny, fast and good enough for fake people (not for anything secret).
 */

/** Default seed of the demo data set. */
export const DEFAULT_SEED = 0x5eed_2026;

/** One 32-bit mixing step (murmur3's finaliser): a bijection on 32-bit integers. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85eb_ca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2_ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Derives an independent seed from a base seed and a few integers (e.g. trust number, stream). */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = mix32(seed >>> 0);
  for (const p of parts) h = mix32((h ^ Math.imul(p >>> 0, 0x9e37_79b1)) >>> 0);
  return h;
}

/** mulberry32: returns a function yielding floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b_79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Convenience wrapper around mulberry32. */
export class Rng {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks from [item, weight] pairs, in proportion to the weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** Exponentially distributed value with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const a = items.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

/** A precomputed weighted picker, for hot loops (binary search over cumulative weights). */
export class WeightedTable<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(pairs: readonly (readonly [T, number])[]) {
    this.items = [];
    this.cumulative = [];
    let sum = 0;
    for (const [item, w] of pairs) {
      if (w <= 0) continue;
      sum += w;
      this.items.push(item);
      this.cumulative.push(sum);
    }
    if (this.items.length === 0) throw new RangeError('weighted table with no positive weight');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(x: number): string {
  return HEX[(x >>> 24) & 255] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
}

/**
 * Fixed, well-formed (version 4, RFC 4122 variant) UUIDs derived from the seed, a table code and a
 * running number. Unique by construction: the table code and the number are spelled out in the id.
 */
export class IdFactory {
  private readonly counters = new Map<number, number>();

  constructor(private readonly seed: number) {}

  next(tableCode: number): string {
    const n = (this.counters.get(tableCode) ?? 0) + 1;
    this.counters.set(tableCode, n);
    return IdFactory.format(this.seed, tableCode, n);
  }

  static format(seed: number, tableCode: number, n: number): string {
    const h1 = mix32((seed ^ Math.imul(n, 0x9e37_79b1) ^ (tableCode << 24)) >>> 0);
    const h2 = mix32((h1 ^ 0x2545_f491) >>> 0);
    const hi = Math.floor(n / 4_294_967_296) & 0xffff;
    return (
      hex32(h1) + '-' +
      (tableCode & 0xffff).toString(16).padStart(4, '0') + '-' +
      '4' + (h2 & 0xfff).toString(16).padStart(3, '0') + '-' +
      (0x8000 | ((h2 >>> 12) & 0x3fff)).toString(16) + '-' +
      hi.toString(16).padStart(4, '0') + hex32(n >>> 0)
    );
  }
}
