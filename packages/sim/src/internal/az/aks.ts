// az aks create/list/show/scale/get-credentials/delete/stop/start against the simulated subscription.

import { normaliseLocation } from "./account.ts";
import {
  checkCount,
  checkIdle,
  checkPoolName,
  checkRunning,
  checkVmSize,
  createCluster,
  deleteCluster,
  longRunning,
  OP_MS,
  requireCluster,
} from "./aks-lifecycle.ts";
import type { AzCommand, AzContext } from "./command.ts";
import { mergeCredentials } from "./contexts.ts";
import { AzError, armError, groupNotFound, NO_TTY_CONFIRM } from "./errors.ts";
import { aksTable, DEFAULT_K8S_VERSION, K8S_VERSIONS, managedClusterJson } from "./model.ts";
import { ARG, type ArgSpec, flag, int, opt, str } from "./parse.ts";
import { addPoolNodes, removePoolNodes } from "./pool-nodes.ts";
import { findCluster, findGroup, type PoolRecord } from "./state.ts";

const ADDONS = [
  "monitoring",
  "azure-policy",
  "azure-keyvault-secrets-provider",
  "ingress-appgw",
  "web_application_routing",
];

/** `--kubernetes-version 1.31` or `1.31.8`: the patch AKS would run, or AKS's refusal. */
function resolveVersion(raw: string | undefined, location: string): string {
  if (raw === undefined) return DEFAULT_K8S_VERSION;
  const minor = raw.split(".").slice(0, 2).join(".");
  const patch = K8S_VERSIONS[minor];
  if (patch && (raw === minor || raw === patch)) return patch;
  throw armError(
    "K8sVersionNotSupported",
    `Version ${raw} is not supported in this region. Please use [az aks get-versions] command to get the supported version list in this region. For more information, please check https://aka.ms/supported-version-list (location: ${location})`,
  );
}

function warnSshKey(ctx: AzContext): void {
  if (ctx.az.sshKey) return;
  ctx.az.sshKey = true;
  ctx.warn(
    "SSH key files '/home/learner/.ssh/id_rsa' and '/home/learner/.ssh/id_rsa.pub' have been generated under ~/.ssh to allow SSH access to the VM. If using machines without permanent storage like Azure Cloud Shell without an attached file share, back up your keys to a safe location",
  );
}

const count: ArgSpec = { dest: "count", options: ["--node-count", "-c"], kind: "int" };

/** The pool `az aks scale` means: --nodepool-name, or the only one. */
function scaledPool(pools: PoolRecord[], name: string | undefined): PoolRecord {
  if (name === undefined || name === "") {
    if (pools.length > 1)
      throw new AzError(
        "There are more than one node pool in the cluster. Please specify nodepool name or use az aks nodepool command to scale node pool",
      );
    const only = pools[0];
    if (only) return only;
  }
  const pool = pools.find((p) => p.name === name);
  if (!pool) throw new AzError(`The nodepool "${name}" was not found.`);
  return pool;
}

/** Scales one pool of a cluster to `target` nodes (drain first when shrinking). */
export function scalePool(
  ctx: AzContext,
  group: string,
  name: string,
  pool: PoolRecord,
  target: number,
): void {
  const r = requireCluster(ctx, group, name);
  const others = r.pools.filter((p) => p !== pool).reduce((n, p) => n + p.members.length, 0);
  checkCount(r, pool, target, others);
  checkRunning(r);
  checkIdle(ctx, r);
  const delta = target - pool.members.length;
  const noWait = ctx.values.no_wait === true;
  longRunning(ctx, r, "Scaling", delta < 0 ? 0 : OP_MS.scale, () => {
    if (delta > 0) addPoolNodes(ctx.cluster, ctx.az, r, pool, delta, ctx.cluster.now + (noWait ? 0 : 45_000));
    if (delta < 0) removePoolNodes(ctx.cluster, ctx.az, r, pool, -delta, noWait ? 0 : OP_MS.scale);
  });
}

/** The aks commands (node pools are in nodepool.ts). */
export const AKS_COMMANDS: AzCommand[] = [
  {
    path: "aks create",
    summary: "Create a new managed Kubernetes cluster.",
    args: [
      ARG.group,
      ARG.name,
      { dest: "location", options: ["--location", "-l"], kind: "string" },
      count,
      { dest: "vm_size", options: ["--node-vm-size", "-s"], kind: "string" },
      { dest: "pool", options: ["--nodepool-name"], kind: "string" },
      { dest: "version", options: ["--kubernetes-version", "-k"], kind: "string" },
      { dest: "tier", options: ["--tier"], kind: "string", choices: ["free", "premium", "standard"] },
      { dest: "addons", options: ["--enable-addons", "-a"], kind: "string" },
      { dest: "ssh_keys", options: ["--generate-ssh-keys"], kind: "flag" },
      { dest: "msi", options: ["--enable-managed-identity"], kind: "flag" },
      { dest: "no_ssh", options: ["--no-ssh-key", "-x"], kind: "flag" },
      {
        dest: "network_plugin",
        options: ["--network-plugin"],
        kind: "string",
        choices: ["azure", "kubenet", "none"],
      },
      ARG.noWait,
      ARG.yes,
    ],
    run(ctx) {
      const [group, name] = [str(ctx.values, "group"), str(ctx.values, "name")];
      const g = findGroup(ctx.az, group);
      if (!g) throw groupNotFound(group);
      if (findCluster(ctx.az, group, name))
        throw new AzError(
          `The cluster '${name}' already exists in resource group '${g.name}'. Use 'az aks update' to change it or pick another name.`,
        );
      const raw = opt(ctx.values, "location");
      const location = raw === undefined ? g.location : normaliseLocation(raw, "cluster");
      const poolName = opt(ctx.values, "pool") ?? "nodepool1";
      checkPoolName("--nodepool-name", poolName);
      const n = int(ctx.values, "count") ?? 3;
      checkCount(undefined, { mode: "System", name: poolName }, n);
      const addons = (opt(ctx.values, "addons") ?? "").split(",").filter((a) => a !== "");
      const unknown = addons.find((a) => !ADDONS.includes(a));
      if (unknown !== undefined)
        throw new AzError(`The addon "${unknown}" is not a recognized addon option.`);
      const vmSize = checkVmSize(opt(ctx.values, "vm_size") ?? "Standard_DS2_v2");
      const version = resolveVersion(opt(ctx.values, "version"), location);
      if (flag(ctx.values, "ssh_keys")) warnSshKey(ctx);
      const tier = opt(ctx.values, "tier") ?? "free";
      const r = createCluster(ctx, {
        group,
        name,
        location,
        count: n,
        vmSize,
        version,
        tier: tier === "standard" ? "Standard" : tier === "premium" ? "Premium" : "Free",
        addons,
        ssh: flag(ctx.values, "ssh_keys") || (ctx.az.sshKey === true && !flag(ctx.values, "no_ssh")),
        poolName,
      });
      return flag(ctx.values, "no_wait") ? undefined : managedClusterJson(r, ctx.cluster.now);
    },
  },
  {
    path: "aks list",
    summary: "List managed Kubernetes clusters.",
    args: [{ dest: "group", options: ["--resource-group", "-g"], kind: "string" }],
    run(ctx) {
      const group = opt(ctx.values, "group");
      if (group !== undefined && !findGroup(ctx.az, group)) throw groupNotFound(group);
      return ctx.az.clusters
        .filter((r) => group === undefined || r.group.toLowerCase() === group.toLowerCase())
        .map((r) => managedClusterJson(r, ctx.cluster.now));
    },
    table: aksTable,
  },
  {
    path: "aks show",
    summary: "Show the details for a managed Kubernetes cluster.",
    args: [ARG.group, ARG.name],
    run: (ctx) =>
      managedClusterJson(
        requireCluster(ctx, str(ctx.values, "group"), str(ctx.values, "name")),
        ctx.cluster.now,
      ),
    table: aksTable,
  },
  {
    path: "aks scale",
    summary: "Scale the node pool in a managed Kubernetes cluster.",
    args: [
      ARG.group,
      ARG.name,
      { ...count, required: true },
      { dest: "pool", options: ["--nodepool-name"], kind: "string" },
      ARG.noWait,
    ],
    run(ctx) {
      const [group, name] = [str(ctx.values, "group"), str(ctx.values, "name")];
      const r = requireCluster(ctx, group, name);
      const pool = scaledPool(r.pools, opt(ctx.values, "pool"));
      scalePool(ctx, group, name, pool, int(ctx.values, "count") ?? 0);
      return flag(ctx.values, "no_wait") ? undefined : managedClusterJson(r, ctx.cluster.now);
    },
    table: aksTable,
  },
  {
    path: "aks get-credentials",
    summary: "Get access credentials for a managed Kubernetes cluster.",
    args: [
      ARG.group,
      ARG.name,
      { dest: "overwrite", options: ["--overwrite-existing"], kind: "flag" },
      { dest: "admin", options: ["--admin", "-a"], kind: "flag" },
      { dest: "context", options: ["--context"], kind: "string" },
      { dest: "file", options: ["--file", "-f"], kind: "string" },
    ],
    run(ctx) {
      const r = requireCluster(ctx, str(ctx.values, "group"), str(ctx.values, "name"));
      const file = opt(ctx.values, "file");
      if (file !== undefined && file !== "~/.kube/config")
        throw new AzError("Bosun keeps one kubeconfig per session: leave out --file.");
      ctx.warn(
        mergeCredentials(ctx.cluster, r, {
          admin: flag(ctx.values, "admin"),
          overwrite: flag(ctx.values, "overwrite"),
          context: opt(ctx.values, "context"),
        }),
      );
      return undefined;
    },
  },
  {
    path: "aks delete",
    summary: "Delete a managed Kubernetes cluster.",
    args: [ARG.group, ARG.name, ARG.yes, ARG.noWait],
    run(ctx) {
      const r = requireCluster(ctx, str(ctx.values, "group"), str(ctx.values, "name"));
      if (!flag(ctx.values, "yes")) throw new AzError(NO_TTY_CONFIRM);
      deleteCluster(ctx, r);
      if (!flag(ctx.values, "no_wait")) ctx.cluster.advance(OP_MS.delete);
      return undefined;
    },
  },
  {
    path: "aks stop",
    summary: "Stop a managed cluster.",
    args: [ARG.group, ARG.name, ARG.noWait],
    run(ctx) {
      const r = requireCluster(ctx, str(ctx.values, "group"), str(ctx.values, "name"));
      checkIdle(ctx, r);
      longRunning(ctx, r, "Stopping", OP_MS.stop, () => {
        r.power = "Stopped";
      });
      return undefined;
    },
  },
  {
    path: "aks start",
    summary: "Start a previously stopped managed cluster.",
    args: [ARG.group, ARG.name, ARG.noWait],
    run(ctx) {
      const r = requireCluster(ctx, str(ctx.values, "group"), str(ctx.values, "name"));
      checkIdle(ctx, r);
      longRunning(ctx, r, "Starting", OP_MS.start, () => {
        r.power = "Running";
      });
      return undefined;
    },
  },
];
