// Checks on the learner's last command and on the kubeconfig context, for steps where typing is the lesson.

import type { Sim } from "@bosun/sim";
import type { z } from "zod";
import type { CheckResult } from "./result.ts";
import type { commandCheckSchema, contextCheckSchema } from "./schema.ts";

/** What the engine knows beyond the cluster when it evaluates a check. */
export interface CommandContext {
  /** The last command the learner ran (not `sleep`): its words as a shell splits them, and exit code. */
  lastCommand?: { tokens: string[]; exitCode: number };
  /** Namespace for checks that name none; defaults to the kubeconfig context's namespace. */
  namespace?: string;
}

/** Splits a command line into words as a shell would for the simple cases: quotes and backslashes. */
export function tokenize(line: string): string[] {
  const words: string[] = [];
  let cur: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? "";
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur = (cur ?? "") + ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      cur = cur ?? "";
    } else if (ch === "\\" && i + 1 < line.length) {
      cur = (cur ?? "") + (line[++i] ?? "");
    } else if (/\s/.test(ch)) {
      if (cur !== undefined) words.push(cur);
      cur = undefined;
    } else cur = (cur ?? "") + ch;
  }
  if (cur !== undefined) words.push(cur);
  return words;
}

/** Builds the context for a command line the learner just ran. */
export function commandContext(line: string, exitCode: number): CommandContext {
  return { lastCommand: { tokens: tokenize(line), exitCode } };
}

/** Flags whose value may follow as the next word; skipped when looking for positional words. */
const VALUE_FLAGS = new Set([
  "-n",
  "--namespace",
  "-o",
  "--output",
  "-l",
  "--selector",
  "-f",
  "--filename",
  "-c",
  "--container",
  "--context",
  "-g",
  "--resource-group",
  "--name",
]);

function positionals(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    if (t === "--") break;
    if (t.startsWith("-")) {
      if (VALUE_FLAGS.has(t)) i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

/** `command:` passes when the last command has the program, verb words, resource and a flag asked for. */
export function evaluateCommand(spec: z.infer<typeof commandCheckSchema>, ctx: CommandContext): CheckResult {
  const program = spec.program ?? "kubectl";
  const want = `${program} ${spec.verb}${spec.resource ? ` ${spec.resource[0]}` : ""}`;
  const last = ctx.lastCommand;
  if (!last) return { pass: false, detail: `Run \`${want}\` to finish this step.` };
  const [prog = "", ...rest] = last.tokens;
  const progOk = program === "kubectl" ? prog === "kubectl" || prog === "k" : prog === program;
  const words = positionals(rest);
  const verbs = spec.verb.split(/\s+/);
  const verbOk = verbs.every((v, i) => words[i] === v);
  const next = words[verbs.length] ?? "";
  // "pods", "pod/web", "deployments.apps", and each kind of "deployment,replicaset,pods" count.
  const kinds = next.split(",").map((k) => k.split("/")[0]?.split(".")[0] ?? "");
  const resourceOk = !spec.resource || spec.resource.some((r) => kinds.includes(r));
  const flagOk = !spec.flags || spec.flags.some((f) => rest.some((t) => t === f || t.startsWith(`${f}=`)));
  if (!progOk || !verbOk || !resourceOk || !flagOk) {
    const flagText = spec.flags ? ` with ${spec.flags.join(" or ")}` : "";
    return { pass: false, detail: `The last command was not \`${want}\`${flagText}.` };
  }
  const code = spec.exitCode ?? 0;
  if (last.exitCode !== code)
    return {
      pass: false,
      detail: `\`${want}\` ran but failed (exit code ${last.exitCode}); read its error and try again.`,
    };
  return { pass: true, detail: `You ran \`${want}\`.` };
}

/** `context:` passes when kubectl's current context (and its namespace) are the ones asked for. */
export function evaluateContext(spec: z.infer<typeof contextCheckSchema>, sim: Sim): CheckResult {
  // Read through the public front end: `kubectl config current-context` changes nothing.
  const current = sim.exec("kubectl config current-context").stdout.trim();
  if (spec.current !== undefined && current !== spec.current)
    return {
      pass: false,
      detail: current
        ? `kubectl is using context ${current}, not ${spec.current}.`
        : "kubectl has no current context yet.",
    };
  if (spec.namespace !== undefined && sim.currentNamespace !== spec.namespace)
    return {
      pass: false,
      detail: `The current context uses namespace ${sim.currentNamespace}, not ${spec.namespace}.`,
    };
  return { pass: true, detail: `kubectl is using context ${current} in namespace ${sim.currentNamespace}.` };
}
