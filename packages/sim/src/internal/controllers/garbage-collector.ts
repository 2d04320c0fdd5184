// Garbage collector: objects whose owners are gone are deleted (background propagation).

import type { KObject } from "../api/types.ts";
import type { Controller } from "./context.ts";
import { deletePod } from "./pod-deletion.ts";

// Jobs of CronJobs go before their pods are looked at, so one pass removes both generations.
const DEPENDENT_RESOURCES = [
  "jobs",
  "replicasets",
  "controllerrevisions",
  "pods",
  "endpoints",
  "persistentvolumeclaims",
] as const;
const OWNER_RESOURCES = [
  "deployments",
  "replicasets",
  "statefulsets",
  "daemonsets",
  "jobs",
  "cronjobs",
  "services",
  "nodes",
] as const;

export const garbageCollector: Controller = {
  name: "garbage-collector",
  // Ownership only changes when objects come and go, so status writes need no new pass.
  membership: [
    "deployments",
    "replicasets",
    "pods",
    "services",
    "endpoints",
    "nodes",
    "statefulsets",
    "daemonsets",
    "jobs",
    "cronjobs",
    "controllerrevisions",
    "persistentvolumeclaims",
  ],
  sync(ctx) {
    const { store } = ctx;
    const alive = new Set<string>();
    for (const r of OWNER_RESOURCES) for (const o of store.each(r)) alive.add(o.metadata.uid);
    let changed = false;
    for (const r of DEPENDENT_RESOURCES) {
      const doomed: KObject[] = [];
      for (const o of store.each(r)) {
        const refs = o.metadata.ownerReferences;
        if (!refs?.length) continue;
        if (refs.every((ref) => !alive.has(ref.uid))) doomed.push(o);
      }
      for (const o of doomed) {
        if (r === "jobs") alive.delete(o.metadata.uid);
        if (r === "pods") {
          if (o.metadata.deletionTimestamp) continue;
          deletePod(ctx, o);
        } else {
          store.remove(r, o);
        }
        changed = true;
      }
    }
    return changed;
  },
};
