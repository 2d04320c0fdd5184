// kubectl scale: set the replica count of deployments and replica sets.

import { updateObject } from "../../api/operations.ts";
import { kindPrefix, qualifiedName } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import {
  type Command,
  type CommandContext,
  CommandError,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  flagBool,
  flagInt,
  flagString,
  OUTPUT_FLAG,
  requireFlags,
  SELECTOR_FLAG,
} from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { parseResourceArgs } from "../resource-args.ts";
import { matches, parseSelector } from "../selector.ts";

const SCALABLE = new Set(["deployments", "replicasets", "statefulsets", "replicationcontrollers"]);

const FLAGS: FlagSpec[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  SELECTOR_FLAG,
  FILENAME_FLAG,
  { name: "replicas", type: "int", default: -1 },
  { name: "current-replicas", type: "int", default: -1 },
  { name: "resource-version", type: "string", default: "" },
  { name: "all", type: "bool", default: false },
  { name: "timeout", type: "duration", default: 0 },
  { name: "recursive", short: "R", type: "bool", default: false },
  { name: "show-managed-fields", type: "bool", default: false },
];

function run(ctx: CommandContext): number {
  const { cluster } = ctx;
  const replicas = flagInt(ctx, "replicas") ?? -1;
  requireFlags(ctx, "replicas");
  if (replicas < 0)
    throw new CommandError(
      "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
    );
  const refs = parseResourceArgs(ctx.args.positionals);
  if (refs.length === 0) {
    throw new CommandError(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const current = flagInt(ctx, "current-replicas") ?? -1;
  let failed = false;
  for (const ref of refs) {
    let objs: KObject[] = [];
    if (ref.names.length === 0) {
      const selText = flagString(ctx, "selector");
      if (!selText && !flagBool(ctx, "all"))
        throw new CommandError("error: resource(s) were provided, but no name was specified");
      objs = cluster.store.list(ref.info.resource, ctx.namespace);
      if (selText) {
        const sel = parseSelector(selText);
        objs = objs.filter((o) => matches(sel, o.metadata.labels));
      }
    } else {
      for (const name of ref.names) {
        const o = cluster.store.get(ref.info.resource, ctx.namespace, name);
        if (o) objs.push(o);
        else {
          ctx.out.err(`Error from server (NotFound): ${qualifiedName(ref.info)} "${name}" not found`);
          failed = true;
        }
      }
    }
    for (const o of objs) {
      if (!SCALABLE.has(ref.info.resource)) {
        ctx.out.err(
          `error: no objects passed to scale ${qualifiedName(ref.info)} "${o.metadata.name}" is not scalable`,
        );
        failed = true;
        continue;
      }
      if (current >= 0 && (o.spec?.replicas ?? 1) !== current) {
        ctx.out.err(`error: Expected replicas to be ${current}, was ${o.spec?.replicas ?? 1}`);
        failed = true;
        continue;
      }
      if (flagString(ctx, "dry-run") === "none") {
        // Only replicas change: the new version shares the (never edited in place) pod template.
        const next = { ...o, metadata: { ...o.metadata }, spec: { ...o.spec, replicas } } as typeof o;
        updateObject(cluster, ref.info, next, o);
      }
      ctx.out.out(
        `${kindPrefix(ref.info)}/${o.metadata.name} scaled${flagString(ctx, "dry-run") === "none" ? "" : " (dry run)"}`,
      );
    }
  }
  cluster.reconcile();
  return failed ? 1 : 0;
}

export const scaleCommand: Command = {
  name: "scale",
  summary: "Set a new size for a deployment, replica set, or replication controller",
  flags: FLAGS,
  run,
};
