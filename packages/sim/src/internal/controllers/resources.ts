// Resource requests and limits of pods and nodes, in millicores and bytes.

import type { KObject } from "../api/types.ts";
import { cpuMillis, memBytes } from "../util/quantity.ts";

export interface Amounts {
  cpu: number;
  memory: number;
}

type ContainerLike = { resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> } };

/**
 * What the scheduler counts for a pod: the sum of its containers' requests, or the largest init
 * container's request if bigger (init containers run one at a time). Example: containers asking
 * 100m and 250m with an init container of 500m → max(350m, 500m) = 500m.
 */
export function podRequests(pod: KObject): Amounts {
  const sum: Amounts = { cpu: 0, memory: 0 };
  for (const c of (pod.spec?.containers ?? []) as ContainerLike[]) {
    sum.cpu += cpuMillis(c.resources?.requests?.cpu);
    sum.memory += memBytes(c.resources?.requests?.memory);
  }
  for (const c of (pod.spec?.initContainers ?? []) as ContainerLike[]) {
    sum.cpu = Math.max(sum.cpu, cpuMillis(c.resources?.requests?.cpu));
    sum.memory = Math.max(sum.memory, memBytes(c.resources?.requests?.memory));
  }
  return sum;
}

export function podLimits(pod: KObject): Amounts {
  const sum: Amounts = { cpu: 0, memory: 0 };
  for (const c of (pod.spec?.containers ?? []) as ContainerLike[]) {
    sum.cpu += cpuMillis(c.resources?.limits?.cpu);
    sum.memory += memBytes(c.resources?.limits?.memory);
  }
  return sum;
}

export function nodeAllocatable(node: KObject): Amounts & { pods: number } {
  const a = (node.status?.allocatable ?? {}) as Record<string, string>;
  return { cpu: cpuMillis(a.cpu), memory: memBytes(a.memory), pods: Number(a.pods ?? 110) };
}

/** A pod that holds node resources: bound, not finished. */
export function holdsResources(pod: KObject): boolean {
  const phase = pod.status?.phase as string | undefined;
  return !!pod.spec?.nodeName && phase !== "Succeeded" && phase !== "Failed";
}
