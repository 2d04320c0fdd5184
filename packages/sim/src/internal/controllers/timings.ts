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
  /** Back-off before restart after `crashes` consecutive crashes (the first restart is prompt). */
  crashBackoff(crashes: number): number;
  crashResetAfter(): number;
  /** How long a container takes to stop on SIGTERM (a process that ignores it waits the grace period). */
  stop(handlesTerm: boolean, graceMs: number): number;
  /** From start to Ready for a container without a readiness probe. */
  readiness(): number;
  loadBalancerIp(): number;
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
    crashBackoff: (crashes) =>
      crashes <= 1
        ? j(k.startDelay) + 1000
        : Math.min(k.crashLoopBackoff.initial * 2 ** (crashes - 2), k.crashLoopBackoff.max),
    crashResetAfter: () => k.crashLoopBackoff.resetAfter,
    stop: (handlesTerm, graceMs) => {
      const grace = Math.round(graceMs * k.gracePeriodScale);
      return Math.min(grace, handlesTerm ? j(k.terminationDelay.graceful) : grace);
    },
    readiness: () => j(k.readinessAfterStart),
    loadBalancerIp: () => j(profile.services.loadBalancerIpDelay),
  };
}
