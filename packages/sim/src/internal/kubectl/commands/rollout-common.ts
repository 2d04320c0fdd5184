// What the rollout subcommands share: finding their objects and a deployment's ReplicaSets by revision.

import { qualifiedName, type ResourceInfo } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import { byCreation, revisionOf, templateKey } from "../../controllers/deployment-revision.ts";
import { type CommandContext, CommandError, flagString } from "../command.ts";
import { parseResourceArgs } from "../resource-args.ts";
import { matches, parseSelector } from "../selector.ts";

/** One object a rollout subcommand works on. */
export interface RolloutTarget {
  info: ResourceInfo;
  obj: KObject;
}

/**
 * ResourceTypeOrNameArgs(true, …): named objects, or all objects of a type (optionally selected
 * with -l). A missing name stops the command with the API's NotFound.
 */
export function rolloutTargets(ctx: CommandContext, args: string[]): RolloutTarget[] {
  if (args.length === 0) throw new CommandError("error: required resource not specified");
  const selText = typeof ctx.args.flags.selector === "string" ? flagString(ctx, "selector") : "";
  const out: RolloutTarget[] = [];
  for (const { info, names } of parseResourceArgs(args)) {
    const ns = info.namespaced ? ctx.namespace : undefined;
    if (names.length === 0) {
      const sel = selText ? parseSelector(selText) : undefined;
      for (const obj of ctx.cluster.store.list(info.resource, ns))
        if (!sel || matches(sel, obj.metadata.labels)) out.push({ info, obj });
      continue;
    }
    for (const name of names) {
      const obj = ctx.cluster.store.get(info.resource, ns, name);
      if (!obj)
        throw new CommandError(`Error from server (NotFound): ${qualifiedName(info)} "${name}" not found`);
      out.push({ info, obj });
    }
  }
  return out;
}

/** schema.GroupKind.String(): "Pod", "ReplicaSet.apps". */
export function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** The ReplicaSets a deployment controls, oldest first (as listed for history and undo). */
export function ownedReplicaSets(ctx: CommandContext, d: KObject): KObject[] {
  return ctx.cluster.store
    .list("replicasets", d.metadata.namespace)
    .filter((rs) =>
      rs.metadata.ownerReferences?.some((r) => r.controller === true && r.uid === d.metadata.uid),
    )
    .sort(byCreation);
}

/** The new ReplicaSet (same template, oldest first) and the others, as kubectl's GetAllReplicaSets splits them. */
export function splitReplicaSets(
  ctx: CommandContext,
  d: KObject,
): { newRS: KObject | undefined; all: KObject[] } {
  const owned = ownedReplicaSets(ctx, d);
  const key = templateKey(d);
  const newRS = owned.find((rs) => templateKey(rs) === key);
  return { newRS, all: [...owned.filter((rs) => rs !== newRS), ...(newRS ? [newRS] : [])] };
}

/** A ReplicaSet's revision when its annotation parses (Revision() without error). */
export function parsedRevision(rs: KObject): number | undefined {
  const v = rs.metadata.annotations?.["deployment.kubernetes.io/revision"];
  if (v === undefined) return 0;
  return /^\d+$/.test(v) ? revisionOf(rs) : undefined;
}
