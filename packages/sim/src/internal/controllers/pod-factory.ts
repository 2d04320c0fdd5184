// Creating pods from a controller's template, as the API server would store them.

import { admitPodPlugins } from "../api/admission-plugins.ts";
import { defaultPod } from "../api/defaults.ts";
import { resourceForKind } from "../api/resources.ts";
import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";
import { ownerRefTo } from "./context.ts";

const POD_INFO = resourceForKind("Pod");

/** Creates a pod named `<generateName><5 chars>` (or `exactName`) from `template`, controlled by `owner`. */
export function createPodFromTemplate(
  store: Store,
  owner: KObject,
  template: KObject["spec"],
  generateName: string,
  exactName?: string,
): KObject {
  if (!POD_INFO) throw new Error("pod resource missing");
  const ns = owner.metadata.namespace ?? "default";
  let name = exactName ?? generateName + store.rng.suffix(5);
  while (!exactName && store.get("pods", ns, name)) name = generateName + store.rng.suffix(5);
  const tmeta = template?.metadata ?? {};
  const pod: KObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      ...(exactName ? {} : { generateName }),
      namespace: ns,
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
      ...(tmeta.labels ? { labels: { ...tmeta.labels } } : {}),
      ...(tmeta.annotations ? { annotations: { ...tmeta.annotations } } : {}),
      ownerReferences: [ownerRefTo(owner)],
    },
    spec: structuredClone(template?.spec ?? {}),
    status: { phase: "Pending", qosClass: "BestEffort" },
  };
  return admitPod(store, pod);
}

/** Defaults and stores a pod (from a user or a controller), and records its QoS class. */
export function admitPod(store: Store, pod: KObject): KObject {
  if (!POD_INFO) throw new Error("pod resource missing");
  admitPodPlugins(store, pod);
  defaultPod(pod, store.rng);
  pod.status = { phase: "Pending", qosClass: qosClass(pod) };
  return store.create(POD_INFO, pod);
}

/** Guaranteed when every container's requests equal its limits for cpu and memory; BestEffort with none. */
export function qosClass(pod: KObject): string {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])] as {
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  }[];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ["cpu", "memory"]) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
