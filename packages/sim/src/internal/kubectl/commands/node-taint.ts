// kubectl taint: add (key=value:Effect) and remove (key:Effect-, key-) node taints, as kubectl parses them.

import { isQualifiedName, isValidLabelValue } from "../../api/schema/names.ts";
import type { KObject } from "../../api/types.ts";
import { type Taint, taintString } from "../../controllers/node-taints.ts";
import * as cmd from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { lookupType } from "../resource-args.ts";
import { matches, parseSelector } from "../selector.ts";
import { dryRun } from "./node-ops.ts";

const FLAGS: FlagSpec[] = [
  cmd.DRY_RUN_FLAG,
  cmd.OUTPUT_FLAG,
  cmd.SELECTOR_FLAG,
  { name: "all", type: "bool", default: false },
  { name: "overwrite", type: "bool", default: false },
  { name: "allow-missing-template-keys", type: "bool", default: true },
  { name: "field-manager", type: "string", default: "kubectl-taint" },
  { name: "show-managed-fields", type: "bool", default: false },
  { name: "template", type: "string", default: "" },
  { name: "validate", type: "string", default: "strict", noOptDefVal: "strict" },
];

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

function usage(ctx: cmd.CommandContext, msg: string): never {
  throw new cmd.CommandError(`error: ${msg}\nSee '${ctx.path} -h' for help and examples`);
}

/** parseTaint: `key=value:Effect`, `key:Effect` or `key` (the last only for removal). */
function parseTaint(ctx: cmd.CommandContext, spec: string): Taint {
  const parts = spec.split(":");
  if (parts.length > 2) usage(ctx, `invalid taint spec: ${spec}`);
  const effect = parts[1] ?? "";
  if (parts.length === 2 && !EFFECTS.includes(effect))
    usage(ctx, `invalid taint effect: ${effect}, unsupported taint effect`);
  const kv = (parts[0] ?? "").split("=");
  if (kv.length > 2) usage(ctx, `invalid taint spec: ${spec}`);
  const [key = "", value] = kv;
  if (value !== undefined) {
    const errs = isValidLabelValue(value);
    if (errs.length) usage(ctx, `invalid taint spec: ${spec}, ${errs.join("; ")}`);
  }
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) usage(ctx, `invalid taint spec: ${spec}, ${keyErrs.join("; ")}`);
  return { key, ...(value ? { value } : {}), effect };
}

/** Splits arguments into resources and taint changes as kubectl's Complete does. */
function split(ctx: cmd.CommandContext): { resources: string[]; add: Taint[]; remove: Taint[] } {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const s of ctx.args.positionals) {
    const isTaint = s.includes("=") || s.includes(":") || s.endsWith("-");
    if (isTaint) specs.push(s);
    else if (specs.length)
      throw new cmd.CommandError(`error: all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  if (resources.length < 1)
    throw new cmd.CommandError("error: one or more resources must be specified as <resource> <name>");
  if (specs.length < 1) throw new cmd.CommandError("error: at least one taint update is required");
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const s of specs) {
    if (s.endsWith("-")) {
      remove.push(parseTaint(ctx, s.slice(0, -1)));
      continue;
    }
    const t = parseTaint(ctx, s);
    if (!t.effect) usage(ctx, `invalid taint spec: ${s}`);
    if (add.some((x) => x.key === t.key && x.effect === t.effect))
      usage(
        ctx,
        `duplicated taints with the same key and effect: {${t.key} ${t.value ?? ""} ${t.effect} <nil>}`,
      );
    add.push(t);
  }
  return { resources, add, remove };
}

/** reorganizeTaints: new taints first, then the old ones not replaced, minus the removed ones. */
function update(
  node: KObject,
  add: Taint[],
  remove: Taint[],
  overwrite: boolean,
): { op: string; taints: Taint[] } {
  const old = (node.spec?.taints ?? []) as Taint[];
  if (!overwrite) {
    const exists = add
      .filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect))
      .map((t) => t.key);
    if (exists.length)
      throw new cmd.CommandError(
        `error: node ${node.metadata.name} already has ${exists.join(",")} taint(s) with same effect(s) and --overwrite is false`,
      );
  }
  const taints = [...add];
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  const added = old.length !== taints.length;
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    const kept = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    removed = kept.length !== before;
    if (!removed) throw new cmd.CommandError(`error: taint "${taintString(r)}" not found`);
    taints.splice(0, taints.length, ...kept);
  }
  const op = (added && removed) || overwrite ? "modified" : added ? "tainted" : "untainted";
  return { op, taints };
}

function run(ctx: cmd.CommandContext): number {
  const { resources, add, remove } = split(ctx);
  const info = lookupType(resources[0] ?? "");
  if (info.kind !== "Node")
    throw new cmd.CommandError(`error: invalid resource type ${resources[0]}, only node types are supported`);
  for (const a of add) {
    if (remove.some((r) => r.key === a.key && (!r.effect || r.effect === a.effect)))
      throw new cmd.CommandError(
        `error: can not both modify and remove the following taint(s) in the same command: ${remove.map((r) => `{"${r.key}":"${r.effect}"}`).join(", ")}`,
      );
  }
  const { store } = ctx.cluster;
  const selector = cmd.flagString(ctx, "selector");
  const all = cmd.flagBool(ctx, "all");
  if (all && selector)
    throw new cmd.CommandError("error: setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && resources.length < 2)
    throw new cmd.CommandError(
      "error: at least one resource name must be specified since 'all' parameter is not set",
    );
  let nodes: KObject[];
  if (all || selector) {
    const sel = selector ? parseSelector(selector) : undefined;
    nodes = store.list("nodes").filter((n) => !sel || matches(sel, n.metadata.labels));
  } else {
    nodes = resources.slice(1).map((name) => {
      const node = store.get("nodes", undefined, name);
      if (!node) throw new cmd.CommandError(`Error from server (NotFound): nodes "${name}" not found`);
      return node;
    });
  }
  for (const node of nodes) {
    const { op, taints } = update(node, add, remove, cmd.flagBool(ctx, "overwrite"));
    if (!dryRun(ctx)) {
      node.spec ??= {};
      if (taints.length) node.spec.taints = taints;
      else delete node.spec.taints;
      store.touch(node);
    }
    ctx.out.out(`node/${node.metadata.name} ${op}${dryRun(ctx) ? " (dry run)" : ""}`);
  }
  ctx.cluster.reconcile();
  return 0;
}

/** `kubectl taint nodes NODE key=value:NoSchedule` (and `key:NoSchedule-` to remove). */
export const taintCommand: cmd.Command = {
  name: "taint",
  summary: "Update the taints on one or more nodes",
  flags: FLAGS,
  run,
};
