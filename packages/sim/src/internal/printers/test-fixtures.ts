// Hand-built API objects shared by the printer tests (a frozen clock, one small cluster).
import type { EventRecord } from "../api/events.ts";
import type { KObject } from "../api/types.ts";
import type { DescribeContext } from "./describe/index.ts";

/** The tests' frozen clock: 2024-05-01T12:00:00Z. */
export const NOW = Date.parse("2024-05-01T12:00:00Z");

/** RFC 3339 for `seconds` before NOW. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace(".000Z", "Z");
}

/** An object with the metadata the API server fills in. */
export function obj(
  apiVersion: string,
  kind: string,
  name: string,
  extra: Record<string, unknown> = {},
  meta: Partial<KObject["metadata"]> = {},
): KObject {
  return {
    apiVersion,
    kind,
    metadata: {
      name,
      namespace: "default",
      uid: `uid-${kind.toLowerCase()}-${name}`,
      resourceVersion: "1",
      creationTimestamp: ago(600),
      ...meta,
    },
    ...extra,
  } as KObject;
}

/** The two tolerations the DefaultTolerationSeconds admission plugin adds. */
export const DEFAULT_TOLERATIONS = [
  { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
  { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
];

/** The projected service-account volume the API server injects. */
export const KUBE_API_ACCESS = {
  name: "kube-api-access-x8k2p",
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
      { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
      {
        downwardAPI: {
          items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }],
        },
      },
    ],
  },
};

/** A running nginx pod of the "web" Deployment, five minutes old. */
export function runningPod(): KObject {
  return obj(
    "v1",
    "Pod",
    "web-7c5ddbdf54-x8k2p",
    {
      spec: {
        containers: [
          {
            name: "nginx",
            image: "nginx:1.25",
            imagePullPolicy: "IfNotPresent",
            ports: [{ containerPort: 80, protocol: "TCP" }],
            resources: {},
            volumeMounts: [
              {
                name: "kube-api-access-x8k2p",
                mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
                readOnly: true,
              },
            ],
          },
        ],
        nodeName: "node-1",
        priority: 0,
        serviceAccountName: "default",
        tolerations: DEFAULT_TOLERATIONS,
        volumes: [KUBE_API_ACCESS],
      },
      status: {
        phase: "Running",
        hostIP: "10.224.0.4",
        podIP: "10.244.1.5",
        podIPs: [{ ip: "10.244.1.5" }],
        qosClass: "BestEffort",
        startTime: ago(300),
        conditions: [
          {
            type: "PodReadyToStartContainers",
            status: "True",
            lastProbeTime: null,
            lastTransitionTime: ago(298),
          },
          { type: "Initialized", status: "True", lastProbeTime: null, lastTransitionTime: ago(300) },
          { type: "Ready", status: "True", lastProbeTime: null, lastTransitionTime: ago(297) },
          { type: "ContainersReady", status: "True", lastProbeTime: null, lastTransitionTime: ago(297) },
          { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: ago(300) },
        ],
        containerStatuses: [
          {
            name: "nginx",
            ready: true,
            started: true,
            restartCount: 0,
            image: "docker.io/library/nginx:1.25",
            imageID: "docker.io/library/nginx@sha256:0a1b2c",
            containerID: "containerd://4f5e6d",
            state: { running: { startedAt: ago(297) } },
          },
        ],
      },
    },
    {
      creationTimestamp: ago(300),
      labels: { app: "web", "pod-template-hash": "7c5ddbdf54" },
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: "ReplicaSet",
          name: "web-7c5ddbdf54",
          uid: "uid-rs",
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
  );
}

/** An event record about an object. */
export function event(
  involved: KObject,
  reason: string,
  message: string,
  opts: {
    type?: "Normal" | "Warning";
    source?: string;
    host?: string;
    first: number;
    last?: number;
    count?: number;
    id: string;
  },
): EventRecord {
  return {
    name: `${involved.metadata.name}.${opts.id}`,
    type: opts.type ?? "Normal",
    reason,
    message,
    source: opts.source ?? "kubelet",
    ...(opts.host ? { host: opts.host } : {}),
    involved: {
      kind: involved.kind,
      namespace: involved.metadata.namespace ?? "",
      name: involved.metadata.name,
      uid: involved.metadata.uid,
      apiVersion: involved.apiVersion,
    },
    first: NOW - opts.first * 1000,
    last: NOW - (opts.last ?? opts.first) * 1000,
    count: opts.count ?? 1,
  };
}

/** A describe context over a fixed set of objects and events. */
export function context(objects: Record<string, KObject[]>, events: EventRecord[] = []): DescribeContext {
  return {
    now: NOW,
    events: (uid) =>
      events.filter((e) => e.involved.uid === uid || (e.involved.kind === "Node" && e.involved.name === uid)),
    list: (resource, namespace) =>
      (objects[resource] ?? []).filter((o) => namespace === undefined || o.metadata.namespace === namespace),
    get: (resource, namespace, name) =>
      (objects[resource] ?? []).find(
        (o) => o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace),
      ),
  };
}
