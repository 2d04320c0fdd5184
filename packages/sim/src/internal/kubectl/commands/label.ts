// kubectl label and annotate: change an object's labels or annotations, with kubectl 1.32's messages.

import { ApiError } from "../../api/errors.ts";
import { updateObject } from "../../api/operations.ts";
import { kindPrefix, qualifiedName, type ResourceInfo } from "../../api/resources.ts";
import { formatInvalid, invalid } from "../../api/schema/errors.ts";
import { isQualifiedName, isValidLabelValue } from "../../api/schema/names.ts";
import type { KObject } from "../../api/types.ts";
import { toJson, toYaml } from "../../printers/output.ts";
import * as cmd from "../command.ts";
import { type FlagSpec, utf8Bytes } from "../flags.ts";
import { parseResourceArgs } from "../resource-args.ts";
import { matches, matchesFields, parseFieldSelector, parseSelector } from "../selector.ts";

type Kind = "label" | "annotation";
type Ctx = cmd.CommandContext;
type StrMap = Record<string, string>;
/** What to change: keys to set and keys to remove. */
export interface Change {
  add: StrMap;
  remove: string[];
}
/** An error, or (label's overwrite check) an aggregate of several, which kubectl prints one per line. */
type Failure = string | string[];
type Target = { info: ResourceInfo; obj: KObject };

const fail = (message: string): never => {
  throw new cmd.CommandError(message);
};
const bool = (name: string): FlagSpec => ({ name, type: "bool", default: false });
const str = (name: string): FlagSpec => ({ name, type: "string", default: "" });
const FLAGS: FlagSpec[] = [
  ...[cmd.OUTPUT_FLAG, cmd.DRY_RUN_FLAG, cmd.SELECTOR_FLAG, cmd.ALL_NS_FLAG, cmd.FILENAME_FLAG],
  ...["overwrite", "all", "list", "local", "show-managed-fields"].map(bool),
  ...["field-selector", "resource-version", "template", "kustomize"].map(str),
  { name: "recursive", short: "R", type: "bool", default: false },
  { name: "allow-missing-template-keys", type: "bool", default: true },
];
const flagsFor = (manager: string) => [...FLAGS, { ...str("field-manager"), default: manager }];

/** cmdutil.GetResourcesAndPairs: resources first, then `k=v` / `k-` pairs. */
export function splitResourcesAndPairs(args: string[], kind: Kind): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    if ((s.includes("=") && !s.startsWith("=")) || (s.endsWith("-") && s !== "-")) pairs.push(s);
    else if (pairs.length > 0) fail(`error: all resources must be specified before ${kind} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** kubectl label's parseLabels (values are checked here, keys by the API server). */
export function parseLabelPairs(pairs: string[]): Change {
  const change: Change = { add: {}, remove: [] };
  for (const spec of pairs) {
    if (!spec.includes("=")) {
      change.remove.push(spec.slice(0, -1));
      continue;
    }
    const [key = "", value = "", ...rest] = spec.split("=");
    if (rest.length) fail(`error: invalid label spec: ${spec}`);
    const errs = isValidLabelValue(value);
    if (errs.length) fail(`error: invalid label value: ${JSON.stringify(spec)}: ${errs.join(";")}`);
    change.add[key] = value;
  }
  if (change.remove.some((k) => k in change.add)) {
    fail("error: can not both modify and remove a label in the same command");
  }
  return change;
}

/** kubectl annotate's ParsePairs: the value is everything after the first `=`. */
export function parseAnnotationPairs(pairs: string[]): Change {
  const change: Change = { add: {}, remove: [] };
  for (const spec of pairs) {
    const eq = spec.indexOf("=");
    if (eq > 0) change.add[spec.slice(0, eq)] = spec.slice(eq + 1);
    else change.remove.push(spec.slice(0, -1));
  }
  const both = change.remove.filter((k) => k in change.add);
  if (both.length) {
    fail(
      `error: can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}`,
    );
  }
  return change;
}

/** Go's json.Marshal of a string map: sorted keys, compact, `<>&` escaped. */
function goJson(m: StrMap): string {
  const esc = (s: string) =>
    JSON.stringify(s).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${esc(k)}:${esc(m[k] ?? "")}`);
  return `{${entries.join(",")}}`;
}

/**
 * kubectl 1.32's updateDataChangeMsg compares the object's JSON before and after: "not labeled" when
 * equal, else "labeled", or "unlabeled" when (without --overwrite) it got shorter. Only the labels
 * differ, and an object without labels gets an empty map (so removing nothing from it says "labeled").
 */
export function labelChangeMessage(before: StrMap | undefined, after: StrMap, overwrite: boolean): string {
  const old = before === undefined ? "" : `,"labels":${goJson(before)}`;
  const now = `,"labels":${goJson(after)}`;
  if (old === now) return "not labeled";
  return !overwrite && utf8Bytes(now).length < utf8Bytes(old).length ? "unlabeled" : "labeled";
}

function overwriteError(kind: Kind, current: StrMap, add: StrMap): Failure {
  const keys = Object.keys(add).sort();
  if (kind === "label") {
    const clash = keys.filter((k) => k in current && current[k] !== add[k]);
    return clash.map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
  }
  // kubernetes.io/change-cause may always be overwritten.
  const clash = keys.filter((k) => k in current && k !== "kubernetes.io/change-cause");
  const list = clash.map((k) => `'${k}' already has a value (${current[k]})`).join("; ");
  return clash.length ? `--overwrite is false but found the following declared annotation(s): ${list}` : [];
}

/** cmdutil.CheckErr on the visitor's aggregate: one error gets `error: `, several print one per line. */
function reportFailures(ctx: Ctx, failures: Failure[]): void {
  const only = failures.length === 1 ? failures[0] : undefined;
  // Go's aggregate error text: one message alone, several (deduplicated) in brackets.
  const text = (f: string[]) => (new Set(f).size === 1 ? (f[0] ?? "") : `[${[...new Set(f)].join(", ")}]`);
  const lines = only !== undefined ? [only].flat() : failures.map((f) => (Array.isArray(f) ? text(f) : f));
  const single = lines.length === 1 ? (lines[0] ?? "") : undefined;
  if (single === undefined) for (const e of lines) ctx.out.err(e);
  else ctx.out.err(/^(Error from server|The |error: )/.test(single) ? single : `error: ${single}`);
}

/** The API server's metadata validation of new keys (label keys, lower-cased annotation keys). */
function keyErrors(kind: Kind, t: Target, keys: string[]): string | undefined {
  const field = kind === "label" ? "metadata.labels" : "metadata.annotations";
  const check = (k: string) =>
    isQualifiedName(kind === "label" ? k : k.toLowerCase()).map((m) => invalid(field, k, m));
  const errs = keys.sort().flatMap(check);
  if (!errs.length) return undefined;
  return cmd.apiErrorText(new ApiError("Invalid", formatInvalid(t.info.kind, t.obj.metadata.name, errs)));
}

function selectors(ctx: Ctx, info: ResourceInfo) {
  const [labelText, fieldText] = [cmd.flagString(ctx, "selector"), cmd.flagString(ctx, "field-selector")];
  try {
    const sel = labelText ? parseSelector(labelText) : undefined;
    const fsel = fieldText ? parseFieldSelector(fieldText, info.kind) : undefined;
    return (o: KObject) =>
      (!sel || matches(sel, o.metadata.labels)) && (!fsel || matchesFields(fsel, o as unknown as StrMap));
  } catch (e) {
    return fail(`error: ${(e as Error).message}`);
  }
}

/** The resource builder: named objects (a NotFound error in place of a missing one) or a selected list. */
function targets(ctx: Ctx, resources: string[]): { list: (Target | string)[]; one: boolean } {
  const { store } = ctx.cluster;
  const selecting = cmd.flagString(ctx, "selector") || cmd.flagString(ctx, "field-selector");
  const refs = parseResourceArgs(resources);
  const list: (Target | string)[] = [];
  for (const { info, names } of refs) {
    const ns = info.namespaced ? ctx.namespace : undefined;
    if (names.length > 0 && selecting) fail("error: name cannot be provided when a selector is specified");
    for (const name of names) {
      const obj = store.get(info.resource, ns, name);
      if (obj) list.push({ info, obj });
      else list.push(`Error from server (NotFound): ${qualifiedName(info)} "${name}" not found`);
    }
    if (names.length > 0) continue;
    if (!selecting && !cmd.flagBool(ctx, "all"))
      fail("error: resource(s) were provided, but no name was specified");
    const scope = cmd.flagBool(ctx, "all-namespaces") ? undefined : ns;
    const keep = selectors(ctx, info);
    for (const obj of store.list(info.resource, scope)) if (keep(obj)) list.push({ info, obj });
  }
  return { list, one: refs.length === 1 && refs[0]?.names.length === 1 };
}

const ALLOWED =
  "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";

/** Checks the flags as kubectl's Complete and Validate do, in the same order. */
function parseArgs(ctx: Ctx, kind: Kind) {
  const { resources, pairs } = splitResourcesAndPairs(ctx.args.positionals, kind);
  const change = kind === "label" ? parseLabelPairs(pairs) : parseAnnotationPairs(pairs);
  const [output, list, all] = [
    cmd.flagString(ctx, "output"),
    cmd.flagBool(ctx, "list"),
    cmd.flagBool(ctx, "all"),
  ];
  if (list && output) fail("error: --list and --output may not be specified together");
  if (/^(jsonpath|go-template|template)/.test(output)) fail(`error: Bosun does not support -o ${output} yet`);
  if (!["", "name", "yaml", "json"].includes(output)) {
    fail(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`,
    );
  }
  const dryRunFlag = cmd.flagString(ctx, "dry-run");
  const dryRun = dryRunFlag === "unchanged" ? "client" : dryRunFlag;
  if (!["none", "client", "server"].includes(dryRun)) {
    fail(`error: Invalid dry-run value (${dryRunFlag}). Must be "none", "server", or "client".`);
  }
  if (all && cmd.flagString(ctx, "selector")) fail("error: cannot set --all and --selector at the same time");
  if (all && cmd.flagString(ctx, "field-selector"))
    fail("error: cannot set --all and --field-selector at the same time");
  if (cmd.flagBool(ctx, "local")) fail("error: Bosun has no local files to change; leave out --local");
  if (resources.length < 1)
    fail("error: one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (Object.keys(change.add).length < 1 && change.remove.length < 1 && !list) {
    fail(`error: at least one ${kind} update is required`);
  }
  return { resources, change, output, list, dryRun };
}

function makeRun(kind: Kind) {
  const noun = kind === "label" ? ("labels" as const) : ("annotations" as const);
  return (ctx: Ctx): number => {
    const { resources, change, output, list, dryRun } = parseArgs(ctx, kind);
    const overwrite = cmd.flagBool(ctx, "overwrite");
    const errors: Failure[] = [];
    const { list: found, one } = targets(ctx, resources);
    const resourceVersion = cmd.flagString(ctx, "resource-version");
    if (!one && resourceVersion) fail("error: --resource-version may only be used with a single resource");
    const suffix = { none: "", client: " (dry run)", server: " (server dry run)" }[dryRun] ?? "";
    const local = dryRun === "client" || list;
    for (const t of found) {
      if (typeof t === "string") {
        errors.push(t);
        continue;
      }
      const { metadata: meta } = t.obj;
      const before = meta[noun];
      const current = before ?? {};
      if (!local && kind === "label") {
        for (const k of change.remove)
          if (!(k in current)) ctx.out.out(`label ${JSON.stringify(k)} not found.`);
      }
      const clash = overwrite ? [] : overwriteError(kind, current, change.add);
      if (clash.length) {
        errors.push(clash);
        continue;
      }
      const after = { ...current, ...change.add };
      for (const k of change.remove) delete after[k];
      if (!local) {
        const conflict = `Operation cannot be fulfilled on ${qualifiedName(t.info)} "${meta.name}"`;
        const stale = resourceVersion && resourceVersion !== meta.resourceVersion;
        const bad = stale
          ? `Error from server (Conflict): ${conflict}: the object has been modified; please apply your changes to the latest version and try again`
          : keyErrors(kind, t, Object.keys(change.add));
        if (bad) {
          errors.push(bad);
          continue;
        }
        if (dryRun === "none" && goJson(after) !== goJson(current)) {
          const next = structuredClone(t.obj);
          if (Object.keys(after).length) next.metadata[noun] = after;
          else delete next.metadata[noun];
          t.obj = updateObject(ctx.cluster, t.info, next, t.obj);
        }
      }
      const name = `${kindPrefix(t.info)}/${meta.name}`;
      if (list) {
        if (!one) ctx.out.out(`Listing ${noun} for ${t.info.kind}.${t.info.group}/${meta.name}:`);
        for (const k of Object.keys(after).sort()) ctx.out.out(`${one ? "" : " "}${k}=${after[k]}`);
      } else if (output === "name") ctx.out.out(name);
      else if (output) {
        const shown = dryRun === "none" ? t.obj : { ...t.obj, metadata: { ...meta, [noun]: after } };
        ctx.out.out((output === "yaml" ? toYaml : toJson)(shown));
      } else
        ctx.out.out(
          `${name} ${kind === "label" ? labelChangeMessage(before, after, overwrite) : "annotated"}${suffix}`,
        );
    }
    ctx.cluster.reconcile();
    reportFailures(ctx, errors);
    return errors.length ? 1 : 0;
  };
}

/** `kubectl label`: add, change or remove labels (through the API, so controllers react to them). */
export const labelCommand: cmd.Command = {
  name: "label",
  summary: "Update the labels on a resource",
  flags: flagsFor("kubectl-label"),
  run: makeRun("label"),
};

/** `kubectl annotate`: add, change or remove annotations. */
export const annotateCommand: cmd.Command = {
  name: "annotate",
  summary: "Update the annotations on a resource",
  flags: flagsFor("kubectl-annotate"),
  run: makeRun("annotation"),
};
