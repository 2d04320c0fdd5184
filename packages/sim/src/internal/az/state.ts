// The simulated Azure subscription of one session: resource groups, AKS clusters, node pools (issue 3, AKS).

import type { EventRecord } from "../api/events.ts";
import type { ClusterState, PodRuntime } from "../api/state.ts";
import type { KObject } from "../api/types.ts";

/** One resource group the learner created (node resource groups `MC_…` are derived, not stored). */
export interface GroupRecord {
  name: string;
  location: string;
}

/** A node of a pool: VMSS instance index, cluster-wide ordinal (IP, pod CIDR), resourceVersion, creation time. */
export type PoolMember = [index: number, ordinal: number, rv: number, createdAt: number];

/** An AKS agent pool: its nodes are `aks-<name>-<clusterId>-vmss<index>`. */
export interface PoolRecord {
  name: string;
  mode: "System" | "User";
  vmSize: string;
  /** Members that came from the bootstrap cluster carry rv 0: the bootstrap rebuilds them. */
  members: PoolMember[];
  /** Next VMSS instance index (never reused, as a scale set counts). */
  next: number;
  created: number;
}

/** A long-running operation in flight (shown as provisioningState until `until`). */
export interface PendingOp {
  state: "Creating" | "Scaling" | "Deleting" | "Stopping" | "Starting" | "Updating";
  until: number;
}

/** The per-cluster part of ClusterState, kept compact while another cluster is current. */
export interface ParkedCluster {
  /** Virtual time it was parked: on return it catches up from there, as if it had kept running. */
  at: number;
  objects: Record<string, Record<string, KObject>>;
  gone: string[];
  pods: Record<string, PodRuntime>;
  images: Record<string, string[]>;
  ipam: Record<string, number>;
  events: EventRecord[];
  timers: Record<string, number>;
  metrics?: Record<string, unknown>;
  nodeRuntime?: Record<string, unknown>;
  refused?: Record<string, string>;
}

/** One managed cluster of the subscription. */
export interface AksRecord {
  name: string;
  group: string;
  location: string;
  /** The 8 digits of node names; also seeds the fqdn hash. */
  clusterId: string;
  /** Seed of the cluster's deterministic starting objects (absent for the bootstrap cluster). */
  seed?: number;
  created: number;
  version: string;
  tier: "Free" | "Standard" | "Premium";
  power: "Running" | "Stopped";
  addons: string[];
  /** Created with an SSH key (linuxProfile). */
  ssh?: boolean;
  pools: PoolRecord[];
  /** Next node ordinal across the cluster. */
  ordinal: number;
  op?: PendingOp;
  /** Present while the cluster is not the one kubectl talks to. */
  parked?: ParkedCluster;
}

/** Stored inside ClusterState.azure; plain JSON. */
export interface AzureState {
  loggedIn: boolean;
  groups: GroupRecord[];
  clusters: AksRecord[];
  /** `group/name` (lower case) of the cluster whose objects are in ClusterState.objects. */
  active: string;
  /** ~/.ssh/id_rsa exists (made by --generate-ssh-keys). */
  sshKey?: boolean;
}

/** The starting cluster every session has. */
export const BOOT_GROUP = "bosun-rg";
export const BOOT_CLUSTER = "bosun-aks";
export const BOOT_LOCATION = "eastus";

/** Lookup key of a cluster: resource groups and names are case-insensitive in Azure. */
export function clusterKey(group: string, name: string): string {
  return `${group.toLowerCase()}/${name.toLowerCase()}`;
}

export function keyOf(r: AksRecord): string {
  return clusterKey(r.group, r.name);
}

/** The subscription as it is before any az command: the bootstrap cluster in its group. */
export function initialAzure(state: Pick<ClusterState, "clusterId" | "start">): AzureState {
  const created = state.start - 3 * 24 * 3600 * 1000;
  return {
    loggedIn: false,
    groups: [{ name: BOOT_GROUP, location: BOOT_LOCATION }],
    clusters: [
      {
        name: BOOT_CLUSTER,
        group: BOOT_GROUP,
        location: BOOT_LOCATION,
        clusterId: state.clusterId,
        created,
        version: "1.32.4",
        tier: "Free",
        power: "Running",
        addons: [],
        pools: [
          {
            name: "nodepool1",
            mode: "System",
            vmSize: "Standard_B2s",
            members: [0, 1, 2].map((i): PoolMember => [i, i, 0, created]),
            next: 3,
            created,
          },
        ],
        ordinal: 3,
      },
    ],
    active: clusterKey(BOOT_GROUP, BOOT_CLUSTER),
  };
}

/** The session's subscription, created on first use. */
export function azureOf(state: ClusterState): AzureState {
  if (!state.azure) state.azure = initialAzure(state);
  return state.azure;
}

export function findCluster(az: AzureState, group: string, name: string): AksRecord | undefined {
  const key = clusterKey(group, name);
  return az.clusters.find((c) => keyOf(c) === key);
}

export function findGroup(az: AzureState, name: string): GroupRecord | undefined {
  return az.groups.find((g) => g.name.toLowerCase() === name.toLowerCase());
}

/** AKS's node resource group name. */
export function nodeResourceGroup(r: Pick<AksRecord, "group" | "name" | "location">): string {
  return `MC_${r.group}_${r.name}_${r.location}`;
}
