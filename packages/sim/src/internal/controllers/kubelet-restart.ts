// Container exits and restarts on the kubelet: restart policy, the crash-loop back-off, kills.

import { goDuration } from "../util/time.ts";
import type { ContainerCtx } from "./kubelet-container.ts";

/** Whether a container that ended with `code` is started again, by the pod's restartPolicy. */
export function shouldRestart(cc: ContainerCtx, code: number): boolean {
  const policy = (cc.pod.spec?.restartPolicy as string | undefined) ?? "Always";
  if (cc.init) return code !== 0 && policy !== "Never";
  return policy === "Always" || (policy === "OnFailure" && code !== 0);
}

/**
 * flowcontrol.Backoff.IsInBackOffSince: the kubelet holds a restart while less than the current
 * back-off has passed since the last exited instance finished. An entry is forgotten (expired)
 * once that instance ran more than 2 × max after the last restart. Worked example, realistic:
 * delay 20 s, last exit at 09:01:00 → restarts refused until 09:01:20.
 */
export function inBackOff(cc: ContainerCtx, exitedAt: number, now: number): boolean {
  const b = cc.rt.backoff;
  if (!b) return false;
  if (exitedAt - b.updated > 2 * cc.t.crashLoop().max) return false;
  return now - exitedAt < b.delay;
}

/**
 * flowcontrol.Backoff.Next, called as a container restarts: the first delay is `initial`, each
 * later one doubles up to `max`. Worked example, realistic: 10 s, 20 s, 40 s, 80 s, 160 s, 300 s.
 */
function nextBackOff(cc: ContainerCtx, exitedAt: number, now: number): void {
  const { initial, max } = cc.t.crashLoop();
  const b = cc.rt.backoff;
  const fresh = !b || exitedAt - b.updated > 2 * max;
  cc.rt.backoff = { delay: fresh ? initial : Math.min(b.delay * 2, max), updated: now };
}

function event(cc: ContainerCtx, type: "Normal" | "Warning", reason: string, message: string): void {
  cc.ctx.store.event(cc.pod, type, reason, message, "kubelet", { fieldPath: cc.fieldPath, host: cc.node });
}

/** Shows CrashLoopBackOff and records the kubelet's BackOff event; retried at the next pod sync. */
function backOff(cc: ContainerCtx, at: number): void {
  const { rt, spec, pod } = cc;
  const who = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
  rt.waiting = "CrashLoopBackOff";
  rt.message = `back-off ${goDuration(rt.backoff?.delay ?? 0)} restarting failed container=${spec.name} pod=${who}`;
  event(cc, "Warning", "BackOff", `Back-off restarting failed container ${spec.name} in pod ${who}`);
  rt.step = "crashBackoff";
  rt.at = at + cc.t.resync();
}

/**
 * A container stopped at `at` (on its own, OOM-killed, or killed after a failed probe). `previous`
 * is the instance that exited before it: a kill restarts in the same sync, so the back-off check
 * sees that one (the killed container was still running when the sync looked), as the kubelet's
 * doBackOff does. Returns false when the container stays stopped.
 */
export function afterExit(
  cc: ContainerCtx,
  at: number,
  code: number,
  killed: boolean,
  previous?: number,
): boolean {
  const { rt } = cc;
  // A kill after a failed probe restarts unless restartPolicy is Never, whatever the exit code.
  const never = ((cc.pod.spec?.restartPolicy as string | undefined) ?? "Always") === "Never";
  if (killed ? never : !shouldRestart(cc, code)) {
    rt.step = "done";
    rt.at = Number.POSITIVE_INFINITY;
    return false;
  }
  rt.crashes += 1;
  const exitedAt = killed ? previous : at;
  if (exitedAt !== undefined && inBackOff(cc, exitedAt, at)) {
    backOff(cc, at);
    return true;
  }
  // doBackOff raises the back-off only when an exited instance exists (not at a first kill).
  if (exitedAt !== undefined) nextBackOff(cc, exitedAt, at);
  rt.step = "pull";
  rt.at = killed ? at : at + cc.t.restart();
  return true;
}

/** A pod sync during back-off: still waiting (another BackOff event) or time to start again. */
export function retryAfterBackOff(cc: ContainerCtx, at: number): void {
  const exitedAt = cc.rt.last?.end ?? at;
  if (inBackOff(cc, exitedAt, at)) {
    backOff(cc, at);
    return;
  }
  nextBackOff(cc, exitedAt, at);
  cc.rt.step = "pull";
  cc.rt.at = at;
}
