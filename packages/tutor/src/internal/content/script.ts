// Solution scripts: one item per command line, heredoc items carry a manifest as the command's stdin.

import type { Sim } from "@bosun/sim";
import { type CommandContext, commandContext } from "../checks/command.ts";

/** A parsed solution item: the command line and, for a heredoc, the text fed to its stdin. */
export interface ScriptCommand {
  line: string;
  stdin?: string;
}

const HEREDOC = /^(.*?)\s*<<(-?)\s*(['"]?)([A-Za-z_]\w*)\3\s*$/;

/**
 * Parses one solution item. A single line is a command; several lines must form a heredoc:
 * `kubectl apply -f - <<EOF`, the manifest, then `EOF` on the last line.
 */
export function parseScriptItem(
  item: string,
): { ok: true; command: ScriptCommand } | { ok: false; error: string } {
  const lines = item.replace(/\n+$/, "").split("\n");
  const first = (lines[0] ?? "").trim();
  if (first === "") return { ok: false, error: "expected a command, got an empty line" };
  const m = HEREDOC.exec(first);
  if (!m) {
    if (lines.length > 1)
      return { ok: false, error: "a multi-line item must be a heredoc (a first line ending in <<EOF)" };
    return { ok: true, command: { line: first } };
  }
  const end = m[4] ?? "EOF";
  const last = lines[lines.length - 1] ?? "";
  const closes = m[2] === "-" ? last.trim() === end : last === end;
  if (lines.length < 2 || !closes) return { ok: false, error: `the heredoc must end with a line "${end}"` };
  const body = lines.slice(1, -1);
  return { ok: true, command: { line: m[1] ?? "", stdin: `${body.join("\n")}\n` } };
}

/** What running a script left behind: each command's output, and the last command for checks. */
export interface ScriptRun {
  transcript: { line: string; output: string; exitCode: number }[];
  last?: CommandContext["lastCommand"];
}

/**
 * Runs solution items against a simulator in order, as a learner typing them would. Throws on an
 * item that does not parse: content is validated before anything runs it.
 */
export function runScript(sim: Sim, items: readonly string[]): ScriptRun {
  const run: ScriptRun = { transcript: [] };
  for (const item of items) {
    const parsed = parseScriptItem(item);
    if (!parsed.ok) throw new Error(`bad script item ${JSON.stringify(item)}: ${parsed.error}`);
    const { line, stdin } = parsed.command;
    const r = stdin === undefined ? sim.exec(line) : sim.exec(line, stdin);
    run.transcript.push({ line, output: r.output, exitCode: r.exitCode });
    // Waiting is not a command a check could be about: `sleep` keeps the previous one as the last.
    if (!/^sleep\s/.test(line)) run.last = commandContext(line, r.exitCode).lastCommand;
  }
  return run;
}
