// The cluster a learner starts with: an AKS-like pool of three nodes and the built-in namespaces.

import { Rng } from "../util/rng.ts";
import { isoSeconds } from "../util/time.ts";
import { storageClasses } from "./bootstrap-storage.ts";
import { makeNode } from "./nodes.ts";
import type { ClusterState } from "./state.ts";
import type { KObject } from "./types.ts";

/** Virtual time a play script starts at: a fixed Monday morning, so transcripts are stable. */
export const DEFAULT_START = Date.UTC(2025, 0, 6, 9, 0, 0);
/** The cluster was created this long before the session began (nodes show AGE 3d). */
export const CLUSTER_AGE_MS = 3 * 24 * 3600 * 1000;

export const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"] as const;

/** A short stand-in for the cluster CA that every namespace's kube-root-ca.crt carries. */
export const ROOT_CA =
  "-----BEGIN CERTIFICATE-----\nMIIE6DCCAtCgAwIBAgIQBosunSimulatedClusterRootCA0wDQYJKoZIhvcNAQEL\nBQAwDTELMAkGA1UEAxMCY2EwIBcNMjUwMTAxMDAwMDAwWhgPMjA1NTAxMDEwMDAw\nMDBaMA0xCzAJBgNVBAMTAmNhMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC\n-----END CERTIFICATE-----\n";

export interface BootstrapOptions {
  seed: number;
  profile: string;
  start: number;
  nodeCount?: number;
  vmSize?: string;
}

function meta(
  name: string,
  namespace: string | undefined,
  created: number,
  rv: number,
  rng: Rng,
): KObject["metadata"] {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: rng.uuid(),
    resourceVersion: String(rv),
    creationTimestamp: isoSeconds(created),
  };
}

export function rootCaConfigMap(namespace: string, created: number, rv: number, rng: Rng): KObject {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      ...meta("kube-root-ca.crt", namespace, created, rv, rng),
      annotations: {
        "kubernetes.io/description":
          "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.",
      },
    },
    data: { "ca.crt": ROOT_CA },
  };
}

/** Builds the starting state. Deterministic: the same options give the same cluster. */
export function bootstrap(opts: BootstrapOptions): ClusterState {
  const rng = new Rng(opts.seed);
  const created = opts.start - CLUSTER_AGE_MS;
  const clusterId = String(10_000_000 + rng.int(90_000_000));
  let rv = 0;
  const objects: ClusterState["objects"] = {
    namespaces: {},
    nodes: {},
    configmaps: {},
    services: {},
    endpoints: {},
  };
  const put = (resource: string, o: KObject) => {
    const bucket = objects[resource] ?? {};
    objects[resource] = bucket;
    bucket[o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name] = o;
  };
  for (const ns of SYSTEM_NAMESPACES) {
    rv++;
    put("namespaces", {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { ...meta(ns, undefined, created, rv, rng), labels: { "kubernetes.io/metadata.name": ns } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    });
  }
  for (const ns of SYSTEM_NAMESPACES) put("configmaps", rootCaConfigMap(ns, created, ++rv, rng));
  const count = opts.nodeCount ?? 3;
  for (let i = 0; i < count; i++) {
    const node = makeNode({
      pool: "nodepool1",
      clusterId,
      index: i,
      vmSize: opts.vmSize ?? "Standard_B2s",
      ordinal: i,
      createdAt: created,
      mode: "System",
    });
    node.metadata.uid = rng.uuid();
    node.metadata.resourceVersion = String(++rv);
    put("nodes", node);
  }
  put("services", {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      ...meta("kubernetes", "default", created, ++rv, rng),
      labels: { component: "apiserver", provider: "kubernetes" },
    },
    spec: {
      clusterIP: "10.0.0.1",
      clusterIPs: ["10.0.0.1"],
      internalTrafficPolicy: "Cluster",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 443 }],
      sessionAffinity: "None",
      type: "ClusterIP",
    },
    status: { loadBalancer: {} },
  });
  put("endpoints", {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: {
      ...meta("kubernetes", "default", created, ++rv, rng),
      labels: { "endpointslice.kubernetes.io/skip-mirror": "true" },
    },
    subsets: [{ addresses: [{ ip: "20.62.133.7" }], ports: [{ name: "https", port: 443, protocol: "TCP" }] }],
  });
  // Storage classes draw nothing from `rng` and take resourceVersions from the gap below state.rv.
  for (const sc of storageClasses(opts.seed, created, rv + 1)) put("storageclasses", sc);
  return {
    v: 1,
    seed: opts.seed,
    profile: opts.profile,
    start: opts.start,
    now: opts.start,
    rng: rng.state,
    rv: rv + 1000,
    clusterId,
    objects,
    pods: {},
    images: {},
    ipam: {},
    events: [],
    timers: {},
    kubeconfig: {
      current: "bosun-aks",
      contexts: [{ name: "bosun-aks", cluster: "bosun-aks", user: "clusterUser_bosun-rg_bosun-aks" }],
    },
  };
}
