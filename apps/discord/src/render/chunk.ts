// Splitting text and code into pieces that fit a limit, at line boundaries, without losing a character.

/** Three backticks would end our fence early: a zero-width space keeps them visible but inert. */
export function escapeFence(text: string): string {
  return text.replace(/```/g, "`\u200b``");
}

/**
 * Splits `text` into parts of at most `limit` characters, cutting at line ends where it can (the
 * newline a cut falls on is dropped, so `parts.join("\n")` gives back the text when every line
 * fits). A line longer than `limit` is cut hard.
 *
 * Example: "aaaa\nbb\ncc" with limit 5 → ["aaaa", "bb\ncc"].
 */
export function splitLines(text: string, limit: number): string[] {
  if (limit < 1) throw new RangeError("limit must be positive");
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let cur: string | undefined;
  for (const line of text.split("\n")) {
    for (const piece of hardSplit(line, limit)) {
      if (cur === undefined) cur = piece;
      else if (cur.length + 1 + piece.length <= limit) cur += `\n${piece}`;
      else {
        parts.push(cur);
        cur = piece;
      }
    }
  }
  if (cur !== undefined) parts.push(cur);
  return parts;
}

function hardSplit(line: string, limit: number): string[] {
  if (line.length <= limit) return [line];
  const out: string[] = [];
  for (let i = 0; i < line.length; i += limit) out.push(line.slice(i, i + limit));
  return out;
}

/**
 * Wraps `body` in a fenced code block, splitting it into several blocks when one would pass
 * `limit` characters with its fence. Example: a 5,000-character body and limit 2,000 → three blocks.
 */
export function fencedBlocks(body: string, limit: number, lang = ""): string[] {
  const open = `\`\`\`${lang}\n`;
  const close = "\n```";
  const room = limit - open.length - close.length;
  return splitLines(escapeFence(body), room).map((part) => `${open}${part}${close}`);
}

/** The last lines of `text` that fit in `limit` characters, and how many earlier lines were left out. */
export function tailLines(text: string, limit: number): { tail: string; hidden: number } {
  const lines = text.split("\n");
  let size = 0;
  let start = lines.length;
  while (start > 0) {
    const next = (lines[start - 1] ?? "").length + (start === lines.length ? 0 : 1);
    if (size + next > limit) break;
    size += next;
    start--;
  }
  if (start === lines.length) {
    // Even the last line is too long: show its end.
    const last = lines[lines.length - 1] ?? "";
    return { tail: last.slice(last.length - limit), hidden: lines.length - 1 };
  }
  return { tail: lines.slice(start).join("\n"), hidden: start };
}
