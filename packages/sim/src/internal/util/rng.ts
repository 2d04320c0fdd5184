// Seeded pseudo-random source (mulberry32): the simulator's only source of randomness.

/** Kubernetes' "safe" alphabet for generated names: no vowels, no confusable digits. */
export const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/**
 * A deterministic random generator whose whole state is one uint32, so it serialises with the
 * cluster. Same seed, same sequence.
 */
export class Rng {
  constructor(public state: number) {
    this.state = state >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A value in [base*(1-jitter), base*(1+jitter)], rounded to whole milliseconds. */
  jitter(base: number, jitter: number): number {
    if (jitter <= 0) return base;
    return Math.round(base * (1 - jitter + 2 * jitter * this.next()));
  }

  /** n characters from Kubernetes' name alphabet, like `utilrand.String(5)`. */
  suffix(n = 5): string {
    let s = "";
    for (let i = 0; i < n; i++) s += NAME_ALPHABET[this.int(NAME_ALPHABET.length)];
    return s;
  }

  /** A random (version 4) UUID string. */
  uuid(): string {
    let s = "";
    for (let i = 0; i < 16; i++) {
      const byte = this.int(256);
      // Byte 6 carries the version (4), byte 8 the variant (10xx).
      s += HEX[i === 6 ? (byte & 0x0f) | 0x40 : i === 8 ? (byte & 0x3f) | 0x80 : byte];
      if (i === 3 || i === 5 || i === 7 || i === 9) s += "-";
    }
    return s;
  }
}

/** Two lowercase hex digits per byte value. */
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** FNV-1a, 32 bit, over a string's UTF-16 code units folded to bytes. */
export function fnv32a(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    let c = input.charCodeAt(i);
    // Fold to UTF-8-ish bytes so that non-ASCII text hashes stably.
    do {
      h ^= c & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
      c >>>= 8;
    } while (c > 0);
  }
  return h >>> 0;
}

/**
 * Kubernetes' `rand.SafeEncodeString`: each byte of the input picks a letter of the safe alphabet.
 * The pod-template-hash is this applied to the decimal text of a 32-bit hash, which is why real
 * hashes such as `7c5ddbdf54` use only ten distinct letters.
 */
export function safeEncode(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}
