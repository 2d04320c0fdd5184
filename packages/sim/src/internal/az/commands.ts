// The az command tree Bosun knows, its group help, and finding the command a line names.

import { ACCOUNT_COMMANDS } from "./account.ts";
import { AKS_COMMANDS } from "./aks.ts";
import type { AzCommand } from "./command.ts";
import { usageError } from "./errors.ts";
import { NODEPOOL_COMMANDS } from "./nodepool.ts";
import { closeMatches } from "./suggest.ts";

const VERSION_COMMAND: AzCommand = {
  path: "version",
  summary:
    "Show the versions of Azure CLI modules and extensions in JSON format by default or format configured by --output.",
  args: [],
  anonymous: true,
  run: () => ({
    "azure-cli": "2.67.0",
    "azure-cli-core": "2.67.0",
    "azure-cli-telemetry": "1.1.0",
    extensions: {},
  }),
};

/** Every command, by path. */
export const COMMANDS: readonly AzCommand[] = [
  VERSION_COMMAND,
  ...ACCOUNT_COMMANDS,
  ...AKS_COMMANDS,
  ...NODEPOOL_COMMANDS,
];

/** What each group is for (az's group help titles). */
const GROUPS: Record<string, string> = {
  "": "Azure CLI",
  account: "Manage Azure subscription information.",
  group: "Manage resource groups and template deployments.",
  aks: "Azure Kubernetes Service.",
  "aks nodepool": "Commands to manage node pools in Kubernetes kubernetes cluster.",
};

/** The words that may follow `prefix` ("aks" → create, delete, …, nodepool). */
function childrenOf(prefix: string): string[] {
  const depth = prefix === "" ? 0 : prefix.split(" ").length;
  const words = new Set<string>();
  for (const c of COMMANDS) {
    const parts = c.path.split(" ");
    if (parts.length > depth && parts.slice(0, depth).join(" ") === prefix) words.add(parts[depth] ?? "");
  }
  return [...words].sort();
}

/** Group help, in az's layout: subgroups, then commands, each with its summary. */
export function groupHelp(prefix: string): string {
  const lines = ["", "Group", `    az${prefix ? ` ${prefix}` : ""} : ${GROUPS[prefix] ?? ""}`, ""];
  const kids = childrenOf(prefix);
  const full = (w: string) => (prefix ? `${prefix} ${w}` : w);
  const subgroups = kids.filter((w) => GROUPS[full(w)] !== undefined);
  const commands = kids.filter((w) => GROUPS[full(w)] === undefined);
  const width = Math.max(...kids.map((w) => w.length));
  if (subgroups.length) {
    lines.push("Subgroups:");
    for (const w of subgroups) lines.push(`    ${w.padEnd(width)} : ${GROUPS[full(w)]}`);
    lines.push("");
  }
  if (commands.length) {
    lines.push("Commands:");
    for (const w of commands)
      lines.push(`    ${w.padEnd(width)} : ${COMMANDS.find((c) => c.path === full(w))?.summary}`);
    lines.push("");
  }
  lines.push(`To search AI knowledge base for examples, use: az find "az${prefix ? ` ${prefix}` : ""}"`, "");
  return lines.join("\n");
}

/** A command's help: its summary and the arguments Bosun accepts. */
export function commandHelp(c: AzCommand): string {
  const lines = ["", "Command", `    az ${c.path} : ${c.summary}`, "", "Arguments"];
  for (const a of c.args) lines.push(`    ${a.options.join(" ")}${a.required ? " [Required]" : ""}`);
  lines.push(
    "",
    "Global Arguments",
    "    --debug",
    "    --help -h",
    "    --only-show-errors",
    "    --output -o",
    "    --query",
    "    --subscription",
    "    --verbose",
    "",
  );
  return lines.join("\n");
}

/** Real az commands Bosun does not simulate: named as such, never called misspelt. */
const NOT_SIMULATED: Record<string, readonly string[]> = {
  "": [
    "acr",
    "ad",
    "config",
    "containerapp",
    "deployment",
    "extension",
    "feedback",
    "find",
    "keyvault",
    "monitor",
    "network",
    "provider",
    "resource",
    "role",
    "sql",
    "storage",
    "upgrade",
    "vm",
    "webapp",
  ],
  account: ["set", "get-access-token", "list-locations", "clear"],
  group: ["update", "wait", "export", "lock"],
  aks: [
    "browse",
    "command",
    "disable-addons",
    "enable-addons",
    "get-upgrades",
    "get-versions",
    "install-cli",
    "update",
    "upgrade",
    "wait",
  ],
  "aks nodepool": ["update", "upgrade", "get-upgrades", "wait"],
};

export type Resolved =
  | { kind: "command"; command: AzCommand; rest: string[] }
  | { kind: "group"; prefix: string };

/**
 * Finds the command the words name; a misspelt word gets azure-cli's CommandNotFoundError (exit
 * 2) with difflib's closest choice: `'shwo' is misspelled or not recognized by the system.`
 */
export function resolve(argv: readonly string[]): Resolved {
  let prefix = "";
  let i = 0;
  for (; i < argv.length; i++) {
    const word = argv[i] ?? "";
    if (word.startsWith("-")) break;
    const path = prefix ? `${prefix} ${word}` : word;
    const command = COMMANDS.find((c) => c.path === path);
    if (command) return { kind: "command", command, rest: argv.slice(i + 1) };
    const kids = childrenOf(prefix);
    if (NOT_SIMULATED[prefix]?.includes(word))
      throw usageError(
        `'az ${path}' is a real Azure CLI command, but Bosun's simulated subscription does not offer it. Try 'az ${prefix || "aks"} --help' for what it does offer.`,
      );
    if (!kids.includes(word)) {
      const close = closeMatches(word, kids);
      throw usageError(
        `'${word}' is misspelled or not recognized by the system.`,
        close[0] !== undefined ? [`Did you mean '${close[0]}' ?`] : [],
      );
    }
    prefix = path;
  }
  return { kind: "group", prefix };
}
