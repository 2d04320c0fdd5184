// difflib.get_close_matches as azure-cli uses it to suggest a misspelled command or value.

/** Longest common block of a[alo:ahi] and b[blo:bhi], as difflib's find_longest_match (no junk). */
function longestMatch(a: string, b: string, alo: number, ahi: number, blo: number, bhi: number) {
  let best = { i: alo, j: blo, size: 0 };
  for (let i = alo; i < ahi; i++) {
    for (let j = blo; j < bhi; j++) {
      let k = 0;
      while (i + k < ahi && j + k < bhi && a[i + k] === b[j + k]) k++;
      if (k > best.size) best = { i, j, size: k };
    }
  }
  return best;
}

function matches(a: string, b: string, alo: number, ahi: number, blo: number, bhi: number): number {
  const m = longestMatch(a, b, alo, ahi, blo, bhi);
  if (m.size === 0) return 0;
  return m.size + matches(a, b, alo, m.i, blo, m.j) + matches(a, b, m.i + m.size, ahi, m.j + m.size, bhi);
}

/**
 * SequenceMatcher(None, a, b).ratio(): 2·M / (|a| + |b|), M the characters in matching blocks.
 * Worked example: "shwo" vs "show" match "sh" and then "o" (or "w"): M = 3, ratio = 6/8 = 0.75.
 */
export function similarity(a: string, b: string): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matches(a, b, 0, a.length, 0, b.length)) / total;
}

/** The choices at least `cutoff` similar to `word`, best first (at most three, like difflib's n=3). */
export function closeMatches(word: string, choices: readonly string[], cutoff = 0.7): string[] {
  return choices
    .map((c) => ({ c, r: similarity(word, c) }))
    .filter((x) => x.r >= cutoff)
    .sort((x, y) => y.r - x.r)
    .slice(0, 3)
    .map((x) => x.c);
}
