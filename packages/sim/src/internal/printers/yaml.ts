// A port of the parts of go-yaml v2's emitter that sigs.k8s.io/yaml (kubectl -o yaml) exercises.
import type { JsonValue } from "../api/types.ts";
import { analyzeScalar, goFloatG, isBreak, isPrintable, needsQuotes } from "./yaml-scalar.ts";

type Style = "plain" | "single" | "double" | "literal";

const BEST_WIDTH = 80;
const BEST_INDENT = 2;
const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/** go-yaml v2's keyList.Less for string keys: letters after other runes, digit runs numerically. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ca = ar[i] ?? "";
    const cb = br[i] ?? "";
    if (ca === cb) continue;
    const al = isLetter(ca);
    const bl = isLetter(cb);
    if (al && bl) return (ca.codePointAt(0) ?? 0) < (cb.codePointAt(0) ?? 0);
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ca === "0" || cb === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return (ca.codePointAt(0) ?? 0) < (cb.codePointAt(0) ?? 0);
  }
  return ar.length < br.length;
}

const ESCAPES: Record<number, string> = {
  0: "0",
  7: "a",
  8: "b",
  9: "t",
  10: "n",
  11: "v",
  12: "f",
  13: "r",
  27: "e",
  34: '"',
  92: "\\",
  133: "N",
  8232: "L",
  8233: "P",
};

function escapeOf(cp: number): string {
  const e = ESCAPES[cp];
  if (e !== undefined) return e;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `x${hex.padStart(2, "0")}`;
  if (cp <= 0xffff) return `u${hex.padStart(4, "0")}`;
  return `U${hex.padStart(8, "0")}`;
}

class Emitter {
  private readonly out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKey = false;
  private mappingContext = false;

  text(): string {
    return this.out.join("");
  }

  private put(ch: string): void {
    this.out.push(ch);
    this.column++;
  }

  private putBreak(): void {
    this.out.push("\n");
    this.column = 0;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    for (const ch of ind) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  /** Emits the document: the root node, then the final line break. */
  document(v: JsonValue): void {
    this.node(v, false, false);
    this.writeIndent();
  }

  private node(v: JsonValue, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKey = simpleKey;
    if (Array.isArray(v)) {
      if (v.length === 0) this.emptyFlow("[", "]");
      else this.sequence(v);
    } else if (v !== null && typeof v === "object") {
      const keys = Object.keys(v).sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
      if (keys.length === 0) this.emptyFlow("{", "}");
      else this.mappingOf(v, keys);
    } else if (v === null) this.scalar("null", "plain");
    else if (typeof v === "boolean") this.scalar(String(v), "plain");
    else if (typeof v === "number") this.scalar(Number.isInteger(v) ? String(v) : goFloatG(v), "plain");
    else this.scalar(v, v.includes("\n") ? "literal" : needsQuotes(v) ? "double" : "plain");
  }

  private emptyFlow(open: string, close: string): void {
    this.indicator(open, true, true, false);
    this.indicator(close, false, false, false);
  }

  private sequence(items: JsonValue[]): void {
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.indicator("-", true, false, true);
      this.node(item, false, false);
    }
    this.popIndent();
  }

  private mappingOf(obj: { [k: string]: JsonValue }, keys: string[]): void {
    this.increaseIndent(false, false);
    for (const k of keys) {
      this.writeIndent();
      this.node(k, true, true);
      this.indicator(":", false, false, false);
      this.node(obj[k] ?? null, true, false);
    }
    this.popIndent();
  }

  private scalar(value: string, requested: Style): void {
    const a = analyzeScalar(value);
    let style = requested;
    if (this.simpleKey && a.multiline) style = "double";
    if (style === "plain" && (!a.blockPlainAllowed || (value === "" && this.simpleKey))) style = "single";
    if (style === "single" && !a.singleQuotedAllowed) style = "double";
    if (style === "literal" && (!a.blockAllowed || this.simpleKey)) style = "double";
    const allowBreaks = !this.simpleKey;
    this.increaseIndent(true, false);
    if (style === "plain") this.plain(value, allowBreaks);
    else if (style === "single") this.singleQuoted(value, allowBreaks);
    else if (style === "double") this.doubleQuoted(value, allowBreaks);
    else this.literal(value);
    this.popIndent();
  }

  private plain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    const chars = [...value];
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== " ") this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(value: string, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    const chars = [...value];
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === " ") {
        const fold = allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1;
        if (fold && chars[i + 1] !== " ") this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    });
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private doubleQuoted(value: string, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    const chars = [...value];
    let spaces = false;
    chars.forEach((ch, i) => {
      const cp = ch.codePointAt(0) ?? 0;
      if (!isPrintable(cp) || isBreak(cp) || ch === '"' || ch === "\\") {
        this.put("\\");
        for (const c of escapeOf(cp)) this.put(c);
        spaces = false;
      } else if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === " ") this.put("\\");
        } else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    });
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private literal(value: string): void {
    this.indicator("|", true, false, false);
    const chars = [...value];
    const cpAt = (i: number) => chars[i]?.codePointAt(0) ?? 0;
    if (chars[0] === " " || isBreak(cpAt(0))) this.indicator(String(BEST_INDENT), false, false, false);
    const last = chars.length - 1;
    if (chars.length === 0 || !isBreak(cpAt(last))) this.indicator("-", false, false, false);
    else if (last === 0 || isBreak(cpAt(last - 1))) this.indicator("+", false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch.codePointAt(0) ?? 0)) {
        if (ch === "\n") this.putBreak();
        else {
          this.out.push(ch);
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** yaml.Marshal of a JSON value as go-yaml v2 writes it (sorted keys, 80-column folding). */
export function goYaml(value: JsonValue): string {
  const e = new Emitter();
  e.document(value);
  return e.text();
}
