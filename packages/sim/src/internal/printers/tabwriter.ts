// Go's text/tabwriter (left-aligned, space padding), as kubectl uses it for tables and describe output.

/** The two tabwriter settings kubectl uses. */
export interface TabwriterOptions {
  /** Minimal cell width, padding included. */
  minwidth: number;
  /** Added to the widest cell of a column. */
  padding: number;
}

/** `kubectl get`: cli-runtime's GetNewTabWriter (minwidth 6, tabwidth 4, padding 3, ' '). */
export const TABLE_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
/** `kubectl describe`: tabbedString's writer (minwidth 0, tabwidth 8, padding 2, ' '). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

interface Line {
  cells: string[];
  widths: number[];
  /** False only for the trailing text after the last newline. */
  terminated: boolean;
}

/** Display width as Go's tabwriter counts it: one per rune. */
function runeWidth(s: string): number {
  // Without surrogates (almost every cell) each UTF-16 unit is one rune.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      let n = 0;
      for (const _ of s) n++;
      return n;
    }
  }
  return s.length;
}

/** Any UTF-16 surrogate: text without one has a rune per code unit. */
const SURROGATE = /[\ud800-\udfff]/;

/**
 * The lines and tab-separated cells of `text` (as `split("\n")` then `split("\t")` would cut them,
 * without splitting every line again: this runs on every describe).
 */
function splitLines(text: string): Line[] {
  const plain = !SURROGATE.test(text);
  const lines: Line[] = [];
  let start = 0;
  // The first tab at or after `start` (-1: none left), found once per tab rather than once per line.
  let tab = text.indexOf("\t");
  for (;;) {
    const nl = text.indexOf("\n", start);
    const terminated = nl >= 0;
    const end = terminated ? nl : text.length;
    let cells: string[] = [];
    let from = start;
    while (tab >= 0 && tab < end) {
      cells.push(text.slice(from, tab));
      from = tab + 1;
      tab = text.indexOf("\t", from);
    }
    cells.push(text.slice(from, end));
    if (!terminated) {
      // An unterminated trailing cell only exists when it holds text.
      if (end === start) cells = [];
      else if (cells.length > 1 && cells[cells.length - 1] === "") cells.pop();
    }
    lines.push(plain ? { cells, widths: cells.map(lengthOf), terminated } : lineOf(cells, terminated));
    if (!terminated) return lines;
    start = nl + 1;
  }
}

function lengthOf(cell: string): number {
  return cell.length;
}

function lineOf(cells: string[], terminated: boolean): Line {
  const widths: number[] = [];
  for (const cell of cells) widths.push(runeWidth(cell));
  return { cells, widths, terminated };
}

/**
 * Formats tab-separated text exactly as Go's tabwriter does: cells are tab-terminated, the text
 * after a line's last tab belongs to no column, and a column block ends at the first line that has
 * no cell in that column. Each column of a block is as wide as its widest cell plus padding
 * (at least minwidth); padding is written after every tab-terminated cell, even an empty one.
 */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const tw: Tabwriter = { lines: splitLines(text), out: "", widths: [], opts };
  formatBlock(tw, 0, tw.lines.length);
  return tw.out;
}

/** The state of one tabwrite (its helpers are module-level functions: see parseFlags). */
interface Tabwriter {
  lines: Line[];
  out: string;
  widths: number[];
  opts: TabwriterOptions;
}

/** Runs of spaces for the usual paddings. */
const SPACES = Array.from({ length: 64 }, (_, n) => " ".repeat(n));

function spaces(n: number): string {
  return n <= 0 ? "" : (SPACES[n] ?? " ".repeat(n));
}

function writeLines(tw: Tabwriter, line0: number, line1: number): void {
  const { lines, widths } = tw;
  let out = tw.out;
  for (let i = line0; i < line1; i++) {
    const line = lines[i];
    if (!line) continue;
    for (let j = 0; j < line.cells.length; j++) {
      out += line.cells[j];
      const w = widths[j];
      if (w !== undefined) out += spaces(w - (line.widths[j] ?? 0));
    }
    if (line.terminated) out += "\n";
  }
  tw.out = out;
}

function formatBlock(tw: Tabwriter, line0: number, line1: number): void {
  const { lines, widths, opts } = tw;
  const column = widths.length;
  let start = line0;
  for (let cur = line0; cur < line1; cur++) {
    if (column >= (lines[cur]?.cells.length ?? 0) - 1) continue;
    writeLines(tw, start, cur);
    start = cur;
    let width = opts.minwidth;
    for (; cur < line1; cur++) {
      const line = lines[cur];
      if (!line || column >= line.cells.length - 1) break;
      width = Math.max(width, (line.widths[column] ?? 0) + opts.padding);
    }
    widths.push(width);
    formatBlock(tw, start, cur);
    widths.pop();
    start = cur;
  }
  writeLines(tw, start, line1);
}

/**
 * `kubectl get`'s table layout: every column but the last padded to its widest cell plus 3
 * (at least 6), the last column unpadded. Rows are joined by "\n", with no final newline.
 */
export function formatTable(rows: string[][]): string {
  if (rows.length === 0) return "";
  if (hasTabOrNewline(rows)) {
    const text = `${rows.map((r) => r.join("\t")).join("\n")}\n`;
    return withoutFinalNewline(tabwrite(text, TABLE_TABWRITER));
  }
  // The lines splitLines would make of the joined text, made directly (an empty row is one
  // empty cell; the empty text after the last newline is a line without cells).
  const lines = rows.map((r) => lineOf(r.length ? [...r] : [""], true));
  lines.push({ cells: [], widths: [], terminated: false });
  const tw: Tabwriter = { lines, out: "", widths: [], opts: TABLE_TABWRITER };
  formatBlock(tw, 0, lines.length);
  return withoutFinalNewline(tw.out);
}

function hasTabOrNewline(rows: readonly string[][]): boolean {
  for (const r of rows) for (const cell of r) if (cell.includes("\t") || cell.includes("\n")) return true;
  return false;
}

/** `text.replace(/\n$/, "")`. */
function withoutFinalNewline(text: string): string {
  return text.endsWith("\n") ? text.slice(0, -1) : text;
}
