// Admission plugins that run on create after defaulting: LimitRange defaults, ResourceQuota checks (issue 3).

import type { Cluster } from "./cluster.ts";
import type { ResourceInfo } from "./resources.ts";
import type { KObject } from "./types.ts";

/**
 * Mutates or rejects (by throwing ApiError) an object about to be created, as the LimitRanger and
 * ResourceQuota admission plugins do.
 */
export function admitCreate(cluster: Cluster, info: ResourceInfo, obj: KObject): void {
  void cluster;
  void info;
  void obj;
}
