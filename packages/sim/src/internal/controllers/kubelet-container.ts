// One container's life on the kubelet: pull, configure, create, start, run, exit, back off, restart.

import type { ContainerRuntime } from "../api/state.ts";
import type { KObject } from "../api/types.ts";
import { pullErrorEventMessage, pullErrorStatusMessage, resolveImage } from "../data/images.ts";
import type { ControllerContext } from "./context.ts";
import { type ContainerSpec, resolveEnv } from "./kubelet-env.ts";
import { planProcess } from "./process.ts";
import type { Timings } from "./timings.ts";

export interface ContainerCtx {
  ctx: ControllerContext;
  pod: KObject;
  spec: ContainerSpec & { imagePullPolicy?: string };
  rt: ContainerRuntime;
  node: string;
  t: Timings;
  /** Init containers run to completion and restart only on failure (unless restartPolicy Never). */
  init: boolean;
  fieldPath: string;
}

function hex64(cc: ContainerCtx): string {
  let s = "";
  for (let i = 0; i < 8; i++)
    s += cc.ctx.store.rng
      .int(2 ** 32)
      .toString(16)
      .padStart(8, "0");
  return s;
}

function event(cc: ContainerCtx, type: "Normal" | "Warning", reason: string, message: string): void {
  cc.ctx.store.event(cc.pod, type, reason, message, "kubelet", { fieldPath: cc.fieldPath, host: cc.node });
}

function seconds(ms: number): string {
  const s = (ms / 1000).toFixed(3).replace(/\.?0+$/, "");
  return `${s}s`;
}

/** Whether the image is already on the node. */
function cached(cc: ContainerCtx, ref: string): boolean {
  return cc.ctx.store.state.images[cc.node]?.includes(ref) ?? false;
}

function remember(cc: ContainerCtx, ref: string): void {
  const list = cc.ctx.store.state.images[cc.node] ?? [];
  if (!list.includes(ref)) list.push(ref);
  cc.ctx.store.state.images[cc.node] = list;
}

/** The process plan for the container as configured now. */
export function containerPlan(cc: Pick<ContainerCtx, "ctx" | "pod" | "spec">) {
  const res = resolveImage(cc.spec.image);
  if (!res.ok) return undefined;
  const env = resolveEnv(cc.ctx.store, cc.pod, cc.spec);
  const mounts = ((cc.spec.volumeMounts ?? []) as { mountPath: string }[]).map((m) => m.mountPath);
  return planProcess(res.image, cc.spec.command, cc.spec.args, "env" in env ? env.env : {}, mounts);
}

/** Runs every step that is due; returns true when anything changed. */
export function stepContainer(cc: ContainerCtx): boolean {
  const { rt, spec } = cc;
  const now = cc.ctx.store.now;
  let changed = false;
  for (let guard = 0; guard < 20 && rt.at <= now && rt.step !== "running" && rt.step !== "done"; guard++) {
    changed = true;
    const at = rt.at;
    switch (rt.step) {
      case "pull": {
        const res = resolveImage(spec.image, { nodeOS: "linux" });
        const policy = spec.imagePullPolicy ?? "IfNotPresent";
        if (res.ok && cached(cc, res.image.ref) && policy !== "Always") {
          event(cc, "Normal", "Pulled", `Container image "${spec.image}" already present on machine`);
          rt.step = "config";
        } else if (policy === "Never") {
          rt.waiting = "ErrImageNeverPull";
          rt.message = `Container image "${spec.image}" is not present with pull policy of Never`;
          event(cc, "Warning", "ErrImageNeverPull", rt.message);
          rt.step = "pull";
          rt.at = at + cc.t.configRetry();
          continue;
        } else {
          event(cc, "Normal", "Pulling", `Pulling image "${spec.image}"`);
          rt.pullStart = at;
          if (res.ok) {
            rt.step = "pulled";
            rt.at = at + (cached(cc, res.image.ref) ? cc.t.cachedPull() : cc.t.pull(res.image.sizeBytes));
          } else {
            rt.step = "pullFailed";
            rt.at = at + cc.t.pullFailure();
          }
          continue;
        }
        break;
      }
      case "pulled": {
        const res = resolveImage(spec.image, { nodeOS: "linux" });
        if (res.ok) {
          const took = seconds(at - (rt.pullStart ?? at));
          event(
            cc,
            "Normal",
            "Pulled",
            `Successfully pulled image "${spec.image}" in ${took} (${took} including waiting). Image size: ${res.image.sizeBytes} bytes.`,
          );
          remember(cc, res.image.ref);
        }
        rt.pullFailures = 0;
        rt.step = "config";
        break;
      }
      case "pullFailed": {
        const res = resolveImage(spec.image, { nodeOS: "linux" });
        const msg = pullErrorEventMessage(spec.image, res);
        const invalid = !res.ok && res.reason === "InvalidImageName";
        event(cc, "Warning", invalid ? "InspectFailed" : "Failed", msg);
        rt.waiting = invalid ? "InvalidImageName" : "ErrImagePull";
        rt.message = res.ok ? "" : invalid ? msg : pullErrorStatusMessage(res);
        event(cc, "Warning", "Failed", `Error: ${rt.waiting}`);
        rt.pullFailures += 1;
        rt.step = "pullBackoff";
        rt.at = at + Math.min(2000, cc.t.pullBackoff(rt.pullFailures));
        continue;
      }
      case "pullBackoff": {
        if (rt.waiting !== "ImagePullBackOff") {
          rt.waiting = "ImagePullBackOff";
          rt.message = `Back-off pulling image "${spec.image}"`;
          event(cc, "Normal", "BackOff", `Back-off pulling image "${spec.image}"`);
          event(cc, "Warning", "Failed", "Error: ImagePullBackOff");
          rt.at = (rt.pullStart ?? at) + cc.t.pullBackoff(rt.pullFailures);
          if (rt.at <= at) rt.at = at + 1000;
          continue;
        }
        rt.step = "pull";
        break;
      }
      case "config": {
        const env = resolveEnv(cc.ctx.store, cc.pod, spec);
        if ("error" in env) {
          rt.waiting = "CreateContainerConfigError";
          rt.message = env.error;
          event(cc, "Warning", "Failed", `Error: ${env.error}`);
          rt.step = "pull";
          rt.at = at + cc.t.configRetry();
          continue;
        }
        rt.step = "create";
        rt.at = at + cc.t.create();
        continue;
      }
      case "create": {
        if (rt.id !== undefined) rt.restarts += 1;
        rt.id = hex64(cc);
        event(cc, "Normal", "Created", `Created container: ${spec.name}`);
        rt.step = "start";
        rt.at = at + cc.t.start();
        continue;
      }
      case "start": {
        event(cc, "Normal", "Started", `Started container ${spec.name}`);
        delete rt.waiting;
        delete rt.message;
        rt.startedAt = at;
        rt.readyAt = at + cc.t.readiness();
        const plan = containerPlan(cc);
        if (plan?.runsFor !== undefined) {
          rt.step = "exit";
          rt.at = at + plan.runsFor;
        } else {
          rt.step = "running";
          rt.at = Number.POSITIVE_INFINITY;
        }
        continue;
      }
      case "exit": {
        const plan = containerPlan(cc);
        const code = plan?.exitCode ?? 0;
        const start = rt.startedAt ?? at;
        rt.last = { code, start, end: at, reason: code === 0 ? "Completed" : "Error" };
        delete rt.startedAt;
        delete rt.readyAt;
        const policy = (cc.pod.spec?.restartPolicy as string | undefined) ?? "Always";
        const restart = cc.init
          ? code !== 0 && policy !== "Never"
          : policy === "Always" || (policy === "OnFailure" && code !== 0);
        if (!restart) {
          rt.step = "done";
          rt.at = Number.POSITIVE_INFINITY;
          break;
        }
        rt.crashes = at - start > cc.t.crashResetAfter() ? 1 : rt.crashes + 1;
        rt.step = "crashBackoff";
        rt.at = at + cc.t.crashBackoff(rt.crashes);
        if (rt.crashes > 1) {
          rt.waiting = "CrashLoopBackOff";
          rt.message = `back-off ${Math.round((rt.at - at) / 1000)}s restarting failed container=${spec.name} pod=${cc.pod.metadata.name}_${cc.pod.metadata.namespace}(${cc.pod.metadata.uid})`;
          event(
            cc,
            "Warning",
            "BackOff",
            `Back-off restarting failed container ${spec.name} in pod ${cc.pod.metadata.name}_${cc.pod.metadata.namespace}(${cc.pod.metadata.uid})`,
          );
        }
        continue;
      }
      case "crashBackoff": {
        rt.step = "pull";
        break;
      }
    }
    rt.at = at;
  }
  return changed;
}

/** Starts a container's life at `at`. */
export function newContainerRuntime(at: number): ContainerRuntime {
  return { step: "pull", at, restarts: 0, pullFailures: 0, crashes: 0, waiting: "ContainerCreating" };
}
