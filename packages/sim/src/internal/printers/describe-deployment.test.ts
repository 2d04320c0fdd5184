// kubectl describe deployment: strategy, pod template, conditions and replica sets.
import { describe, expect, it } from "vitest";
import { describeObject } from "./describe/index.ts";
import { ago, context, event, obj } from "./test-fixtures.ts";

const container = {
  name: "nginx",
  image: "nginx:1.25",
  ports: [{ containerPort: 80, protocol: "TCP" }],
  resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "250m", memory: "64Mi" } },
  env: [
    { name: "MODE", value: "prod" },
    { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
    { name: "LEVEL", valueFrom: { configMapKeyRef: { name: "cfg", key: "level" } } },
    { name: "POD", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
  ],
  envFrom: [{ configMapRef: { name: "app-config" } }],
  livenessProbe: {
    httpGet: { path: "/", port: 80, scheme: "HTTP" },
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  },
  readinessProbe: {
    tcpSocket: { port: 80 },
    initialDelaySeconds: 5,
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  },
};
const template = {
  metadata: { creationTimestamp: null, labels: { app: "web" } },
  spec: {
    containers: [container],
    volumes: [
      { name: "data", emptyDir: {} },
      { name: "cfg", configMap: { name: "app-config", defaultMode: 420 } },
    ],
  },
};
const owner = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  name: "web",
  uid: "uid-deployment-web",
  controller: true,
};

describe("describe deployment", () => {
  it("prints replicas, strategy, the pod template, conditions and its replica sets", () => {
    const dep = obj(
      "apps/v1",
      "Deployment",
      "web",
      {
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: "web" } },
          strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
          template,
        },
        status: {
          replicas: 3,
          updatedReplicas: 3,
          readyReplicas: 3,
          availableReplicas: 3,
          conditions: [
            { type: "Available", status: "True", reason: "MinimumReplicasAvailable" },
            { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable" },
          ],
        },
      },
      { labels: { app: "web" }, annotations: { "deployment.kubernetes.io/revision": "2" } },
    );
    const hashed = (hash: string) => ({
      ...template,
      metadata: { ...template.metadata, labels: { app: "web", "pod-template-hash": hash } },
    });
    const rsNew = obj(
      "apps/v1",
      "ReplicaSet",
      "web-7c5ddbdf54",
      { spec: { replicas: 3, template: hashed("7c5ddbdf54") }, status: { replicas: 3 } },
      { creationTimestamp: ago(300), ownerReferences: [owner] },
    );
    const rsOld = obj(
      "apps/v1",
      "ReplicaSet",
      "web-5d4d8b5c8d",
      {
        spec: {
          replicas: 0,
          template: {
            metadata: { labels: { app: "web" } },
            spec: { containers: [{ name: "nginx", image: "nginx:1.24" }] },
          },
        },
        status: { replicas: 0 },
      },
      { ownerReferences: [owner] },
    );
    const ctx = context({ replicasets: [rsNew, rsOld] }, [
      event(dep, "ScalingReplicaSet", "Scaled up replica set web-7c5ddbdf54 to 3", {
        source: "deployment-controller",
        first: 300,
        id: "b1",
      }),
    ]);
    expect(describeObject("deployments", dep, ctx)).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Wed, 01 May 2024 11:50:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 2
Selector:               app=web
Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:      nginx:1.25
    Port:       80/TCP
    Host Port:  0/TCP
    Limits:
      cpu:     500m
      memory:  128Mi
    Requests:
      cpu:      250m
      memory:   64Mi
    Liveness:   http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
    Readiness:  tcp-socket :80 delay=5s timeout=1s period=10s #success=1 #failure=3
    Environment Variables from:
      app-config  ConfigMap  Optional: false
    Environment:
      MODE:         prod
      DB_PASSWORD:  <set to the key 'password' in secret 'db'>    Optional: false
      LEVEL:        <set to the key 'level' of config map 'cfg'>  Optional: false
      POD:           (v1:metadata.name)
    Mounts:         <none>
  Volumes:
   data:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     
    SizeLimit:  <unset>
   cfg:
    Type:          ConfigMap (a volume populated by a ConfigMap)
    Name:          app-config
    Optional:      false
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   web-7c5ddbdf54 (3/3 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  5m    deployment-controller  Scaled up replica set web-7c5ddbdf54 to 3
`);
  });
});
