// Splits a chat-typed command line into words the way a POSIX shell does for a simple command.

/** Longest accepted line, in UTF-8 bytes. */
export const MAX_LINE_BYTES = 16 * 1024;
/** Most words accepted on one line. */
export const MAX_TOKENS = 1000;

/** Result of {@link tokenize}: the words, or a one-line error to show the user. */
export type TokenizeResult = { ok: true; tokens: string[] } | { ok: false; error: string };

const SPACE = new Set([" ", "\t", "\n", "\r"]);
/** Typographic quotes chat clients substitute, mapped to the ASCII quote they stand for. */
const SMART: Record<string, "'" | '"'> = { "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"' };
/** Characters a backslash escapes inside double quotes (others keep the backslash). */
const DQ_ESCAPES = new Set(['"', "\\", "$", "`"]);

function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * The common case, split without the general scanner: printable ASCII with no quotes or
 * backslashes (nothing to unescape or join), separated by whitespace. Anything else, and lines
 * near the limits, go the general way (undefined).
 */
function plainWords(line: string): string[] | undefined {
  if (line.length > MAX_LINE_BYTES) return undefined;
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      if (start >= 0) words.push(line.slice(start, i));
      start = -1;
      continue;
    }
    if (c < 0x21 || c > 0x7e || c === 0x22 || c === 0x27 || c === 0x5c) return undefined;
    if (start < 0) start = i;
  }
  if (start >= 0) words.push(line.slice(start));
  return words.length > MAX_TOKENS ? undefined : words;
}

/**
 * Tokenizes `line` like `sh` would for one simple command, with no expansion: whitespace separates
 * words; '…' is literal; "…" honours \" \\ \$ \` and backslash-newline; a backslash outside quotes
 * escapes the next character; adjacent parts join into one word. Typographic quotes (‘ ’ “ ”) act as
 * quotes unless inside an ASCII-quoted span, and a leading em dash / en dash on an unquoted word
 * becomes `--` / `-` (chat autocorrect). NUL anywhere, and other control characters outside quotes,
 * are rejected, as are lines over 16 KiB or with more than 1,000 words.
 */
export function tokenize(line: string): TokenizeResult {
  const simple = plainWords(line);
  if (simple) return { ok: true, tokens: simple };
  if (byteLength(line) > MAX_LINE_BYTES) {
    return { ok: false, error: `the command line is too long: the limit is ${MAX_LINE_BYTES / 1024} KiB` };
  }
  const chars = Array.from(line);
  const tokens: string[] = [];
  let word = "";
  let inWord = false;
  /** Quote we are inside: the ASCII character it stands for, and whether it was typographic. */
  let quote: { kind: "'" | '"'; smart: boolean } | undefined;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0)
      return { ok: false, error: "the command line contains a NUL character, which is not allowed" };
    if (quote?.kind === "'") {
      const closes = quote.smart ? SMART[ch] === "'" : ch === "'";
      if (closes) quote = undefined;
      else word += ch;
      continue;
    }
    if (quote?.kind === '"') {
      const closes = quote.smart ? SMART[ch] === '"' : ch === '"';
      if (closes) quote = undefined;
      else if (ch === "\\" && i + 1 < chars.length) {
        const next = chars[i + 1] ?? "";
        if (next === "\n") i++;
        else if (DQ_ESCAPES.has(next)) [word, i] = [word + next, i + 1];
        else word += ch;
      } else word += ch;
      continue;
    }
    if (SPACE.has(ch)) {
      if (inWord) {
        tokens.push(word);
        if (tokens.length > MAX_TOKENS) break;
      }
      [word, inWord] = ["", false];
      continue;
    }
    if (isControl(cp)) {
      return {
        ok: false,
        error: `the command line contains a control character (${codePoint(ch)}) outside quotes`,
      };
    }
    if (ch === "\\") {
      const next = chars[i + 1];
      i++;
      if (next === "\n") continue; // line continuation
      if (next === undefined) [word, inWord] = [`${word}\\`, true];
      else [word, inWord] = [word + next, true];
      continue;
    }
    if (ch === "'" || ch === '"') quote = { kind: ch, smart: false };
    else if (SMART[ch] !== undefined) quote = { kind: SMART[ch], smart: true };
    else if (!inWord && (ch === "\u2014" || ch === "\u2013")) word = ch === "\u2014" ? "--" : "-";
    else word += ch;
    inWord = true;
  }
  if (quote !== undefined) {
    const shown = quote.kind === "'" ? "'" : '"';
    return { ok: false, error: `unexpected EOF while looking for matching \`${shown}'` };
  }
  if (inWord) tokens.push(word);
  if (tokens.length > MAX_TOKENS) {
    return { ok: false, error: "the command line has too many words: the limit is 1,000" };
  }
  return { ok: true, tokens };
}
