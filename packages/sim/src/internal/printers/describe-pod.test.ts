// kubectl describe pod: header, containers, conditions, volumes, QoS, tolerations and events.
import { describe, expect, it } from "vitest";
import { describeObject } from "./describe/index.ts";
import { computeQOS } from "./describe/pod.ts";
import { ago, context, event, obj, runningPod } from "./test-fixtures.ts";

describe("describe pod", () => {
  it("prints a running pod exactly as kubectl 1.32 does", () => {
    const pod = runningPod();
    const ctx = context({ pods: [pod] }, [
      event(pod, "Scheduled", "Successfully assigned default/web-7c5ddbdf54-x8k2p to node-1", {
        source: "default-scheduler",
        first: 300,
        id: "a1",
      }),
      event(pod, "Pulled", 'Container image "nginx:1.25" already present on machine', {
        host: "node-1",
        first: 299,
        id: "a2",
      }),
      event(pod, "BackOff", "Back-off restarting failed container", {
        type: "Warning",
        first: 40,
        last: 10,
        count: 3,
        id: "a3",
      }),
    ]);
    expect(describeObject("pods", pod, ctx)).toBe(`Name:             web-7c5ddbdf54-x8k2p
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-1/10.224.0.4
Start Time:       Wed, 01 May 2024 11:55:00 +0000
Labels:           app=web
                  pod-template-hash=7c5ddbdf54
Annotations:      <none>
Status:           Running
IP:               10.244.1.5
IPs:
  IP:           10.244.1.5
Controlled By:  ReplicaSet/web-7c5ddbdf54
Containers:
  nginx:
    Container ID:   containerd://4f5e6d
    Image:          nginx:1.25
    Image ID:       docker.io/library/nginx@sha256:0a1b2c
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Wed, 01 May 2024 11:55:03 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x8k2p (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-x8k2p:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  5m                 default-scheduler  Successfully assigned default/web-7c5ddbdf54-x8k2p to node-1
  Normal   Pulled     4m59s              kubelet            Container image "nginx:1.25" already present on machine
  Warning  BackOff    10s (x3 over 40s)  kubelet            Back-off restarting failed container
`);
  });

  it("prints waiting and last terminated states, resources, probes and the environment", () => {
    const pod = runningPod();
    pod.spec.containers = [
      {
        name: "app",
        image: "busybox",
        command: ["sh", "-c", "exit 1"],
        resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "500m", memory: "128Mi" } },
        livenessProbe: {
          exec: { command: ["cat", "/tmp/healthy"] },
          initialDelaySeconds: 5,
          timeoutSeconds: 1,
          periodSeconds: 5,
          successThreshold: 1,
          failureThreshold: 3,
        },
        env: [
          { name: "NODE", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } },
          { name: "ME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
        ],
      },
    ];
    pod.status.containerStatuses = [
      {
        name: "app",
        ready: false,
        restartCount: 3,
        image: "docker.io/library/busybox:latest",
        imageID: "docker.io/library/busybox@sha256:9ae9",
        containerID: "containerd://77aa",
        state: {
          waiting: { reason: "CrashLoopBackOff", message: "back-off 40s restarting failed container" },
        },
        lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: ago(30), finishedAt: ago(25) } },
      },
    ];
    const text = describeObject("pods", pod, context({}));
    expect(text).toContain(`Containers:
  app:
    Container ID:  containerd://77aa
    Image:         busybox
    Image ID:      docker.io/library/busybox@sha256:9ae9
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
      exit 1
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Wed, 01 May 2024 11:59:30 +0000
      Finished:     Wed, 01 May 2024 11:59:35 +0000
    Ready:          False
    Restart Count:  3
    Limits:
      cpu:     500m
      memory:  128Mi
    Requests:
      cpu:     500m
      memory:  128Mi
    Liveness:  exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3
    Environment:
      NODE:   (v1:spec.nodeName)
      ME:    web-7c5ddbdf54-x8k2p (v1:metadata.name)
    Mounts:  <none>
`);
  });

  it("prints an unscheduled pod", () => {
    const pod = obj("v1", "Pod", "big", {
      spec: { containers: [{ name: "c", image: "nginx" }] },
      status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False" }] },
    });
    expect(describeObject("pods", pod, context({}))).toBe(`Name:         big
Namespace:    default
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       Pending
IP:           
IPs:          <none>
Containers:
  c:
    Image:        nginx
    Port:         <none>
    Host Port:    <none>
    Environment:  <none>
    Mounts:       <none>
Conditions:
  Type           Status
  PodScheduled   False 
Volumes:         <none>
QoS Class:       BestEffort
Node-Selectors:  <none>
Tolerations:     <none>
Events:          <none>
`);
  });
});

describe("QoS class", () => {
  const spec = (...resources: unknown[]) => ({
    containers: resources.map((r, i) => ({ name: `c${i}`, resources: r })),
  });
  it("computes BestEffort, Burstable and Guaranteed like kubectl's qos package", () => {
    expect(computeQOS(spec({}))).toBe("BestEffort");
    expect(computeQOS(spec({ requests: { cpu: "100m" } }))).toBe("Burstable");
    const full = { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1000m", memory: "1Gi" } };
    expect(computeQOS(spec(full, full))).toBe("Guaranteed");
    expect(computeQOS(spec(full, {}))).toBe("Burstable");
    expect(
      computeQOS(spec({ limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "500m", memory: "1Gi" } })),
    ).toBe("Burstable");
  });
});
