// The shape of a kubectl command: flags, a run function, and the output it writes.

import type { Cluster } from "../api/cluster.ts";
import { ApiError } from "../api/errors.ts";
import type { FlagSpec, ParsedArgs } from "./flags.ts";

/** What a command printed, in order, on stdout and stderr. */
export class Output {
  readonly chunks: { stream: "out" | "err"; text: string }[] = [];

  /** Writes lines to stdout (a newline is added to each). */
  out(text: string): void {
    this.chunks.push({ stream: "out", text: text.endsWith("\n") ? text : `${text}\n` });
  }

  err(text: string): void {
    this.chunks.push({ stream: "err", text: text.endsWith("\n") ? text : `${text}\n` });
  }

  get stdout(): string {
    return this.chunks
      .filter((c) => c.stream === "out")
      .map((c) => c.text)
      .join("");
  }

  get stderr(): string {
    return this.chunks
      .filter((c) => c.stream === "err")
      .map((c) => c.text)
      .join("");
  }

  /** Both streams interleaved, as a terminal shows them. */
  get text(): string {
    return this.chunks.map((c) => c.text).join("");
  }
}

export interface CommandContext {
  cluster: Cluster;
  args: ParsedArgs;
  /** The namespace from -n, else the context's, else "default". */
  namespace: string;
  /** Whether the user gave -n explicitly (some messages differ). */
  explicitNamespace: boolean;
  stdin: string | undefined;
  out: Output;
  /** "kubectl get", for usage lines. */
  path: string;
}

export interface Command {
  name: string;
  aliases?: readonly string[];
  /** One line for `kubectl --help` and the tutor's help. */
  summary: string;
  flags?: readonly FlagSpec[];
  subcommands?: readonly Command[];
  /** Returns the exit code. */
  run?(ctx: CommandContext): number;
}

/** Thrown by a command to stop with kubectl's `error: …` line (exit code 1). */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandError";
  }
}

/** Formats an API error the way kubectl prints it, with an optional action prefix. */
export function apiErrorText(e: ApiError, action?: string): string {
  if (e.code === "NoKind" || e.code === "Limit") return `error: ${action ? `${action}: ` : ""}${e.message}`;
  if (e.code === "Invalid") return e.message.startsWith("The ") ? e.message : `The ${e.message}`;
  return `Error from server (${e.code}): ${action ? `${action}: ` : ""}${e.message}`;
}

/** Writes an error (API error or command error) to stderr; rethrows anything else. */
export function reportError(out: Output, e: unknown, action?: string): void {
  if (e instanceof ApiError) out.err(apiErrorText(e, action));
  else if (e instanceof CommandError)
    out.err(/^(error:|Error|E\d{4} )/.test(e.message) ? e.message : `error: ${e.message}`);
  else throw e;
}

/** Common flag sets. */
export const OUTPUT_FLAG: FlagSpec = { name: "output", short: "o", type: "string", default: "" };
export const DRY_RUN_FLAG: FlagSpec = {
  name: "dry-run",
  type: "string",
  default: "none",
  noOptDefVal: "unchanged",
};
export const FILENAME_FLAG: FlagSpec = { name: "filename", short: "f", type: "stringSlice", default: [] };
export const SELECTOR_FLAG: FlagSpec = { name: "selector", short: "l", type: "string", default: "" };
export const ALL_NS_FLAG: FlagSpec = { name: "all-namespaces", short: "A", type: "bool", default: false };

export function flagString(ctx: CommandContext, name: string): string {
  const v = ctx.args.flags[name];
  return typeof v === "string" ? v : "";
}

export function flagBool(ctx: CommandContext, name: string): boolean {
  return ctx.args.flags[name] === true;
}

export function flagList(ctx: CommandContext, name: string): string[] {
  const v = ctx.args.flags[name];
  return Array.isArray(v) ? v : typeof v === "string" && v ? [v] : [];
}

export function flagInt(ctx: CommandContext, name: string): number | undefined {
  const v = ctx.args.flags[name];
  return typeof v === "number" ? v : undefined;
}

/**
 * kubectl 1.32 reports a missing required flag through klog, stamped with the (virtual) time:
 * `E0106 09:00:30.000000       1 run.go:72] "command failed" err="required flag(s) \"image\" not set"`.
 */
export function requireFlags(ctx: CommandContext, ...names: string[]): void {
  const missing = names.filter((n) => !ctx.args.set.has(n));
  if (missing.length === 0) return;
  const d = new Date(ctx.cluster.now);
  const p2 = (n: number) => String(n).padStart(2, "0");
  const stamp = `E${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, "0")}`;
  const list = missing.map((n) => `\\"${n}\\"`).join(", ");
  throw new CommandError(
    `${stamp}       1 run.go:72] "command failed" err="required flag(s) ${list} not set"`,
  );
}
