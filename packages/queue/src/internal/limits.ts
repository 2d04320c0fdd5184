// Sandbox limits: how big one session may grow, checked after each command and before it is saved.

import { type KObject, Sim, type StoredCluster } from "@bosun/sim";

/** Per-session bounds. A command that would take a session over one is not saved. */
export interface SessionLimits {
  /** API objects in the sandbox (pods, configmaps, …; events not counted). */
  objects: number;
  /** Desired replicas summed over Deployments, StatefulSets, ReplicationControllers and bare ReplicaSets. */
  replicas: number;
  /** Bytes of standard input (a pasted manifest) one command may carry. */
  manifestBytes: number;
  /** Bytes of the packed session as stored. */
  sessionBytes: number;
}

/**
 * Chosen so that every lesson fits many times over (the largest lesson ends near 40 objects and
 * 10 replicas; five lessons pack to about 6 KB) while one learner cannot make a worker slow for
 * everyone: 500 objects restore in a few milliseconds, 50 replicas keep reconciles small.
 */
export const DefaultSessionLimits = {
  objects: 500,
  replicas: 50,
  manifestBytes: 128 * 1024,
  sessionBytes: 512 * 1024,
} as const satisfies Required<SessionLimits>;

/** What the sandbox holds, as far as the limits are concerned. */
export interface SandboxSize {
  objects: number;
  replicas: number;
}

/**
 * Objects the bootstrap cluster has that the stored form leaves out (22 today: nodes, namespaces,
 * storage classes, …). A stored count this far under the limit needs no exact count.
 */
const BASELINE_ALLOWANCE = 64;
const SCALED = new Set(["deployments", "statefulsets", "replicationcontrollers", "replicasets"]);

function desiredReplicas(resource: string, o: KObject): number {
  if (!SCALED.has(resource)) return 0;
  // A ReplicaSet owned by a Deployment is already counted through the Deployment.
  if (resource === "replicasets" && (o.metadata.ownerReferences ?? []).some((r) => r.controller)) return 0;
  const r = (o.spec as { replicas?: unknown } | undefined)?.replicas;
  return typeof r === "number" && Number.isFinite(r) ? Math.max(0, r) : 1;
}

function count(objects: Record<string, Record<string, KObject>>): SandboxSize {
  let n = 0;
  let replicas = 0;
  for (const [resource, byKey] of Object.entries(objects)) {
    if (resource === "events") continue;
    for (const o of Object.values(byKey)) {
      n++;
      replicas += desiredReplicas(resource, o);
    }
  }
  return { objects: n, replicas };
}

/**
 * The sandbox's size. The stored form holds only objects that differ from the bootstrap cluster, so
 * it is counted first; only when that count comes near a limit is the sandbox restored and counted
 * exactly (restoring costs far more than counting).
 */
export function sandboxSize(stored: StoredCluster, limits: SessionLimits): SandboxSize {
  const quick = count(stored.objects);
  if (quick.objects + BASELINE_ALLOWANCE <= limits.objects && quick.replicas * 2 <= limits.replicas)
    return quick;
  return count(Sim.restore(stored).cluster.state.objects);
}

/** The size of an open sandbox: counted exactly, from the live objects (no saving needed). */
export function liveSandboxSize(sim: Sim): SandboxSize {
  return count(sim.cluster.state.objects);
}

/** A limit a command would break, with the words to tell the learner. */
export interface LimitBreach {
  limit: keyof SessionLimits;
  text: string;
}

/**
 * Checks a session about to be saved. A limit counts as broken only when the command made things
 * bigger, so a learner already over a lowered limit can always delete their way back under it.
 */
export function checkLimits(
  before: { size: SandboxSize; bytes: number } | undefined,
  after: { size: SandboxSize; bytes: number },
  limits: SessionLimits,
): LimitBreach | undefined {
  const grew = (k: "objects" | "replicas") => after.size[k] > (before?.size[k] ?? 0);
  if (after.size.objects > limits.objects && grew("objects"))
    return {
      limit: "objects",
      text:
        `That would give your sandbox ${after.size.objects} objects; the limit is ${limits.objects}, so the command was not applied. ` +
        "Delete what you no longer need (for example `kubectl delete configmap <name>`), or `reset` for a fresh sandbox.",
    };
  if (after.size.replicas > limits.replicas && grew("replicas"))
    return {
      limit: "replicas",
      text:
        `That would ask for ${after.size.replicas} replicas in all; the sandbox allows ${limits.replicas}, so the command was not applied. ` +
        "Scale something down first (`kubectl scale deployment <name> --replicas=1`) or delete a workload.",
    };
  if (after.bytes > limits.sessionBytes && after.bytes > (before?.bytes ?? 0))
    return {
      limit: "sessionBytes",
      text:
        `Your saved sandbox would take ${Math.ceil(after.bytes / 1024)} KiB; the limit is ${Math.floor(limits.sessionBytes / 1024)} KiB, so the command was not applied. ` +
        "Delete objects you no longer need, or `reset` for a fresh sandbox.",
    };
  return undefined;
}

/** The words for a pasted manifest over `manifestBytes`. */
export function manifestTooBig(bytes: number, limits: SessionLimits): string {
  return (
    `That manifest is ${Math.ceil(bytes / 1024)} KiB; the sandbox takes at most ${Math.floor(limits.manifestBytes / 1024)} KiB per command. ` +
    "Split it into smaller files and apply them one at a time."
  );
}
