// Kubeconfig contexts of AKS clusters: get-credentials merges one, and the current context picks the cluster.

import type { Cluster } from "../api/cluster.ts";
import type { ClusterState, KubeContext } from "../api/state.ts";
import { AzError } from "./errors.ts";
import { fqdn, KUBECONFIG_PATH } from "./model.ts";
import { activate } from "./park.ts";
import type { AksRecord } from "./state.ts";

/** The kubeconfig user az writes for a cluster (`--admin` gets the admin credential). */
export function credentialUser(r: Pick<AksRecord, "group" | "name">, admin = false): string {
  return `${admin ? "clusterAdmin" : "clusterUser"}_${r.group}_${r.name}`;
}

/** The AKS cluster a kubeconfig context points at, if it is one of the subscription's. */
export function clusterOfContext(state: ClusterState, ctx: KubeContext | undefined): AksRecord | undefined {
  if (!ctx || !state.azure) return undefined;
  return state.azure.clusters.find(
    (r) => ctx.user === credentialUser(r) || ctx.user === credentialUser(r, true),
  );
}

/**
 * Makes kubectl talk to the cluster of the current context (hook for `kubectl config
 * use-context`). A context that names no AKS cluster leaves the objects as they are.
 */
export function followCurrentContext(cluster: Cluster): void {
  const state = cluster.state;
  const ctx = state.kubeconfig.contexts.find((c) => c.name === state.kubeconfig.current);
  const r = clusterOfContext(state, ctx);
  if (r && state.azure) activate(cluster, state.azure, r);
}

/** The API server URL of a kubeconfig cluster entry named `name` (for cluster-info and config view). */
export function serverUrlOf(state: ClusterState, name: string): string | undefined {
  const r = state.azure?.clusters.find((c) => c.name === name);
  return r ? `https://${fqdn(r)}:443` : undefined;
}

/**
 * `az aks get-credentials`: merges the cluster, user and context into the kubeconfig and makes
 * the context current, as azure-cli's merge does: an entry of the same name that differs is an
 * error unless --overwrite-existing (the prompt cannot be answered without a terminal).
 * Returns the message az prints.
 */
export function mergeCredentials(
  cluster: Cluster,
  r: AksRecord,
  opts: { admin: boolean; overwrite: boolean; context?: string | undefined },
): string {
  const state = cluster.state;
  const kc = state.kubeconfig;
  const name = opts.context ?? (opts.admin ? `${r.name}-admin` : r.name);
  const entry: KubeContext = { name, cluster: r.name, user: credentialUser(r, opts.admin) };
  const same = kc.contexts.find((c) => c.name === name);
  const clash = kc.contexts.find((c) => c.cluster === r.name && clusterOfContext(state, c) !== r);
  if (!opts.overwrite && clash && clusterOfContext(state, clash))
    throw new AzError(
      `A different object named ${r.name} already exists in clusters in your kubeconfig file.`,
    );
  if (!opts.overwrite && same && (same.cluster !== entry.cluster || same.user !== entry.user))
    throw new AzError(`A different object named ${name} already exists in contexts in your kubeconfig file.`);
  kc.contexts = kc.contexts.filter((c) => c.name !== name);
  kc.contexts.push(entry);
  kc.current = name;
  if (state.azure) activate(cluster, state.azure, r);
  return `Merged "${name}" as current context in ${KUBECONFIG_PATH}`;
}
