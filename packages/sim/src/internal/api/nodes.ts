// Node objects sized and named as AKS creates them, from a VM size table.

import { formatMem } from "../util/quantity.ts";
import { isoSeconds } from "../util/time.ts";
import type { KObject } from "./types.ts";

export const KUBERNETES_VERSION = "v1.32.4";
export const REGION = "eastus";

interface VmSize {
  cpu: number;
  memGiB: number;
}

/** Azure VM sizes a learner is likely to pick, with their vCPUs and memory. */
export const VM_SIZES: Readonly<Record<string, VmSize>> = {
  Standard_B2s: { cpu: 2, memGiB: 4 },
  Standard_B2ms: { cpu: 2, memGiB: 8 },
  Standard_B4ms: { cpu: 4, memGiB: 16 },
  Standard_DS2_v2: { cpu: 2, memGiB: 7 },
  Standard_D2s_v3: { cpu: 2, memGiB: 8 },
  Standard_D4s_v3: { cpu: 4, memGiB: 16 },
  Standard_D8s_v3: { cpu: 8, memGiB: 32 },
  Standard_D2s_v5: { cpu: 2, memGiB: 8 },
  Standard_D4s_v5: { cpu: 4, memGiB: 16 },
  Standard_D4ds_v5: { cpu: 4, memGiB: 16 },
  Standard_E4s_v3: { cpu: 4, memGiB: 32 },
  Standard_F4s_v2: { cpu: 4, memGiB: 8 },
};

export const MAX_PODS = 110;

/**
 * AKS reserves CPU on a sliding scale and memory as min(20 MB per pod + 50 MB, 25% of memory),
 * plus a 100 Mi eviction threshold. Worked example for Standard_B2s (2 vCPU, 4 GiB):
 * cpu 2000m − 100m = 1900m; memory 4 GiB − min(2250 MB, 1 GiB) − 100 Mi ≈ 2.9 GiB.
 */
export function allocatable(size: VmSize): { cpuMillis: number; memBytes: number } {
  const cpuReserved =
    size.cpu <= 1 ? 60 : size.cpu <= 2 ? 100 : size.cpu <= 4 ? 140 : size.cpu <= 8 ? 180 : 260;
  const mem = size.memGiB * 2 ** 30;
  const kubeReserved = Math.min(20e6 * MAX_PODS + 50e6, 0.25 * mem);
  const memBytes = Math.floor((mem - kubeReserved - 100 * 2 ** 20) / 1024) * 1024;
  return { cpuMillis: size.cpu * 1000 - cpuReserved, memBytes };
}

export interface NodeSpecInput {
  pool: string;
  clusterId: string;
  index: number;
  vmSize: string;
  /** Index of this node across the cluster: picks its IP and pod CIDR. */
  ordinal: number;
  createdAt: number;
  mode: "System" | "User";
  /** The AKS cluster's region and node resource group (default: the bootstrap cluster's). */
  location?: string;
  nodeResourceGroup?: string;
  /** Kubelet version, e.g. "v1.31.8" (default KUBERNETES_VERSION). */
  kubeletVersion?: string;
}

export function nodeName(pool: string, clusterId: string, index: number): string {
  return `aks-${pool}-${clusterId}-vmss${index.toString(36).padStart(6, "0")}`;
}

/** A Ready node as the kubelet registers it on an AKS node pool. */
export function makeNode(input: NodeSpecInput): KObject {
  const size = VM_SIZES[input.vmSize] ?? { cpu: 2, memGiB: 4 };
  const name = nodeName(input.pool, input.clusterId, input.index);
  const alloc = allocatable(size);
  const ts = isoSeconds(input.createdAt);
  const zone = "0";
  const region = input.location ?? REGION;
  const mcGroup = input.nodeResourceGroup ?? `MC_bosun-rg_bosun-aks_${REGION}`;
  const version = input.kubeletVersion ?? KUBERNETES_VERSION;
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: ts,
    lastTransitionTime: ts,
  });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      uid: "",
      resourceVersion: "",
      creationTimestamp: ts,
      labels: {
        agentpool: input.pool,
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/instance-type": input.vmSize,
        "beta.kubernetes.io/os": "linux",
        "kubernetes.azure.com/agentpool": input.pool,
        "kubernetes.azure.com/cluster": mcGroup,
        "kubernetes.azure.com/mode": input.mode.toLowerCase(),
        "kubernetes.azure.com/os-sku": "Ubuntu",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        "node.kubernetes.io/instance-type": input.vmSize,
        "topology.kubernetes.io/region": region,
        "topology.kubernetes.io/zone": zone,
      },
      annotations: {
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: {
      podCIDR: `10.244.${input.ordinal}.0/24`,
      podCIDRs: [`10.244.${input.ordinal}.0/24`],
      providerID: `azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${mcGroup.toLowerCase()}/providers/Microsoft.Compute/virtualMachineScaleSets/aks-${input.pool}-${input.clusterId}-vmss/virtualMachines/${input.index}`,
    },
    status: {
      addresses: [
        { type: "InternalIP", address: `10.224.0.${4 + input.ordinal}` },
        { type: "Hostname", address: name },
      ],
      allocatable: {
        cpu: `${alloc.cpuMillis}m`,
        "ephemeral-storage": "119703055367",
        "hugepages-1Gi": "0",
        "hugepages-2Mi": "0",
        memory: formatMem(alloc.memBytes),
        pods: String(MAX_PODS),
      },
      capacity: {
        cpu: String(size.cpu),
        "ephemeral-storage": "129886128Ki",
        "hugepages-1Gi": "0",
        "hugepages-2Mi": "0",
        memory: formatMem(size.memGiB * 2 ** 30),
        pods: String(MAX_PODS),
      },
      conditions: [
        condition(
          "MemoryPressure",
          "False",
          "KubeletHasSufficientMemory",
          "kubelet has sufficient memory available",
        ),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: "amd64",
        bootID: "",
        containerRuntimeVersion: "containerd://1.7.27-1",
        kernelVersion: "5.15.0-1089-azure",
        kubeProxyVersion: version,
        kubeletVersion: version,
        machineID: "",
        operatingSystem: "linux",
        osImage: "Ubuntu 22.04.5 LTS",
        systemUUID: "",
      },
    },
  };
}
