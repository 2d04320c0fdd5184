// az aks nodepool add/list/show/scale/delete: agent pools, each a VM size whose nodes join the cluster.

import { scalePool } from "./aks.ts";
import {
  checkCount,
  checkIdle,
  checkPoolName,
  checkRunning,
  checkVmSize,
  longRunning,
  OP_MS,
  requireCluster,
} from "./aks-lifecycle.ts";
import type { AzCommand, AzContext } from "./command.ts";
import { AzError, armError, resourceNotFound } from "./errors.ts";
import { agentPoolJson, poolTable } from "./model.ts";
import { ARG, type ArgSpec, flag, int, opt, str } from "./parse.ts";
import { addPoolNodes, removePool } from "./pool-nodes.ts";
import type { AksRecord, PoolRecord } from "./state.ts";

const clusterName: ArgSpec = { dest: "cluster", options: ["--cluster-name"], kind: "string", required: true };
const poolNameArg: ArgSpec = {
  dest: "name",
  options: ["--name", "--nodepool-name", "-n"],
  kind: "string",
  required: true,
};

function target(ctx: AzContext): { r: AksRecord; pool: PoolRecord } {
  const group = str(ctx.values, "group");
  const r = requireCluster(ctx, group, str(ctx.values, "cluster"));
  const name = str(ctx.values, "name");
  const pool = r.pools.find((p) => p.name === name);
  if (!pool)
    throw resourceNotFound(`Microsoft.ContainerService/managedClusters/${r.name}/agentPools`, name, group);
  return { r, pool };
}

/** The node pool commands. */
export const NODEPOOL_COMMANDS: AzCommand[] = [
  {
    path: "aks nodepool add",
    summary: "Add a node pool to the managed Kubernetes cluster.",
    args: [
      ARG.group,
      clusterName,
      poolNameArg,
      { dest: "count", options: ["--node-count", "-c"], kind: "int" },
      { dest: "vm_size", options: ["--node-vm-size", "-s"], kind: "string" },
      { dest: "mode", options: ["--mode"], kind: "string", choices: ["System", "User"] },
      { dest: "version", options: ["--kubernetes-version", "-k"], kind: "string" },
      { dest: "os_type", options: ["--os-type"], kind: "string", choices: ["Linux", "Windows"] },
      ARG.noWait,
    ],
    run(ctx) {
      const r = requireCluster(ctx, str(ctx.values, "group"), str(ctx.values, "cluster"));
      const name = str(ctx.values, "name");
      checkPoolName("--name", name);
      if (r.pools.some((p) => p.name === name))
        throw new AzError(
          `Node pool ${name} already exists, please try a different name, use 'aks nodepool list' to get current list of node pool`,
        );
      if (opt(ctx.values, "os_type") === "Windows")
        throw new AzError("Bosun simulates Linux node pools only: leave out --os-type Windows.");
      const mode = (opt(ctx.values, "mode") ?? "User") as PoolRecord["mode"];
      const n = int(ctx.values, "count") ?? 3;
      const others = r.pools.reduce((sum, p) => sum + p.members.length, 0);
      checkCount(r, { mode, name }, n, others);
      const vmSize = checkVmSize(opt(ctx.values, "vm_size") ?? "Standard_DS2_v2");
      checkRunning(r);
      checkIdle(ctx, r);
      const now = ctx.cluster.now;
      const pool: PoolRecord = { name, mode, vmSize, members: [], next: 0, created: now };
      r.pools.push(pool);
      const noWait = flag(ctx.values, "no_wait");
      longRunning(ctx, r, "Updating", OP_MS.poolAdd, () =>
        addPoolNodes(ctx.cluster, ctx.az, r, pool, n, noWait ? now : now + OP_MS.poolAdd - 45_000),
      );
      return noWait ? undefined : agentPoolJson(r, pool, ctx.cluster.now);
    },
    table: poolTable,
  },
  {
    path: "aks nodepool list",
    summary: "List node pools in the managed Kubernetes cluster.",
    args: [ARG.group, clusterName],
    run(ctx) {
      const r = requireCluster(ctx, str(ctx.values, "group"), str(ctx.values, "cluster"));
      return r.pools.map((p) => agentPoolJson(r, p, ctx.cluster.now));
    },
    table: poolTable,
  },
  {
    path: "aks nodepool show",
    summary: "Show the details for a node pool in the managed Kubernetes cluster.",
    args: [ARG.group, clusterName, poolNameArg],
    run(ctx) {
      const { r, pool } = target(ctx);
      return agentPoolJson(r, pool, ctx.cluster.now);
    },
    table: poolTable,
  },
  {
    path: "aks nodepool scale",
    summary: "Scale the node pool in a managed Kubernetes cluster.",
    args: [
      ARG.group,
      clusterName,
      poolNameArg,
      { dest: "count", options: ["--node-count", "-c"], kind: "int" },
      ARG.noWait,
    ],
    run(ctx) {
      const { r, pool } = target(ctx);
      const n = int(ctx.values, "count") ?? 3;
      if (n === pool.members.length)
        throw new AzError("The new node count is the same as the current node count.");
      scalePool(ctx, r.group, r.name, pool, n);
      return flag(ctx.values, "no_wait") ? undefined : agentPoolJson(r, pool, ctx.cluster.now);
    },
    table: poolTable,
  },
  {
    path: "aks nodepool delete",
    summary: "Delete the agent pool in the managed Kubernetes cluster.",
    args: [ARG.group, clusterName, poolNameArg, ARG.noWait, ARG.yes],
    run(ctx) {
      const { r, pool } = target(ctx);
      if (pool.mode === "System" && !r.pools.some((p) => p !== pool && p.mode === "System"))
        throw armError(
          "OperationNotAllowed",
          `Cannot delete agent pool '${pool.name}': a managed cluster needs at least one System node pool. Add another System pool first.`,
        );
      checkRunning(r);
      checkIdle(ctx, r);
      const noWait = flag(ctx.values, "no_wait");
      removePool(ctx.cluster, ctx.az, r, pool, noWait ? 0 : OP_MS.scale);
      return undefined;
    },
  },
];
