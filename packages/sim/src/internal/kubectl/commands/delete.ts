// kubectl delete: by name, -f, -l or --all; waits for the objects to be gone, as kubectl does by default.

import { resolveKind } from "../../api/admission.ts";
import { ApiError } from "../../api/errors.ts";
import { deleteObject } from "../../api/operations.ts";
import { kindPrefix, qualifiedName, type ResourceInfo } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import {
  ALL_NS_FLAG,
  type Command,
  type CommandContext,
  CommandError,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  flagBool,
  flagInt,
  flagList,
  flagString,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
} from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { parseResourceArgs } from "../resource-args.ts";
import { matches, parseSelector } from "../selector.ts";
import { manifestNamespace, readManifests } from "./apply.ts";

const FLAGS: FlagSpec[] = [
  FILENAME_FLAG,
  SELECTOR_FLAG,
  ALL_NS_FLAG,
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: "all", type: "bool", default: false },
  { name: "force", type: "bool", default: false },
  { name: "grace-period", type: "int", default: -1 },
  { name: "now", type: "bool", default: false },
  { name: "wait", type: "bool", default: true },
  { name: "cascade", type: "string", default: "background", noOptDefVal: "background" },
  { name: "ignore-not-found", type: "bool", default: false },
  { name: "timeout", type: "duration", default: 0 },
  { name: "field-selector", type: "string", default: "" },
  { name: "recursive", short: "R", type: "bool", default: false },
  { name: "interactive", short: "i", type: "bool", default: false },
  { name: "raw", type: "string", default: "" },
  { name: "kustomize", short: "k", type: "string", default: "" },
];

const PROTECTED_NAMESPACES = new Set(["default", "kube-system", "kube-public"]);

interface Target {
  info: ResourceInfo;
  obj: KObject;
}

function graceFor(ctx: CommandContext): number | undefined {
  const grace = flagInt(ctx, "grace-period") ?? -1;
  if (flagBool(ctx, "now")) return 1;
  if (grace >= 0) {
    if (grace === 0 && !flagBool(ctx, "force")) return 1;
    return grace;
  }
  return undefined;
}

function run(ctx: CommandContext): number {
  const { cluster } = ctx;
  const targets: Target[] = [];
  let failed = false;
  const ns = flagBool(ctx, "all-namespaces") ? undefined : ctx.namespace;
  if (flagList(ctx, "filename").length) {
    for (const m of readManifests(ctx)) {
      const info = resolveKind(m);
      const mns = info.namespaced ? manifestNamespace(ctx, m) : undefined;
      const name = String(m.metadata?.name ?? "");
      const obj = cluster.store.get(info.resource, mns, name);
      if (obj) targets.push({ info, obj });
      else if (!flagBool(ctx, "ignore-not-found")) {
        ctx.out.err(
          `Error from server (NotFound): error when deleting "STDIN": ${qualifiedName(info)} "${name}" not found`,
        );
        failed = true;
      }
    }
  } else {
    const positionals = ctx.args.positionals;
    if (positionals.length === 0) {
      throw new CommandError(
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    const refs = parseResourceArgs(positionals);
    const selText = flagString(ctx, "selector");
    const all = flagBool(ctx, "all");
    for (const ref of refs) {
      if (!ref.info.simulated)
        throw new CommandError(
          `error: ${qualifiedName(ref.info)} are not supported yet in Bosun's simulated cluster`,
        );
      const scope = ref.info.namespaced ? ns : undefined;
      if (ref.names.length === 0) {
        if (!selText && !all)
          throw new CommandError("error: resource(s) were provided, but no name was specified");
        let objs = cluster.store.list(ref.info.resource, scope);
        if (selText) {
          const sel = parseSelector(selText);
          objs = objs.filter((o) => matches(sel, o.metadata.labels));
        }
        if (ref.info.resource === "services")
          objs = objs.filter(
            (o) => !(o.metadata.name === "kubernetes" && o.metadata.namespace === "default") || !all,
          );
        for (const obj of objs) targets.push({ info: ref.info, obj });
        continue;
      }
      for (const name of ref.names) {
        const obj = cluster.store.get(
          ref.info.resource,
          ref.info.namespaced ? ctx.namespace : undefined,
          name,
        );
        if (obj) targets.push({ info: ref.info, obj });
        else if (!flagBool(ctx, "ignore-not-found")) {
          ctx.out.err(`Error from server (NotFound): ${qualifiedName(ref.info)} "${name}" not found`);
          failed = true;
        }
      }
    }
    if (targets.length === 0 && !failed) {
      ctx.out.err(
        ns && refs.some((r) => r.info.namespaced)
          ? `No resources found in ${ns} namespace.`
          : "No resources found",
      );
      return 0;
    }
  }
  const dryRun = flagString(ctx, "dry-run") !== "none";
  const force = flagBool(ctx, "force") && flagInt(ctx, "grace-period") === 0;
  if (force) {
    ctx.out.err(
      "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.",
    );
  }
  const grace = force ? 0 : graceFor(ctx);
  const cascade = flagString(ctx, "cascade");
  const output = flagString(ctx, "output");
  for (const { info, obj } of targets) {
    if (info.resource === "namespaces" && PROTECTED_NAMESPACES.has(obj.metadata.name)) {
      ctx.out.err(
        `Error from server (Forbidden): namespaces "${obj.metadata.name}" is forbidden: this namespace may not be deleted`,
      );
      failed = true;
      continue;
    }
    try {
      if (!dryRun)
        deleteObject(cluster, info, obj, {
          ...(grace !== undefined ? { grace } : {}),
          orphan: cascade === "orphan",
        });
    } catch (e) {
      if (e instanceof ApiError) {
        ctx.out.err(`Error from server (${e.code}): ${e.message}`);
        failed = true;
        continue;
      }
      throw e;
    }
    const shown = `${kindPrefix(info)}/${obj.metadata.name}`;
    if (output === "name") ctx.out.out(shown);
    else
      ctx.out.out(
        `${info.kind === "Pod" || info.group === "" ? info.kind.toLowerCase() : kindPrefix(info)} "${obj.metadata.name}" ${force ? "force deleted" : "deleted"}${dryRun ? " (dry run)" : ""}`,
      );
  }
  cluster.reconcile();
  if (!dryRun && flagBool(ctx, "wait") && !force) {
    // kubectl waits until every deleted object is really gone (pods finish terminating, namespaces empty).
    const gone = () =>
      targets.every(
        ({ info, obj }) =>
          cluster.store.get(info.resource, obj.metadata.namespace, obj.metadata.name)?.metadata.uid !==
          obj.metadata.uid,
      );
    cluster.advanceUntil(gone, 10 * 60 * 1000);
  }
  return failed ? 1 : 0;
}

export const deleteCommand: Command = {
  name: "delete",
  summary: "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  flags: FLAGS,
  run,
};
