// kubectl rollout history and undo for Deployments: revisions are the ReplicaSets (history.go, rollback.go).

import { ApiError } from "../../api/errors.ts";
import { updateObject } from "../../api/operations.ts";
import { kindPrefix } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import {
  CHANGE_CAUSE,
  HASH_LABEL,
  SKIP_ANNOTATIONS,
  templateWithoutHash,
} from "../../controllers/deployment-revision.ts";
import { describePodTemplate } from "../../printers/describe/volumes.ts";
import { PrefixWriter } from "../../printers/describe/writer.ts";
import { DESCRIBE_TABWRITER, tabwrite } from "../../printers/tabwriter.ts";
import { canonicalJson } from "../../util/canonical.ts";
import { type Command, type CommandContext, CommandError, flagInt, flagString } from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import {
  groupKind,
  parsedRevision,
  type RolloutTarget,
  rolloutTargets,
  splitReplicaSets,
} from "./rollout-common.ts";

/** printTemplate: DescribePodTemplate into a plain buffer, so its tabs stay tabs. */
export function printTemplate(template: unknown): string {
  const w = new PrefixWriter();
  describePodTemplate(template, w);
  return w.raw();
}

/** DeploymentHistoryViewer.ViewHistory: the revision table, or one revision's pod template. */
export function viewHistory(ctx: CommandContext, d: KObject, revision: number): string {
  const info = new Map<number, KObject["spec"]>();
  for (const rs of splitReplicaSets(ctx, d).all) {
    const v = parsedRevision(rs);
    if (v === undefined) continue;
    const template = structuredClone(rs.spec?.template ?? {});
    template.metadata = template.metadata ?? {};
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    if (cause)
      template.metadata.annotations = { ...(template.metadata.annotations ?? {}), [CHANGE_CAUSE]: cause };
    info.set(v, template);
  }
  if (info.size === 0) return "No rollout history found.";
  if (revision > 0) {
    const template = info.get(revision);
    if (!template) throw new CommandError("error: unable to find the specified revision");
    return printTemplate(template);
  }
  let table = "REVISION\tCHANGE-CAUSE\n";
  for (const r of [...info.keys()].sort((a, b) => a - b)) {
    table += `${r}\t${info.get(r)?.metadata?.annotations?.[CHANGE_CAUSE] || "<none>"}\n`;
  }
  return tabwrite(table, DESCRIBE_TABWRITER);
}

function unsupported(t: RolloutTarget, what: string): CommandError {
  if (t.info.kind === "DaemonSet" || t.info.kind === "StatefulSet")
    return new CommandError(
      `error: Bosun does not simulate ${what} for ${t.info.resource} yet (their revisions are ControllerRevisions)`,
    );
  return new CommandError(
    `error: no ${what === "rollout history" ? "history viewer" : "rollbacker"} has been implemented for "${groupKind(t.info)}"`,
  );
}

function runHistory(ctx: CommandContext): number {
  const revision = flagInt(ctx, "revision") ?? 0;
  if (ctx.args.positionals.length === 0) throw new CommandError("error: required resource not specified");
  if (revision < 0) throw new CommandError(`error: revision must be a positive integer: ${revision}`);
  for (const t of rolloutTargets(ctx, ctx.args.positionals)) {
    if (t.info.kind !== "Deployment") throw unsupported(t, "rollout history");
    const text = viewHistory(ctx, t.obj, revision);
    const head = revision > 0 ? `with revision #${revision}` : "";
    ctx.out.out(`${kindPrefix(t.info)}/${t.obj.metadata.name} ${head}\n${text}\n`);
  }
  return 0;
}

/** deploymentRevision: the ReplicaSet of `toRevision`, or of the previous revision when 0. */
function revisionReplicaSet(ctx: CommandContext, d: KObject, toRevision: number): KObject {
  let latest: [number, KObject | undefined] = [-1, undefined];
  let previous: [number, KObject | undefined] = [-1, undefined];
  for (const rs of splitReplicaSets(ctx, d).all) {
    const v = parsedRevision(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latest[0] < v) {
        previous = latest;
        latest = [v, rs];
      } else if (previous[0] < v) previous = [v, rs];
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0)
    throw new CommandError(`error: unable to find specified revision ${toRevision} in history`);
  if (!previous[1])
    throw new CommandError(`error: no rollout history found for deployment "${d.metadata.name}"`);
  return previous[1];
}

/** DeploymentRollbacker.Rollback: copies the revision's template (minus the hash label) back into the Deployment. */
function rollback(ctx: CommandContext, t: RolloutTarget, toRevision: number, dryRun: string): string {
  const d = t.obj;
  const rs = revisionReplicaSet(ctx, d, toRevision);
  if (dryRun === "client") return printTemplate(rs.spec?.template);
  if (d.spec?.paused === true)
    throw new CommandError(
      `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again`,
    );
  if (
    canonicalJson(templateWithoutHash(rs.spec?.template)) ===
    canonicalJson(templateWithoutHash(d.spec?.template))
  )
    return `skipped rollback (current template already matches revision ${toRevision})`;
  const template = structuredClone(rs.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
    if (SKIP_ANNOTATIONS.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
    if (!SKIP_ANNOTATIONS.has(k)) annotations[k] = v;
  const next: KObject = structuredClone(d);
  next.spec.template = template;
  next.metadata.annotations = annotations;
  if (dryRun === "none") {
    try {
      updateObject(ctx.cluster, t.info, next, d);
    } catch (e) {
      if (e instanceof ApiError)
        throw new CommandError(
          `error: failed restoring revision ${toRevision}: ${e.message.replace(/^The /, "")}`,
        );
      throw e;
    }
  }
  return "rolled back";
}

function runUndo(ctx: CommandContext): number {
  if (ctx.args.positionals.length === 0) throw new CommandError("error: required resource not specified");
  const raw = flagString(ctx, "dry-run");
  const dryRun = raw === "unchanged" ? "client" : raw;
  if (!["none", "client", "server"].includes(dryRun))
    throw new CommandError(`error: Invalid dry-run value (${raw}). Must be "none", "server", or "client".`);
  const toRevision = flagInt(ctx, "to-revision") ?? 0;
  for (const t of rolloutTargets(ctx, ctx.args.positionals)) {
    if (t.info.kind !== "Deployment") throw unsupported(t, "rollout undo");
    if (toRevision < 0)
      throw new CommandError(`error: unable to find specified revision ${toRevision} in history`);
    const result = rollback(ctx, t, toRevision, dryRun);
    const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
    ctx.out.out(`${kindPrefix(t.info)}/${t.obj.metadata.name} ${result}${suffix}`);
  }
  ctx.cluster.reconcile();
  return 0;
}

const FILE_FLAGS: FlagSpec[] = [
  { name: "filename", short: "f", type: "stringSlice", default: [] },
  { name: "kustomize", short: "k", type: "string", default: "" },
  { name: "recursive", short: "R", type: "bool", default: false },
  { name: "output", short: "o", type: "string", default: "" },
  { name: "allow-missing-template-keys", type: "bool", default: true },
  { name: "show-managed-fields", type: "bool", default: false },
  { name: "template", type: "string", default: "" },
];

export const rolloutHistoryCommand: Command = {
  name: "history",
  summary: "View rollout history",
  flags: [...FILE_FLAGS, { name: "revision", type: "int", default: 0 }],
  run: runHistory,
};

export const rolloutUndoCommand: Command = {
  name: "undo",
  summary: "Undo a previous rollout",
  flags: [
    ...FILE_FLAGS,
    { name: "to-revision", type: "int", default: 0 },
    { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged" },
    { name: "selector", short: "l", type: "string", default: "" },
  ],
  run: runUndo,
};
