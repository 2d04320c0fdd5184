// kubectl describe for ReplicaSets, DaemonSets and StatefulSets.
import { describe, expect, it } from "vitest";
import { describeObject } from "./describe/index.ts";
import { context, obj } from "./test-fixtures.ts";

const owner = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  name: "web",
  uid: "uid-deployment-web",
  controller: true,
};

describe("describe replicaset, daemonset, statefulset", () => {
  const small = {
    metadata: { labels: { app: "web", "pod-template-hash": "7c5ddbdf54" } },
    spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] },
  };

  it("replicaset: controller, replicas and pod phases", () => {
    const rs = obj(
      "apps/v1",
      "ReplicaSet",
      "web-7c5ddbdf54",
      {
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "web", "pod-template-hash": "7c5ddbdf54" } },
          template: small,
        },
        status: { replicas: 2 },
      },
      {
        labels: { app: "web", "pod-template-hash": "7c5ddbdf54" },
        annotations: { "deployment.kubernetes.io/revision": "1" },
        ownerReferences: [owner],
      },
    );
    const pod = (name: string, phase: string) =>
      obj(
        "v1",
        "Pod",
        name,
        { status: { phase } },
        {
          ownerReferences: [
            {
              apiVersion: "apps/v1",
              kind: "ReplicaSet",
              name: rs.metadata.name,
              uid: rs.metadata.uid,
              controller: true,
            },
          ],
        },
      );
    const ctx = context({
      pods: [
        pod("a", "Running"),
        pod("b", "Pending"),
        obj("v1", "Pod", "other", { status: { phase: "Running" } }),
      ],
    });
    expect(describeObject("replicasets", rs, ctx)).toBe(`Name:           web-7c5ddbdf54
Namespace:      default
Selector:       app=web,pod-template-hash=7c5ddbdf54
Labels:         app=web
                pod-template-hash=7c5ddbdf54
Annotations:    deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web
Replicas:       2 current / 2 desired
Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=7c5ddbdf54
  Containers:
   nginx:
    Image:         nginx:1.25
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:            <none>
`);
  });

  it("daemonset: the unaligned node counts", () => {
    const ds = obj(
      "apps/v1",
      "DaemonSet",
      "fluentd",
      {
        spec: {
          selector: { matchLabels: { name: "fluentd" } },
          template: {
            metadata: { labels: { name: "fluentd" } },
            spec: {
              containers: [
                {
                  name: "fluentd",
                  image: "fluentd:v1",
                  volumeMounts: [{ name: "varlog", mountPath: "/var/log" }],
                },
              ],
              volumes: [{ name: "varlog", hostPath: { path: "/var/log", type: "" } }],
              tolerations: [
                { key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" },
              ],
            },
          },
        },
        status: {
          desiredNumberScheduled: 2,
          currentNumberScheduled: 2,
          updatedNumberScheduled: 2,
          numberAvailable: 2,
          numberMisscheduled: 0,
          numberReady: 2,
        },
      },
      { annotations: { "deprecated.daemonset.template.generation": "1" } },
    );
    expect(describeObject("daemonsets", ds, context({}))).toBe(`Name:           fluentd
Selector:       name=fluentd
Node-Selector:  <none>
Labels:         <none>
Annotations:    deprecated.daemonset.template.generation: 1
Desired Number of Nodes Scheduled: 2
Current Number of Nodes Scheduled: 2
Number of Nodes Scheduled with Up-to-date Pods: 2
Number of Nodes Scheduled with Available Pods: 2
Number of Nodes Misscheduled: 0
Pods Status:  0 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  name=fluentd
  Containers:
   fluentd:
    Image:        fluentd:v1
    Port:         <none>
    Host Port:    <none>
    Environment:  <none>
    Mounts:
      /var/log from varlog (rw)
  Volumes:
   varlog:
    Type:          HostPath (bare host directory volume)
    Path:          /var/log
    HostPathType:  
  Node-Selectors:  <none>
  Tolerations:     node-role.kubernetes.io/control-plane:NoSchedule op=Exists
Events:            <none>
`);
  });

  it("statefulset: update strategy and volume claim templates", () => {
    const sts = obj("apps/v1", "StatefulSet", "db", {
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: "db" } },
        serviceName: "db",
        updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
        template: {
          metadata: { labels: { app: "db" } },
          spec: {
            containers: [
              {
                name: "postgres",
                image: "postgres:16",
                ports: [
                  { containerPort: 5432, name: "pg", protocol: "TCP" },
                  { containerPort: 9187, protocol: "TCP" },
                ],
                volumeMounts: [{ name: "data", mountPath: "/var/lib/postgresql/data" }],
              },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: "data" },
            spec: {
              accessModes: ["ReadWriteOnce"],
              storageClassName: "standard",
              resources: { requests: { storage: "1Gi" } },
            },
          },
        ],
      },
      status: { replicas: 2 },
    });
    expect(describeObject("statefulsets", sts, context({}))).toBe(`Name:               db
Namespace:          default
CreationTimestamp:  Wed, 01 May 2024 11:50:00 +0000
Selector:           app=db
Labels:             <none>
Annotations:        <none>
Replicas:           2 desired | 2 total
Update Strategy:    RollingUpdate
  Partition:        0
Pods Status:        0 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=db
  Containers:
   postgres:
    Image:        postgres:16
    Ports:        5432/TCP, 9187/TCP
    Host Ports:   0/TCP, 0/TCP
    Environment:  <none>
    Mounts:
      /var/lib/postgresql/data from data (rw)
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:
  Name:          data
  StorageClass:  standard
  Labels:        <none>
  Annotations:   <none>
  Capacity:      1Gi
  Access Modes:  [ReadWriteOnce]
Events:          <none>
`);
  });
});
