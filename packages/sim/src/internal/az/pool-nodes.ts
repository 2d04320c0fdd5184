// Node pools become Nodes: scaling up registers VMSS instances, scaling down cordons, drains and removes them.

import type { Cluster } from "../api/cluster.ts";
import { resourceForKind } from "../api/resources.ts";
import { deletePod } from "../controllers/pod-deletion.ts";
import { isoSeconds } from "../util/time.ts";
import { memberNodeName, poolNode, withCluster } from "./park.ts";
import type { AksRecord, AzureState, PoolMember, PoolRecord } from "./state.ts";

/**
 * Adds `count` nodes to a pool of `r` (in r's own object store), registered at `createdAt`.
 * VMSS instance indexes keep counting: after 3 → 2 → 3 the new node is vmss000003.
 */
export function addPoolNodes(
  cluster: Cluster,
  az: AzureState,
  r: AksRecord,
  pool: PoolRecord,
  count: number,
  createdAt: number,
): void {
  const info = resourceForKind("Node");
  if (!info) return;
  withCluster(cluster, az, r, () => {
    for (let i = 0; i < count; i++) {
      const member: PoolMember = [pool.next++, r.ordinal++, 0, createdAt];
      const node = poolNode(r, pool, member);
      const uid = node.metadata.uid;
      cluster.store.create(info, node);
      node.metadata.uid = uid;
      node.metadata.creationTimestamp = isoSeconds(createdAt);
      member[2] = Number(node.metadata.resourceVersion);
      pool.members.push(member);
    }
  });
}

/** Pods a drain evicts: everything on the node but DaemonSet pods. */
function evictable(cluster: Cluster, nodeName: string) {
  return cluster.store
    .each("pods")
    .filter(
      (p) =>
        p.spec?.nodeName === nodeName &&
        !(p.metadata.ownerReferences ?? []).some((o) => (o as { kind?: string }).kind === "DaemonSet"),
    );
}

/**
 * Removes the `count` newest nodes of a pool the way AKS scales a pool down: cordon, evict their
 * pods (ReplicaSets recreate them elsewhere), let `drainMs` of virtual time pass, then delete the
 * VMs. With drainMs 0 (--no-wait) the pods go at once.
 */
export function removePoolNodes(
  cluster: Cluster,
  az: AzureState,
  r: AksRecord,
  pool: PoolRecord,
  count: number,
  drainMs: number,
): void {
  const victims = pool.members.slice(pool.members.length - count);
  withCluster(cluster, az, r, () => {
    const names = victims.map((m) => memberNodeName(r, pool, m));
    for (const name of names) {
      const node = cluster.store.get("nodes", undefined, name);
      if (!node) continue;
      node.spec = { ...(node.spec ?? {}), unschedulable: true };
      cluster.store.touch(node);
      for (const pod of evictable(cluster, name)) deletePod(cluster.ctx, pod, drainMs > 0 ? undefined : 0);
    }
    if (drainMs > 0) cluster.advance(drainMs);
    const state = cluster.state;
    for (const name of names) {
      for (const pod of cluster.store.each("pods").filter((p) => p.spec?.nodeName === name))
        cluster.store.remove("pods", pod);
      const node = cluster.store.get("nodes", undefined, name);
      if (node) cluster.store.remove("nodes", node);
      delete state.images[name];
      delete state.ipam[name];
      if (state.nodeRuntime) delete state.nodeRuntime[name];
    }
    pool.members = pool.members.filter((m) => !victims.includes(m));
    cluster.reconcile();
  });
}

/** Removes every node of a pool (nodepool delete). */
export function removePool(
  cluster: Cluster,
  az: AzureState,
  r: AksRecord,
  pool: PoolRecord,
  drainMs: number,
): void {
  removePoolNodes(cluster, az, r, pool, pool.members.length, drainMs);
  r.pools = r.pools.filter((p) => p !== pool);
}
