// kubectl rollout status: watch a rollout to its end, fast-forwarding virtual time (rollout_status.go).

import type { KObject } from "../../api/types.ts";
import { getCondition } from "../../controllers/deployment-status.ts";
import { goDuration } from "../../util/time.ts";
import { type Command, type CommandContext, CommandError, flagInt } from "../command.ts";
import { groupKind, rolloutTargets } from "./rollout-common.ts";

/** How long Bosun watches a rollout that never ends when no --timeout is given (kubectl would wait forever). */
const WATCH_CAP_MS = 15 * 60_000;

/** A status viewer's answer: the line to print, whether the rollout is done, or an error. */
export interface RolloutStatus {
  message: string;
  done: boolean;
  error?: string;
}

const num = (v: unknown): number => (typeof v === "number" ? v : 0);

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(d: KObject, revision: number): RolloutStatus {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = Number(d.metadata.annotations?.["deployment.kubernetes.io/revision"] ?? 0);
    if (revision !== current)
      return {
        message: "",
        done: false,
        error: `desired revision (${revision}) is different from the running revision (${current})`,
      };
  }
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 1) > num(s.observedGeneration))
    return { message: "Waiting for deployment spec update to be observed...", done: false };
  if (getCondition(s, "Progressing")?.reason === "ProgressDeadlineExceeded")
    return { message: "", done: false, error: `deployment "${name}" exceeded its progress deadline` };
  const wait = (text: string) => ({
    message: `Waiting for deployment "${name}" rollout to finish: ${text}...`,
    done: false,
  });
  const desired = num(d.spec?.replicas);
  const updated = num(s.updatedReplicas);
  if (updated < desired) return wait(`${updated} out of ${desired} new replicas have been updated`);
  if (num(s.replicas) > updated)
    return wait(`${num(s.replicas) - updated} old replicas are pending termination`);
  if (num(s.availableReplicas) < updated)
    return wait(`${num(s.availableReplicas)} of ${updated} updated replicas are available`);
  return { message: `deployment "${name}" successfully rolled out`, done: true };
}

/** DaemonSetStatusViewer.Status. */
function daemonSetStatus(ds: KObject): RolloutStatus {
  if (ds.spec?.updateStrategy?.type !== "RollingUpdate")
    return {
      message: "",
      done: true,
      error: "rollout status is only available for RollingUpdate strategy type",
    };
  const s = ds.status ?? {};
  const name = ds.metadata.name;
  if ((ds.metadata.generation ?? 1) > num(s.observedGeneration))
    return { message: "Waiting for daemon set spec update to be observed...", done: false };
  const desired = num(s.desiredNumberScheduled);
  if (num(s.updatedNumberScheduled) < desired)
    return {
      message: `Waiting for daemon set "${name}" rollout to finish: ${num(s.updatedNumberScheduled)} out of ${desired} new pods have been updated...`,
      done: false,
    };
  if (num(s.numberAvailable) < desired)
    return {
      message: `Waiting for daemon set "${name}" rollout to finish: ${num(s.numberAvailable)} of ${desired} updated pods are available...`,
      done: false,
    };
  return { message: `daemon set "${name}" successfully rolled out`, done: true };
}

/** StatefulSetStatusViewer.Status. */
function statefulSetStatus(sts: KObject): RolloutStatus {
  const strategy = sts.spec?.updateStrategy;
  if ((strategy?.type ?? "RollingUpdate") !== "RollingUpdate")
    return {
      message: "",
      done: true,
      error: "rollout status is only available for RollingUpdate strategy type",
    };
  const s = sts.status ?? {};
  if (!num(s.observedGeneration) || (sts.metadata.generation ?? 1) > num(s.observedGeneration))
    return { message: "Waiting for statefulset spec update to be observed...", done: false };
  const replicas = num(sts.spec?.replicas ?? 1);
  if (num(s.readyReplicas) < replicas)
    return { message: `Waiting for ${replicas - num(s.readyReplicas)} pods to be ready...`, done: false };
  const partition = strategy?.rollingUpdate?.partition;
  if (strategy?.rollingUpdate) {
    if (typeof partition === "number" && num(s.updatedReplicas) < replicas - partition)
      return {
        message: `Waiting for partitioned roll out to finish: ${num(s.updatedReplicas)} out of ${replicas - partition} new pods have been updated...`,
        done: false,
      };
    return {
      message: `partitioned roll out complete: ${num(s.updatedReplicas)} new pods have been updated...`,
      done: true,
    };
  }
  if (s.updateRevision !== s.currentRevision)
    return {
      message: `waiting for statefulset rolling update to complete ${num(s.updatedReplicas)} pods at revision ${s.updateRevision}...`,
      done: false,
    };
  return {
    message: `statefulset rolling update complete ${num(s.currentReplicas)} pods at revision ${s.currentRevision}...`,
    done: true,
  };
}

function viewerFor(kind: string): ((obj: KObject, revision: number) => RolloutStatus) | undefined {
  if (kind === "Deployment") return deploymentStatus;
  if (kind === "DaemonSet") return daemonSetStatus;
  if (kind === "StatefulSet") return statefulSetStatus;
  return undefined;
}

function run(ctx: CommandContext): number {
  const args = ctx.args.positionals;
  if (args.length === 0) throw new CommandError("error: required resource not specified");
  const revision = flagInt(ctx, "revision") ?? 0;
  if (revision < 0) throw new CommandError(`error: revision must be a positive integer: ${revision}`);
  const targets = rolloutTargets(ctx, args);
  if (targets.length !== 1)
    throw new CommandError(
      `error: rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`,
    );
  const { info, obj } = targets[0] as (typeof targets)[number];
  const viewer = viewerFor(info.kind);
  if (!viewer) throw new CommandError(`error: no status viewer has been implemented for ${groupKind(info)}`);
  const { cluster } = ctx;
  const ns = obj.metadata.namespace;
  const watch = ctx.args.flags.watch !== false;
  const timeout = typeof ctx.args.flags.timeout === "number" ? ctx.args.flags.timeout : 0;
  let lastVersion = "";
  let result = "waiting" as "done" | "error" | "waiting";
  // Every version of the object the watch delivers is printed, as kubectl prints on each event.
  const check = (): boolean => {
    const current = cluster.store.get(info.resource, ns, obj.metadata.name);
    if (!current || current.metadata.uid !== obj.metadata.uid) {
      ctx.out.err("error: object has been deleted");
      result = "error";
      return true;
    }
    if (current.metadata.resourceVersion === lastVersion) return false;
    lastVersion = current.metadata.resourceVersion;
    const status = viewer(current, revision);
    if (status.error) {
      ctx.out.err(`error: ${status.error}`);
      result = "error";
      return true;
    }
    ctx.out.out(status.message);
    if (status.done) result = "done";
    return status.done || !watch;
  };
  const finished = cluster.advanceUntil(check, timeout > 0 ? timeout : WATCH_CAP_MS);
  if (finished) return result === "error" ? 1 : 0;
  if (timeout > 0) {
    ctx.out.err("error: timed out waiting for the condition");
    return 1;
  }
  ctx.out.err(
    `(Bosun stopped watching after ${goDuration(WATCH_CAP_MS)} of simulated time; a real kubectl would keep waiting until interrupted with Ctrl+C)`,
  );
  return 130;
}

export const rolloutStatusCommand: Command = {
  name: "status",
  summary: "Show the status of the rollout",
  flags: [
    { name: "filename", short: "f", type: "stringSlice", default: [] },
    { name: "kustomize", short: "k", type: "string", default: "" },
    { name: "recursive", short: "R", type: "bool", default: false },
    { name: "watch", short: "w", type: "bool", default: true },
    { name: "revision", type: "int", default: 0 },
    { name: "timeout", type: "duration", default: 0 },
    { name: "selector", short: "l", type: "string", default: "" },
  ],
  run,
};
