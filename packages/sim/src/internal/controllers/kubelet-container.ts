// One container's life on the kubelet: pull, configure, create, start, run, exit, back off, restart.

import type { ContainerRuntime } from "../api/state.ts";
import type { KObject } from "../api/types.ts";
import { pullErrorEventMessage, pullErrorStatusMessage, resolveImage } from "../data/images.ts";
import { memBytes } from "../util/quantity.ts";
import type { ControllerContext } from "./context.ts";
import { type ContainerSpec, resolveEnv } from "./kubelet-env.ts";
import { afterExit, retryAfterBackOff } from "./kubelet-restart.ts";
import { startProbes } from "./probes.ts";
import { type ProcessPlan, planProcess } from "./process.ts";
import type { Timings } from "./timings.ts";

export interface ContainerCtx {
  ctx: ControllerContext;
  pod: KObject;
  spec: ContainerSpec & {
    imagePullPolicy?: string;
    resources?: { limits?: { memory?: unknown } };
  };
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

/** Go's time.Duration.String() for a pull time: 512 → "512ms", 3593 → "3.593s". */
function seconds(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
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
export function containerPlan(cc: Pick<ContainerCtx, "ctx" | "pod" | "spec">): ProcessPlan | undefined {
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
            // A cached image pulled again (imagePullPolicy Always) costs only the registry round trips.
            rt.at = at + (cached(cc, res.image.ref) ? cc.t.pullFailure() : cc.t.pull(res.image.sizeBytes));
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
        startProbes(cc, at);
        const plan = containerPlan(cc);
        const limit = memBytes(spec.resources?.limits?.memory);
        if (plan && limit > 0 && plan.memoryBytes > limit) {
          // The kernel's OOM killer ends it as soon as it outgrows the cgroup: SIGKILL, 128 + 9.
          rt.kill = { code: 137, reason: "OOMKilled" };
          rt.step = "exit";
          rt.at = at + cc.t.oomKill();
        } else if (plan?.runsFor !== undefined) {
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
        const code = rt.kill?.code ?? plan?.exitCode ?? 0;
        const reason = rt.kill?.reason ?? (code === 0 ? "Completed" : "Error");
        const killed = rt.kill !== undefined && rt.kill.reason !== "OOMKilled";
        const previous = rt.last?.end;
        rt.last = { code, start: rt.startedAt ?? at, end: at, reason };
        delete rt.startedAt;
        delete rt.readyAt;
        delete rt.kill;
        delete rt.probes;
        afterExit(cc, at, code, killed, previous);
        continue;
      }
      case "crashBackoff": {
        retryAfterBackOff(cc, at);
        continue;
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
