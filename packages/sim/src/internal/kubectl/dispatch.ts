// Runs one kubectl command line against a cluster: verb lookup, flag parsing, errors as kubectl prints them.

import type { Cluster } from "../api/cluster.ts";
import { type Command, type CommandContext, CommandError, Output, reportError } from "./command.ts";
import { COMMANDS } from "./commands/index.ts";
import { FlagError, type FlagSpec, GLOBAL_FLAGS, parseFlags } from "./flags.ts";
import { suggestionsFor } from "./suggest.ts";

export interface KubectlResult {
  output: Output;
  exitCode: number;
}

/** Each command's flags together with kubectl's global ones, built once per command. */
const ALL_FLAGS = new WeakMap<Command, FlagSpec[]>();

function flagsOf(cmd: Command): FlagSpec[] {
  let specs = ALL_FLAGS.get(cmd);
  if (!specs) {
    specs = [...GLOBAL_FLAGS, ...(cmd.flags ?? [])];
    ALL_FLAGS.set(cmd, specs);
  }
  return specs;
}

function findCommand(list: readonly Command[], name: string): Command | undefined {
  let byName = COMMAND_NAMES.get(list);
  if (!byName) {
    // The first command in the list that has the name or alias wins, as a linear search would.
    byName = new Map();
    for (const c of list) {
      for (const n of [c.name, ...(c.aliases ?? [])]) if (!byName.has(n)) byName.set(n, c);
    }
    COMMAND_NAMES.set(list, byName);
  }
  return byName.get(name);
}

/** Commands by name and alias, per (sub)command list. */
const COMMAND_NAMES = new WeakMap<readonly Command[], Map<string, Command>>();

function unknownCommand(out: Output, name: string, parent: string, list: readonly Command[]): number {
  const suggestions = suggestionsFor(
    name,
    list.map((c) => c.name),
  );
  let text = `Error: unknown command "${name}" for "${parent}"`;
  if (suggestions.length) text += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join("\n")}\n`;
  out.err(text);
  return 1;
}

/** Runs `kubectl <argv…>`; `argv` excludes the word "kubectl". */
export function runKubectl(cluster: Cluster, argv: string[], stdin?: string): KubectlResult {
  const out = new Output();
  // Find the (sub)command: leading words that are not flags.
  let list: readonly Command[] = COMMANDS;
  let cmd: Command | undefined;
  let path = "kubectl";
  let i = 0;
  while (i < argv.length) {
    const word = argv[i] ?? "";
    if (word.startsWith("-")) {
      // Global flags may precede the verb: skip a flag and its value.
      if (!cmd && /^(-n|--namespace|--context|-s|--server|--kubeconfig)$/.test(word)) i += 2;
      else i += 1;
      if (cmd) break;
      continue;
    }
    const next = findCommand(list, word);
    if (!next) {
      if (!cmd) return { output: out, exitCode: unknownCommand(out, word, path, list) };
      break;
    }
    cmd = next;
    path = `${path} ${next.name}`;
    argv = [...argv.slice(0, i), ...argv.slice(i + 1)];
    if (!next.subcommands?.length) break;
    list = next.subcommands;
  }
  if (!cmd) {
    out.out(helpText());
    return { output: out, exitCode: 0 };
  }
  if (!cmd.run) {
    const sub = argv.find((a) => !a.startsWith("-"));
    if (sub) return { output: out, exitCode: unknownCommand(out, sub, path, cmd.subcommands ?? []) };
    out.err(`error: ${path} needs a subcommand: ${(cmd.subcommands ?? []).map((c) => c.name).join(", ")}`);
    return { output: out, exitCode: 1 };
  }
  let ctx: CommandContext;
  try {
    const args = parseFlags(argv, flagsOf(cmd), path);
    const nsFlag = args.flags.namespace;
    const current = cluster.state.kubeconfig.contexts.find(
      (c) => c.name === cluster.state.kubeconfig.current,
    );
    const namespace =
      typeof nsFlag === "string" && nsFlag !== "" ? nsFlag : (current?.namespace ?? "default");
    ctx = { cluster, args, namespace, explicitNamespace: args.set.has("namespace"), stdin, out, path };
  } catch (e) {
    if (e instanceof FlagError) {
      out.err(e.message);
      return { output: out, exitCode: 1 };
    }
    throw e;
  }
  if (ctx.args.flags.help === true) {
    out.out(
      `${cmd.summary}.\n\nUsage: ${path} [options]\n\nBosun simulates this command; see 'help' in the tutor for what it supports.`,
    );
    return { output: out, exitCode: 0 };
  }
  try {
    const code = cmd.run(ctx);
    return { output: out, exitCode: code };
  } catch (e) {
    reportError(out, e);
    return { output: out, exitCode: 1 };
  }
}

export function helpText(): string {
  const lines = (COMMANDS as readonly Command[]).map((c) => `  ${c.name.padEnd(15)}${c.summary}`);
  return `kubectl controls the Kubernetes cluster manager.\n\nCommands Bosun simulates:\n${lines.join("\n")}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.`;
}

export { CommandError };
