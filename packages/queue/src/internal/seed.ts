// Deterministic numbers from names: the seed of a session's sandbox, a channel's quiz picks.

/** FNV-1a, 32 bits: a stable unsigned seed from a text (a session tag, a channel and round). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
