// kubectl rollout pause, resume and restart: patches of spec.paused and the restartedAt annotation.

import { ApiError } from "../../api/errors.ts";
import { updateObject } from "../../api/operations.ts";
import { kindPrefix, qualifiedName } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import { isoSeconds } from "../../util/time.ts";
import type { Command, CommandContext } from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { type RolloutTarget, rolloutTargets } from "./rollout-common.ts";

/** An object edit: the changed copy, or an error message such as "is already paused". */
type Edit = (t: RolloutTarget, now: number) => KObject | string;

const pause: Edit = ({ info, obj }) => {
  if (info.kind !== "Deployment") return "pausing is not supported";
  if (obj.spec?.paused === true) return "is already paused";
  const next = structuredClone(obj);
  next.spec.paused = true;
  return next;
};

const resume: Edit = ({ info, obj }) => {
  if (info.kind !== "Deployment") return "resuming is not supported";
  if (obj.spec?.paused !== true) return "is not paused";
  const next = structuredClone(obj);
  delete next.spec.paused;
  return next;
};

/** The restartedAt template annotation, in RFC 3339 at the (virtual) time of the command. */
const restart: Edit = ({ info, obj }, now) => {
  if (!["Deployment", "DaemonSet", "StatefulSet"].includes(info.kind)) return "restarting is not supported";
  if (info.kind === "Deployment" && obj.spec?.paused === true)
    return "can't restart paused deployment (run rollout resume first)";
  const next = structuredClone(obj);
  next.spec.template.metadata = next.spec.template.metadata ?? {};
  const meta = next.spec.template.metadata;
  meta.annotations = { ...(meta.annotations ?? {}), "kubectl.kubernetes.io/restartedAt": isoSeconds(now) };
  return next;
};

/**
 * The shared Run of pause/resume/restart: each object is edited and patched; refusals are collected
 * as `error: deployments.apps "web" is already paused` and reported after the others are done.
 */
function runner(edit: Edit, done: string) {
  return (ctx: CommandContext): number => {
    const errors: string[] = [];
    for (const t of rolloutTargets(ctx, ctx.args.positionals)) {
      const next = edit(t, ctx.cluster.now);
      if (typeof next === "string") {
        errors.push(`error: ${qualifiedName(t.info)} "${t.obj.metadata.name}" ${next}`);
        continue;
      }
      try {
        updateObject(ctx.cluster, t.info, next, t.obj);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(`failed to patch: ${e.message.replace(/^The /, "")}`);
        continue;
      }
      ctx.out.out(`${kindPrefix(t.info)}/${t.obj.metadata.name} ${done}`);
    }
    ctx.cluster.reconcile();
    if (errors.length === 1) ctx.out.err(errors[0] as string);
    else for (const e of errors) ctx.out.err(e);
    return errors.length ? 1 : 0;
  };
}

const FLAGS: FlagSpec[] = [
  { name: "filename", short: "f", type: "stringSlice", default: [] },
  { name: "kustomize", short: "k", type: "string", default: "" },
  { name: "recursive", short: "R", type: "bool", default: false },
  { name: "output", short: "o", type: "string", default: "" },
  { name: "field-manager", type: "string", default: "kubectl-rollout" },
  { name: "selector", short: "l", type: "string", default: "" },
];

export const rolloutPauseCommand: Command = {
  name: "pause",
  summary: "Mark the provided resource as paused",
  flags: [...FLAGS],
  run: runner(pause, "paused"),
};

export const rolloutResumeCommand: Command = {
  name: "resume",
  summary: "Resume a paused resource",
  flags: [...FLAGS],
  run: runner(resume, "resumed"),
};

export const rolloutRestartCommand: Command = {
  name: "restart",
  summary: "Restart a resource",
  flags: [...FLAGS],
  run: runner(restart, "restarted"),
};
