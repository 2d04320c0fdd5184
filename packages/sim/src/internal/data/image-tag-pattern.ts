// A small pattern language for the tags a catalogued image repository really has.

/**
 * Syntax, matched against the whole tag:
 * - `{9..29}`   a decimal number from 9 to 29 (no leading zeros, so "09" does not match)
 * - `[ … ]`     an optional part
 * - `(a|b|)`    one of the alternatives (an empty alternative is allowed)
 * - `*`         any run of characters, possibly empty (meant for variant rules)
 * - anything else is literal.
 * Example: `1.{9..29}[.{0..12}](|-alpine|-perl)` matches "1.25", "1.25.3-alpine" and "1.14.2",
 * but not "1.8", "1.25.13", "1.025" or "1.25-slim".
 */
type Node =
  | { kind: "text"; text: string }
  | { kind: "number"; lo: number; hi: number }
  | { kind: "choice"; options: Node[][] }
  | { kind: "optional"; body: Node[] }
  | { kind: "any" };

export interface TagPattern {
  readonly source: string;
  test(tag: string): boolean;
}

class PatternSyntaxError extends Error {
  constructor(source: string, at: number, what: string) {
    super(`tag pattern "${source}": ${what} at offset ${at}`);
  }
}

function parseSequence(src: string, start: number, stops: string): [Node[], number] {
  const nodes: Node[] = [];
  let pos = start;
  while (pos < src.length) {
    const c = src.charAt(pos);
    if (stops.includes(c)) break;
    if (c === "{") {
      const m = /^\{(\d+)\.\.(\d+)\}/.exec(src.slice(pos));
      const lo = Number(m?.[1]);
      const hi = Number(m?.[2]);
      if (!m || lo > hi) throw new PatternSyntaxError(src, pos, "bad number range");
      nodes.push({ kind: "number", lo, hi });
      pos += m[0].length;
    } else if (c === "[") {
      const [body, end] = parseSequence(src, pos + 1, "]");
      if (src.charAt(end) !== "]") throw new PatternSyntaxError(src, pos, "unclosed [");
      nodes.push({ kind: "optional", body });
      pos = end + 1;
    } else if (c === "(") {
      const options: Node[][] = [];
      let p = pos + 1;
      for (;;) {
        const [option, end] = parseSequence(src, p, "|)");
        options.push(option);
        p = end + 1;
        if (src.charAt(end) === ")") break;
        if (src.charAt(end) !== "|") throw new PatternSyntaxError(src, pos, "unclosed (");
      }
      nodes.push({ kind: "choice", options });
      pos = p;
    } else if (c === "*") {
      nodes.push({ kind: "any" });
      pos += 1;
    } else if ("}])|".includes(c)) {
      throw new PatternSyntaxError(src, pos, `unexpected "${c}"`);
    } else {
      const last = nodes[nodes.length - 1];
      if (last?.kind === "text") last.text += c;
      else nodes.push({ kind: "text", text: c });
      pos += 1;
    }
  }
  return [nodes, pos];
}

/** Backtracking match of `nodes[i…]` at `pos`, handing the end position to `rest`. */
function matchFrom(
  nodes: Node[],
  i: number,
  s: string,
  pos: number,
  rest: (end: number) => boolean,
): boolean {
  const node = nodes[i];
  if (node === undefined) return rest(pos);
  const next = (end: number): boolean => matchFrom(nodes, i + 1, s, end, rest);
  switch (node.kind) {
    case "text":
      return s.startsWith(node.text, pos) && next(pos + node.text.length);
    case "number": {
      let end = pos;
      while (end < s.length && s.charCodeAt(end) >= 48 && s.charCodeAt(end) <= 57) end++;
      for (let e = pos + 1; e <= end; e++) {
        if (e - pos > 1 && s.charAt(pos) === "0") break;
        const n = Number(s.slice(pos, e));
        if (n >= node.lo && n <= node.hi && next(e)) return true;
      }
      return false;
    }
    case "choice":
      return node.options.some((option) => matchFrom(option, 0, s, pos, next));
    case "optional":
      return matchFrom(node.body, 0, s, pos, next) || next(pos);
    case "any":
      for (let e = pos; e <= s.length; e++) if (next(e)) return true;
      return false;
  }
}

/** Compiles a tag pattern; throws an Error naming the offset of a syntax mistake. */
export function compileTagPattern(source: string): TagPattern {
  const [nodes, end] = parseSequence(source, 0, "");
  if (end !== source.length) throw new PatternSyntaxError(source, end, "trailing input");
  if (nodes.length === 0) throw new PatternSyntaxError(source, 0, "empty pattern");
  return { source, test: (tag) => matchFrom(nodes, 0, tag, 0, (e) => e === tag.length) };
}

/** True when `source` compiles (for schema validation). */
export function isTagPattern(source: string): boolean {
  try {
    compileTagPattern(source);
    return true;
  } catch {
    return false;
  }
}
