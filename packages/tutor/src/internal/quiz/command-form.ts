// Canonical form of a typed kubectl or az command, so equivalent spellings of one command compare equal.

import { tokenize } from "../checks/command.ts";
import {
  AZ_BOOL,
  AZ_SHORT,
  type FlagSpec,
  KUBECTL_BOOL,
  KUBECTL_SHORT,
  KUBECTL_SHORT_BY_VERB,
  POD_VERBS,
  RESOURCE_NAMES,
  RESOURCE_VERBS,
  resourceType,
  SUBCOMMAND_VERBS,
} from "./command-words.ts";

/** A flag as parsed: canonical long name, and its value (absent for a boolean flag given alone). */
interface Flag {
  name: string;
  value?: string;
}

/** Parses `tokens` (without the program) into positionals, flags and the words after `--`. */
function parse(program: "kubectl" | "az", tokens: readonly string[], verb: string | undefined) {
  const positionals: string[] = [];
  const flags: Flag[] = [];
  let trailing: string[] | undefined;
  const short = program === "az" ? AZ_SHORT : { ...KUBECTL_SHORT, ...KUBECTL_SHORT_BY_VERB[verb ?? ""] };
  const bools = program === "az" ? AZ_BOOL : KUBECTL_BOOL;
  const longSpec = (name: string): FlagSpec => ({ long: name, bool: bools.has(name) });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    if (trailing) {
      trailing.push(t);
    } else if (t === "--") {
      trailing = [];
    } else if (t.startsWith("--") && t.length > 2) {
      const eq = t.indexOf("=");
      const spec = longSpec((eq < 0 ? t.slice(2) : t.slice(2, eq)).toLowerCase());
      if (eq >= 0) flags.push({ name: spec.long, value: t.slice(eq + 1) });
      else if (spec.bool || i + 1 >= tokens.length) flags.push({ name: spec.long });
      else flags.push({ name: spec.long, value: tokens[++i] ?? "" });
    } else if (t.startsWith("-") && t.length > 1 && !/^-\d/.test(t)) {
      const letters = t.slice(1);
      const first = short[letters[0] ?? ""];
      const allBool = [...letters].every((l) => short[l]?.bool === true);
      if (letters.length > 1 && allBool) {
        // `-it` is `-i -t`.
        for (const l of letters) flags.push({ name: short[l]?.long ?? l });
      } else if (!first) {
        flags.push(letters.includes("=") ? splitUnknown(letters) : { name: letters });
      } else if (letters.length > 1) {
        // `-nstaging` and `-n=staging` are `-n staging`.
        flags.push({ name: first.long, value: letters.slice(letters[1] === "=" ? 2 : 1) });
      } else if (first.bool || i + 1 >= tokens.length) {
        flags.push({ name: first.long });
      } else {
        flags.push({ name: first.long, value: tokens[++i] ?? "" });
      }
    } else {
      positionals.push(t);
    }
  }
  return { positionals, flags, trailing };
}

function splitUnknown(letters: string): Flag {
  const eq = letters.indexOf("=");
  return { name: letters.slice(0, eq), value: letters.slice(eq + 1) };
}

/** Canonical positional words of a kubectl command: verbs lower-cased, resource types as plurals. */
function kubectlPositionals(words: readonly string[]): string[] {
  const out: string[] = [];
  const verb = words[0]?.toLowerCase();
  let i = 0;
  if (verb !== undefined) {
    out.push(verb);
    i = 1;
    if (SUBCOMMAND_VERBS.has(verb) && words[1] !== undefined) {
      out.push(words[1].toLowerCase());
      i = 2;
    }
  }
  const resourceAt = verb !== undefined && RESOURCE_VERBS.has(verb) ? i : -1;
  for (; i < words.length; i++) {
    const w = words[i] ?? "";
    const slash = w.indexOf("/");
    if (i === resourceAt && verb === "explain") {
      // `deploy.spec.replicas` → `deployments.spec.replicas`.
      const [type = "", ...path] = w.split(".");
      out.push([resourceType(type), ...path].join("."));
    } else if (slash > 0 && RESOURCE_NAMES.has((w.slice(0, slash).split(".")[0] ?? "").toLowerCase())) {
      const type = resourceType(w.slice(0, slash));
      const name = w.slice(slash + 1);
      // `logs pod/web` is `logs web`; `scale deploy/api` is `scale deployments api`.
      if (verb !== undefined && POD_VERBS.has(verb)) out.push(type === "pods" ? name : `${type}/${name}`);
      else out.push(type, name);
    } else if (i === resourceAt) {
      out.push(w.split(",").map(resourceType).join(","));
    } else {
      out.push(w);
    }
  }
  return out;
}

function flagText(f: Flag): string {
  if (f.value === undefined) return `--${f.name}`;
  return `--${f.name}=${quoteIfNeeded(f.value)}`;
}

function quoteIfNeeded(word: string): string {
  return /[\s"']/.test(word) || word === "" ? JSON.stringify(word) : word;
}

function cleanFlag(program: "kubectl" | "az", f: Flag): Flag {
  const bools = program === "az" ? AZ_BOOL : KUBECTL_BOOL;
  if (f.value === undefined) return f;
  // `--all-namespaces=true` is `--all-namespaces`.
  if (bools.has(f.name) && f.value.toLowerCase() === "true") return { name: f.name };
  if (f.name === "filename" && f.value.startsWith("./")) return { name: f.name, value: f.value.slice(2) };
  return f;
}

/**
 * The canonical form of a command line, or undefined when it is not a kubectl or az command.
 * Equivalent spellings give the same string:
 * `k scale --replicas 5 deploy/api` and `kubectl scale deployment api --replicas=5` both give
 * `kubectl scale deployments api --replicas=5`. Flags are sorted (their order never matters to
 * kubectl or az), values keep their case, and words after `--` are kept as typed.
 */
export function canonicalCommand(line: string): string | undefined {
  const cleaned = line
    .trim()
    .replace(/^`{1,3}(?:sh|bash|shell|console)?\s*/i, "")
    .replace(/`{1,3}$/, "")
    .trim()
    .replace(/^\$\s*/, "")
    .replace(/;\s*$/, "");
  const tokens = tokenize(cleaned);
  const head = tokens[0]?.toLowerCase();
  const program =
    head === "kubectl" || head === "k" || head === "kubectl.exe"
      ? "kubectl"
      : head === "az"
        ? "az"
        : undefined;
  if (!program) return undefined;
  // az names (groups, clusters, VM sizes) are case-insensitive; kubectl names and values are not.
  const rest = program === "az" ? tokens.slice(1).map((t) => t.toLowerCase()) : tokens.slice(1);
  // Parse twice: the first pass finds the verb, which decides what a few short flags mean.
  const verb = parse(program, rest, undefined).positionals[0]?.toLowerCase();
  const { positionals, flags, trailing } = parse(program, rest, verb);
  const words = program === "az" ? positionals : kubectlPositionals(positionals);
  const flagWords = flags
    .map((f) => flagText(cleanFlag(program, f)))
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const tail = trailing && trailing.length > 0 ? ["--", ...trailing] : [];
  return [program, ...words, ...flagWords, ...tail].join(" ");
}
