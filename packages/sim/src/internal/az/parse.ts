// az's argument parsing (argparse under knack): options, required arguments, and argparse's error texts.

import { AzError, usageError } from "./errors.ts";
import { closeMatches } from "./suggest.ts";

/** One argument of a command, as azure-cli registers it. */
export interface ArgSpec {
  /** Key in the parsed values. */
  dest: string;
  /** Option strings in registration order, e.g. ["--resource-group", "-g"]. */
  options: readonly string[];
  kind: "string" | "int" | "flag";
  required?: boolean;
  /** Allowed values (matched case-insensitively, as azure-cli's enum types are). */
  choices?: readonly string[];
}

export type ArgValues = Record<string, string | number | boolean | undefined>;

/** The options every az command takes (knack's global arguments). */
export const GLOBAL_ARGS: readonly ArgSpec[] = [
  {
    dest: "output",
    options: ["--output", "-o"],
    kind: "string",
    choices: ["json", "jsonc", "none", "table", "tsv", "yaml", "yamlc"],
  },
  { dest: "query", options: ["--query"], kind: "string" },
  { dest: "subscription", options: ["--subscription"], kind: "string" },
  { dest: "debug", options: ["--debug"], kind: "flag" },
  { dest: "verbose", options: ["--verbose"], kind: "flag" },
  { dest: "only_show_errors", options: ["--only-show-errors"], kind: "flag" },
  { dest: "help", options: ["--help", "-h"], kind: "flag" },
];

const optionName = (a: ArgSpec) => a.options.join("/");

/** argparse treats `-5` as a value, `-x` and `--x` as options. */
const looksLikeOption = (s: string) => s.startsWith("-") && !/^-\d+$/.test(s) && s !== "-";

/**
 * Parses `tokens` against `specs` the way argparse does: `--opt value`, `--opt=value`, flags,
 * unique long-option prefixes. `prog` ("az aks create") prefixes invalid-value messages.
 * Throws AzError with argparse's wording; required arguments are checked before leftovers.
 */
export function parseArgs(prog: string, specs: readonly ArgSpec[], tokens: readonly string[]): ArgValues {
  const all = [...specs, ...GLOBAL_ARGS];
  const values: ArgValues = {};
  const unknown: string[] = [];
  const find = (opt: string): ArgSpec | undefined => {
    const exact = all.find((a) => a.options.includes(opt));
    if (exact || !opt.startsWith("--")) return exact;
    const prefixed = all.filter((a) => a.options.some((o) => o.startsWith("--") && o.startsWith(opt)));
    if (prefixed.length > 1) {
      const names = prefixed.map((a) => a.options.find((o) => o.startsWith(opt)) ?? "").join(", ");
      throw usageError(`ambiguous option: ${opt} could match ${names}`);
    }
    return prefixed[0];
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] ?? "";
    if (!looksLikeOption(tok)) {
      unknown.push(tok);
      continue;
    }
    const eq = tok.startsWith("--") ? tok.indexOf("=") : -1;
    const opt = eq > 0 ? tok.slice(0, eq) : tok;
    const spec = find(opt);
    if (!spec) {
      unknown.push(tok);
      continue;
    }
    if (spec.kind === "flag") {
      if (eq > 0)
        throw usageError(`argument ${optionName(spec)}: ignored explicit argument '${tok.slice(eq + 1)}'`);
      values[spec.dest] = true;
      continue;
    }
    let raw: string;
    if (eq > 0) raw = tok.slice(eq + 1);
    else {
      const next = tokens[i + 1];
      if (next === undefined || looksLikeOption(next))
        throw usageError(`argument ${optionName(spec)}: expected one argument`);
      raw = next;
      i++;
    }
    values[spec.dest] = convert(prog, spec, raw);
  }
  const missing = specs.filter((a) => a.required && values[a.dest] === undefined);
  if (missing.length > 0)
    throw usageError(`the following arguments are required: ${missing.map(optionName).join(", ")}`);
  if (unknown.length > 0) throw usageError(`unrecognized arguments: ${unknown.join(" ")}`);
  return values;
}

function convert(prog: string, spec: ArgSpec, raw: string): string | number {
  if (spec.kind === "int") {
    if (!/^[-+]?\d+$/.test(raw.trim()))
      throw usageError(`argument ${optionName(spec)}: invalid int value: '${raw}'`);
    return Number.parseInt(raw, 10);
  }
  if (spec.choices) {
    const hit = spec.choices.find((c) => c.toLowerCase() === raw.toLowerCase());
    if (hit !== undefined) return hit;
    const close = closeMatches(raw, spec.choices);
    throw new AzError(
      `${prog}: '${raw}' is not a valid value for '${spec.options[0]}'.`,
      2,
      close[0] !== undefined ? [`Did you mean '${close[0]}' ?`] : [],
    );
  }
  return raw;
}

/** A string argument the spec made required (parseArgs has checked it is there). */
export function str(values: ArgValues, dest: string): string {
  const v = values[dest];
  return typeof v === "string" ? v : "";
}

export function opt(values: ArgValues, dest: string): string | undefined {
  const v = values[dest];
  return typeof v === "string" ? v : undefined;
}

export function int(values: ArgValues, dest: string): number | undefined {
  const v = values[dest];
  return typeof v === "number" ? v : undefined;
}

export function flag(values: ArgValues, dest: string): boolean {
  return values[dest] === true;
}

/** Shorthands for the arguments az aks commands share. */
export const ARG = {
  group: { dest: "group", options: ["--resource-group", "-g"], kind: "string", required: true },
  name: { dest: "name", options: ["--name", "-n"], kind: "string", required: true },
  yes: { dest: "yes", options: ["--yes", "-y"], kind: "flag" },
  noWait: { dest: "no_wait", options: ["--no-wait"], kind: "flag" },
} as const satisfies Record<string, ArgSpec>;
