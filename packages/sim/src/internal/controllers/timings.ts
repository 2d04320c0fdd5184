// Reads lifecycle delays from the active profile (data), with the session's RNG for jitter.

import type { Profile } from "../data/profiles.ts";
import type { Rng } from "../util/rng.ts";

export interface Timings {
  bind(): number;
  pull(sizeBytes: number): number;
  pullFailure(): number;
  cachedPull(): number;
  create(): number;
  start(): number;
  configRetry(): number;
  mountRetry(): number;
  /** Back-off before pull attempt n+1 after n failures. */
  pullBackoff(failures: number): number;
  /** The restart back-off: first delay, cap, and the quiet run after which it is forgotten. */
  crashLoop(): { initial: number; max: number; resetAfter: number };
  /** From an exit to the prompt restart of a container that is not backing off. */
  restart(): number;
  /** How often the pod worker retries a pod whose last sync failed (back-off, config errors). */
  resync(): number;
  /** From start to the OOM kill of a process over its memory limit. */
  oomKill(): number;
  /** A probe's period or initial delay in ms, as the profile scales it. */
  probeSeconds(seconds: number): number;
  /** How long a container takes to stop on SIGTERM (a process that ignores it waits the grace period). */
  stop(handlesTerm: boolean, graceMs: number): number;
  /** From start to Ready for a container without a readiness probe. */
  readiness(): number;
  loadBalancerIp(): number;
  /** From a node's last heartbeat to the node controller marking it NotReady. */
  nodeNotReady(): number;
}

export function timings(profile: Profile, rng: Rng): Timings {
  const k = profile.kubelet;
  const j = (d: { ms: number; jitter: number }) => rng.jitter(d.ms, d.jitter);
  return {
    bind: () => j(profile.scheduler.bindDelay),
    pull: (size) => j(k.pullBase) + Math.round((size / k.pullBytesPerSecond) * 1000),
    pullFailure: () => j(k.pullBase),
    cachedPull: () => j(k.pullCachedDelay),
    create: () => j(k.createDelay),
    start: () => j(k.startDelay),
    configRetry: () => j(k.configErrorRetry),
    mountRetry: () => j(k.configErrorRetry),
    pullBackoff: (failures) =>
      Math.min(k.imagePullBackoff.initial * 2 ** Math.max(0, failures - 1), k.imagePullBackoff.max),
    crashLoop: () => k.crashLoopBackoff,
    restart: () => j(k.restartDelay),
    resync: () => j(k.configErrorRetry),
    oomKill: () => j(k.oomKillAfter),
    probeSeconds: (seconds) => Math.round(seconds * 1000 * k.probePeriodScale),
    stop: (handlesTerm, graceMs) => {
      const grace = Math.round(graceMs * k.gracePeriodScale);
      return Math.min(grace, handlesTerm ? j(k.terminationDelay.graceful) : grace);
    },
    readiness: () => j(k.readinessAfterStart),
    loadBalancerIp: () => j(profile.services.loadBalancerIpDelay),
    nodeNotReady: () => j(profile.node.notReadyAfter),
  };
}
