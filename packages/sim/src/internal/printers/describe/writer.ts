// kubectl describe's PrefixWriter over tabbedString's tabwriter (minwidth 0, padding 2).
import { DESCRIBE_TABWRITER, tabwrite } from "../tabwriter.ts";

/** Indentation level: each adds two spaces, like describe's LEVEL_0, LEVEL_1, … */
export type Level = number;

/** Collects describe text; `toString()` aligns it exactly as tabbedString does. */
export class PrefixWriter {
  private readonly segments: string[] = [];
  private buf = "";

  /** PrefixWriter.Write: the text after `level` double-space indents (text is pre-formatted). */
  write(level: Level, text: string): void {
    this.buf += "  ".repeat(level) + text;
  }

  /** PrefixWriter.WriteLine: the text and a newline, without indentation. */
  line(text: string): void {
    this.buf += `${text}\n`;
  }

  /** Flushes the tabwriter: text written later is aligned independently. */
  flush(): void {
    this.segments.push(this.buf);
    this.buf = "";
  }

  /** The text as written, tabs unexpanded (kubectl's printTemplate writes to a plain buffer). */
  raw(): string {
    return [...this.segments, this.buf].join("");
  }

  toString(): string {
    return [...this.segments, this.buf].map((s) => tabwrite(s, DESCRIBE_TABWRITER)).join("");
  }
}
