// What kubectl set image/env/resources share: the resource builder, the pod spec of an object, patch-and-print.

import { ApiError } from "../../api/errors.ts";
import { updateObject } from "../../api/operations.ts";
import { kindPrefix, qualifiedName, type ResourceInfo } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import { toJson, toYaml } from "../../printers/output.ts";
import { type CommandContext, CommandError, flagBool, flagString } from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { parseResourceArgs } from "../resource-args.ts";
import { matches, parseSelector } from "../selector.ts";

/** One object the command works on. */
export interface Target {
  info: ResourceInfo;
  obj: KObject;
}

/** A container of a pod spec, loosely typed as manifests are. */
export type Container = Record<string, unknown> & { name?: string };

/** Flags every set subcommand has. */
export const SET_FLAGS: FlagSpec[] = [
  { name: "output", short: "o", type: "string", default: "" },
  { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged" },
  { name: "filename", short: "f", type: "stringSlice", default: [] },
  { name: "selector", short: "l", type: "string", default: "" },
  { name: "all", type: "bool", default: false },
  { name: "local", type: "bool", default: false },
  { name: "recursive", short: "R", type: "bool", default: false },
  { name: "field-manager", type: "string", default: "kubectl-set" },
  { name: "record", type: "bool", default: false },
  { name: "allow-missing-template-keys", type: "bool", default: true },
  { name: "show-managed-fields", type: "bool", default: false },
  { name: "template", type: "string", default: "" },
];

/** --dry-run as kubectl reads it ("unchanged" is the bare flag, meaning client). */
export function dryRunMode(ctx: CommandContext): "none" | "client" | "server" {
  const raw = flagString(ctx, "dry-run");
  const mode = raw === "unchanged" ? "client" : raw;
  if (mode === "none" || mode === "client" || mode === "server") return mode;
  throw new CommandError(`error: Invalid dry-run value (${raw}). Must be "none", "server", or "client".`);
}

/** Rejects output formats Bosun does not print, as kubectl's printer flags would reject unknown ones. */
export function checkOutput(ctx: CommandContext): string {
  const o = flagString(ctx, "output");
  if (o === "" || o === "name" || o === "yaml" || o === "json") return o;
  throw new CommandError(
    `error: unable to match a printer suitable for the output format "${o}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
  );
}

/**
 * The resource builder (ResourceTypeOrNameArgs with --all and -l): named objects, or every object of
 * a type that matches. A missing object stops the command with the API's NotFound.
 */
export function resolveTargets(ctx: CommandContext, resources: string[]): Target[] {
  const all = flagBool(ctx, "all");
  const selText = flagString(ctx, "selector");
  const out: Target[] = [];
  for (const { info, names } of parseResourceArgs(resources)) {
    const ns = info.namespaced ? ctx.namespace : undefined;
    if (names.length === 0) {
      if (!all && !selText)
        throw new CommandError("error: resource(s) were provided, but no name was specified");
      const sel = selText ? parseSelector(selText) : undefined;
      for (const obj of ctx.cluster.store.list(info.resource, ns))
        if (!sel || matches(sel, obj.metadata.labels)) out.push({ info, obj });
      continue;
    }
    if (selText) throw new CommandError("error: name cannot be provided when a selector is specified");
    for (const name of names) {
      const obj = ctx.cluster.store.get(info.resource, ns, name);
      if (!obj)
        throw new CommandError(`Error from server (NotFound): ${qualifiedName(info)} "${name}" not found`);
      out.push({ info, obj });
    }
  }
  return out;
}

/** UpdatePodSpecForObject's reach: the pod spec inside a pod, a workload template or a CronJob. */
export function podSpecOf(obj: KObject): Record<string, unknown> | undefined {
  switch (obj.kind) {
    case "Pod":
      return obj.spec;
    case "Deployment":
    case "ReplicaSet":
    case "ReplicationController":
    case "DaemonSet":
    case "StatefulSet":
    case "Job":
      return obj.spec?.template?.spec;
    case "CronJob":
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    default:
      return undefined;
  }
}

/** The error UpdatePodSpecForObject returns for other kinds, as `error: <type>/<name> …` prints it. */
export function noPodTemplate(t: Target): string {
  return `error: ${t.info.resource}/${t.obj.metadata.name} the object is not a pod or does not have a pod template: *${t.info.version}.${t.info.kind}`;
}

/** The containers (and init containers) whose names match a filepath.Match pattern ("*" by default). */
export function selectContainers(spec: Record<string, unknown>, pattern: string): Container[] {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
  const list = [
    ...((spec.containers as Container[] | undefined) ?? []),
    ...((spec.initContainers as Container[] | undefined) ?? []),
  ];
  return list.filter((c) => re.test(String(c.name ?? "")));
}

/**
 * Patch and print: nothing happens when the edit changed nothing (kubectl sends no empty patch);
 * otherwise the object is updated (unless a dry run) and printed as `deployment.apps/web <op>`.
 * Returns an error line when the API server refused the update.
 */
export function commit(
  ctx: CommandContext,
  t: Target,
  next: KObject,
  op: string,
  failure: string,
): string | undefined {
  if (JSON.stringify(next) === JSON.stringify(t.obj)) return undefined;
  const dryRun = dryRunMode(ctx);
  let shown = next;
  if (dryRun === "none") {
    try {
      shown = updateObject(ctx.cluster, t.info, next, t.obj);
    } catch (e) {
      if (e instanceof ApiError) return `${failure}: ${e.message.replace(/^The /, "")}`;
      throw e;
    }
  }
  const output = flagString(ctx, "output");
  if (output === "yaml") ctx.out.out(toYaml(shown));
  else if (output === "json") ctx.out.out(toJson(shown));
  else {
    const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
    ctx.out.out(`${kindPrefix(t.info)}/${t.obj.metadata.name}${output === "name" ? "" : ` ${op}`}${suffix}`);
  }
  return undefined;
}

/**
 * cmdutil.CheckErr over the aggregate of errors the command collected: one error alone (with
 * `error: ` added when missing), several one per line as MultipleErrors prints them.
 */
export function reportAll(ctx: CommandContext, errors: string[]): number {
  if (errors.length === 0) return 0;
  const only = errors.length === 1 ? (errors[0] as string) : undefined;
  if (only !== undefined) ctx.out.err(/^(error: |Error from server)/.test(only) ? only : `error: ${only}`);
  else for (const e of errors) ctx.out.err(e);
  return 1;
}
