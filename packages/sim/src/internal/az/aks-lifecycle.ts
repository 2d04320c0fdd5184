// Managed cluster lifecycle: create, delete, long-running operations and the lookups every aks command does.

import { VM_SIZES } from "../api/nodes.ts";
import { Rng } from "../util/rng.ts";
import type { AzContext } from "./command.ts";
import { AzError, armError, groupNotFound, resourceNotFound } from "./errors.ts";
import { emptyParked } from "./park.ts";
import { addPoolNodes } from "./pool-nodes.ts";
import { type AksRecord, findCluster, findGroup, keyOf, type PendingOp, type PoolRecord } from "./state.ts";

/** Virtual time each long-running operation takes (az waits for it unless --no-wait). */
export const OP_MS = {
  create: 4 * 60_000,
  delete: 2 * 60_000,
  scale: 90_000,
  poolAdd: 2 * 60_000,
  stop: 2 * 60_000,
  start: 3 * 60_000,
} as const;

/** Nodes per cluster a sandbox may have: enough to learn scheduling, small enough to store. */
export const MAX_NODES = 10;

/** The cluster `-g/-n` name, or ARM's 404 for its group or for it. */
export function requireCluster(ctx: AzContext, group: string, name: string): AksRecord {
  if (!findGroup(ctx.az, group)) throw groupNotFound(group);
  const r = findCluster(ctx.az, group, name);
  if (!r) throw resourceNotFound("Microsoft.ContainerService/managedClusters", name, group);
  return r;
}

/** azure-cli's check of a pool name (12 alphanumerics at most). */
export function checkPoolName(option: string, name: string): void {
  if (name.length > 12) throw new AzError(`${option} can contain at most 12 characters`, 1);
  if (!/^[A-Za-z0-9]+$/.test(name))
    throw new AzError(`${option} should contain only alphanumeric characters`, 1);
  if (!/^[a-z][a-z0-9]*$/.test(name))
    throw new AzError(
      `(InvalidParameter) Agent Pool name '${name}' is invalid: it must start with a lowercase letter and contain only lowercase letters and numbers.\nCode: InvalidParameter\nMessage: Agent Pool name '${name}' is invalid: it must start with a lowercase letter and contain only lowercase letters and numbers.`,
    );
}

/** The VM size as Azure spells it, or an error naming the sizes the simulation knows. */
export function checkVmSize(raw: string): string {
  const hit = Object.keys(VM_SIZES).find((k) => k.toLowerCase() === raw.toLowerCase());
  if (hit) return hit;
  throw new AzError(
    `(BadRequest) The VM size '${raw}' is not offered in Bosun's simulated subscription. Available sizes: ${Object.keys(VM_SIZES).join(", ")}.\nCode: BadRequest`,
  );
}

/** Refuses a node count outside AKS's range or the sandbox's. */
export function checkCount(
  r: AksRecord | undefined,
  pool: Pick<PoolRecord, "mode" | "name">,
  count: number,
  others = 0,
) {
  const min = pool.mode === "System" ? 1 : 0;
  if (count < min || count > 1000)
    throw new AzError(
      `(InvalidParameter) The value of parameter agentPoolProfile.count is invalid. Please see https://aka.ms/aks-naming-rules for more details.\nCode: InvalidParameter\nMessage: The value of parameter agentPoolProfile.count is invalid. ${pool.mode} node pools need between ${min} and 1000 nodes.`,
    );
  if (count + others > MAX_NODES)
    throw new AzError(
      `Bosun's sandbox allows at most ${MAX_NODES} nodes per cluster${r ? ` ('${r.name}' would have ${count + others})` : ""}.`,
    );
}

/**
 * Runs a long-running operation on `r`: `apply` changes the cluster, then az waits `ms` of virtual
 * time (the learner's current cluster keeps running meanwhile). With --no-wait, az returns at once
 * and the cluster shows `state` (Creating, Scaling, …) until the time has passed.
 */
export function longRunning(
  ctx: AzContext,
  r: AksRecord,
  state: PendingOp["state"],
  ms: number,
  apply: () => void,
) {
  const noWait = ctx.values.no_wait === true;
  apply();
  if (noWait) r.op = { state, until: ctx.cluster.now + ms };
  else {
    delete r.op;
    ctx.cluster.advance(ms);
  }
}

/** A stopped cluster's pools cannot change until `az aks start`. */
export function checkRunning(r: AksRecord): void {
  if (r.power === "Stopped")
    throw armError(
      "OperationNotAllowed",
      `Managed cluster '${r.name}' is in a stopped state. Start the cluster with 'az aks start' before changing its node pools.`,
    );
}

const OP_VERB: Record<PendingOp["state"], string> = {
  Creating: "create",
  Scaling: "scale",
  Deleting: "delete",
  Stopping: "stop",
  Starting: "start",
  Updating: "update",
};

/** Refuses to change a cluster while another operation on it is still running (--no-wait). */
export function checkIdle(ctx: AzContext, r: AksRecord): void {
  if (r.op && ctx.cluster.now < r.op.until)
    throw new AzError(
      `(OperationNotAllowed) Operation is not allowed because there's an in progress ${OP_VERB[r.op.state]} managed cluster operation on the managed cluster '${r.name}'. Please wait for it to finish before starting a new operation.\nCode: OperationNotAllowed`,
    );
  if (r.op) delete r.op;
}

export interface CreateOptions {
  group: string;
  name: string;
  location: string;
  count: number;
  vmSize: string;
  version: string;
  tier: AksRecord["tier"];
  addons: string[];
  ssh: boolean;
  poolName: string;
}

/** Adds a managed cluster with its system pool; its own object store starts as AKS makes it. */
export function createCluster(ctx: AzContext, o: CreateOptions): AksRecord {
  const seed = ctx.cluster.store.rng.int(2 ** 31);
  // The same draw bootstrap() makes first, so the cluster's baseline objects carry this id.
  const clusterId = String(10_000_000 + new Rng(seed).int(90_000_000));
  const now = ctx.cluster.now;
  const r: AksRecord = {
    name: o.name,
    group: findGroup(ctx.az, o.group)?.name ?? o.group,
    location: o.location,
    clusterId,
    seed,
    created: now,
    version: o.version,
    tier: o.tier,
    power: "Running",
    addons: o.addons,
    ...(o.ssh ? { ssh: true } : {}),
    pools: [],
    ordinal: 0,
    parked: emptyParked(now),
  };
  const pool: PoolRecord = {
    name: o.poolName,
    mode: "System",
    vmSize: o.vmSize,
    members: [],
    next: 0,
    created: now,
  };
  r.pools.push(pool);
  ctx.az.clusters.push(r);
  const registered = ctx.values.no_wait === true ? now : now + OP_MS.create - 60_000;
  longRunning(ctx, r, "Creating", OP_MS.create, () =>
    addPoolNodes(ctx.cluster, ctx.az, r, pool, o.count, registered),
  );
  return r;
}

/**
 * Removes a cluster from the subscription. If it was the current cluster, kubectl keeps its last
 * objects (real kubectl would fail to reach the deleted API server).
 */
export function deleteCluster(ctx: AzContext, r: AksRecord): void {
  ctx.az.clusters = ctx.az.clusters.filter((c) => c !== r);
  if (ctx.az.active === keyOf(r)) ctx.az.active = "";
}
