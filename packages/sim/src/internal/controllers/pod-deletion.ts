// Graceful pod deletion: the API server sets deletionTimestamp; the kubelet stops the containers.

import type { KObject } from "../api/types.ts";
import { isoSeconds } from "../util/time.ts";
import type { ControllerContext } from "./context.ts";

/**
 * Starts deleting a pod. A pod that never reached a node, or whose containers have all finished,
 * goes at once; otherwise it is Terminating until the kubelet has stopped it (at most the grace
 * period). Returns true when the pod is already gone.
 */
export function deletePod(ctx: ControllerContext, pod: KObject, graceSeconds?: number): boolean {
  const { store } = ctx;
  if (pod.metadata.deletionTimestamp) {
    if (graceSeconds === 0) {
      store.remove("pods", pod);
      return true;
    }
    return false;
  }
  const phase = pod.status?.phase as string | undefined;
  const grace = graceSeconds ?? (pod.spec?.terminationGracePeriodSeconds as number | undefined) ?? 30;
  if (!pod.spec?.nodeName || phase === "Succeeded" || phase === "Failed" || grace === 0) {
    store.remove("pods", pod);
    return true;
  }
  pod.metadata.deletionTimestamp = isoSeconds(store.now + grace * 1000);
  pod.metadata.deletionGracePeriodSeconds = grace;
  store.touch(pod);
  return false;
}
