// "Did you mean this?" suggestions, as cobra makes them (Levenshtein distance ≤ 2 or a prefix).

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] ?? 0;
      prev[j] = Math.min((prev[j] ?? 0) + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] ?? 0;
}

/** Command names close to `typed`, in the order the commands are listed. */
export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  const t = typed.toLowerCase();
  return names.filter((n) => levenshtein(t, n.toLowerCase()) <= 2 || n.toLowerCase().startsWith(t));
}
