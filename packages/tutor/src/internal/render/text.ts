// Plain-text rendering of a TutorReply for terminals and transcripts; ANSI colour only when asked.

import type { ReplyBlock, TutorReply } from "../model.ts";

/** Options of `renderText`. */
export interface RenderTextOptions {
  /** ANSI colours (for a TTY). Off by default: transcripts and pipes get plain text. */
  colour?: boolean;
}

const LETTERS = "abcdefghij";
const BAR_WIDTH = 20;

type Paint = (code: string, s: string) => string;

/** "[########------------] 40%". */
function bar(percent: number): string {
  const filled = Math.round((Math.max(0, Math.min(100, percent)) / 100) * BAR_WIDTH);
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${percent}%`;
}

function withNewline(s: string): string {
  return s.endsWith("\n") ? s : `${s}\n`;
}

function block(b: ReplyBlock, paint: Paint): string {
  switch (b.kind) {
    case "text":
      return withNewline(b.text);
    case "code":
      // Command output exactly as kubectl prints it; errors in red on a terminal.
      return b.exitCode !== undefined && b.exitCode !== 0
        ? paint("31", withNewline(b.text))
        : withNewline(b.text);
    case "diff":
      return `${paint("1", "Changes:")}\n${b.lines.map((l) => `  ${paint(l.startsWith("-") ? "31" : l.startsWith("+") ? "32" : "33", l)}`).join("\n")}\n`;
    case "hint":
      return `${paint("1;33", b.level === 3 ? "Hint (last one):" : "Hint:")} ${b.text}\n`;
    case "success":
      return `${paint("1;32", "✓")} ${b.text}\n`;
    case "warning":
      return `${paint("1;31", "Warning:")} ${b.text}\n`;
    case "tip":
      return `${paint("1;36", "Tip:")} ${b.text}\n`;
    case "progress":
      return `${b.percent !== undefined ? `${paint("32", bar(b.percent))} ` : ""}${b.text}\n`;
    case "quiz": {
      const choices = (b.choices ?? []).map((c, i) => `  ${LETTERS[i] ?? i + 1}) ${c}`);
      return `${paint("1", b.prompt)}\n${choices.map((c) => `${c}\n`).join("")}`;
    }
  }
}

/**
 * A reply as plain text: blocks in order separated by blank lines (command output as-is, diff
 * lines indented under "Changes:", hints as "Hint:"), then the buttons as `[Hint] [Next step]`.
 */
export function renderText(reply: TutorReply, opts: RenderTextOptions = {}): string {
  const paint: Paint = opts.colour ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_c, s) => s;
  const parts = reply.blocks.map((b) => block(b, paint));
  // Answer buttons shrink to their letter: the choices are printed in full just above them.
  const label = (id: string, text: string) =>
    /^quiz:[^:]+:[a-j]$/.exec(id) ? id.slice(id.lastIndexOf(":") + 1) : text;
  if (reply.actions.length > 0)
    parts.push(`${reply.actions.map((a) => paint("36", `[${label(a.id, a.label)}]`)).join(" ")}\n`);
  return parts.join("\n");
}
