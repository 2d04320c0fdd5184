// kubectl describe node.
import { describe, expect, it } from "vitest";
import { describeObject } from "./describe/index.ts";
import { ago, context, event, obj, runningPod } from "./test-fixtures.ts";

const node = obj(
  "v1",
  "Node",
  "node-1",
  {
    spec: {
      podCIDR: "10.244.1.0/24",
      podCIDRs: ["10.244.1.0/24"],
      providerID: "azure:///subscriptions/x/node-1",
    },
    status: {
      addresses: [
        { type: "InternalIP", address: "10.224.0.4" },
        { type: "Hostname", address: "node-1" },
      ],
      capacity: {
        cpu: "2",
        "ephemeral-storage": "129886128Ki",
        "hugepages-1Gi": "0",
        "hugepages-2Mi": "0",
        memory: "8141332Ki",
        pods: "110",
      },
      allocatable: {
        cpu: "1900m",
        "ephemeral-storage": "119703055367",
        "hugepages-1Gi": "0",
        "hugepages-2Mi": "0",
        memory: "5474836Ki",
        pods: "110",
      },
      conditions: [
        {
          type: "MemoryPressure",
          status: "False",
          lastHeartbeatTime: ago(20),
          lastTransitionTime: ago(86400),
          reason: "KubeletHasSufficientMemory",
          message: "kubelet has sufficient memory available",
        },
        {
          type: "Ready",
          status: "True",
          lastHeartbeatTime: ago(20),
          lastTransitionTime: ago(86400),
          reason: "KubeletReady",
          message: "kubelet is posting ready status",
        },
      ],
      nodeInfo: {
        machineID: "m1",
        systemUUID: "s1",
        bootID: "b1",
        kernelVersion: "5.15.0-1064-azure",
        osImage: "Ubuntu 22.04.4 LTS",
        operatingSystem: "linux",
        architecture: "amd64",
        containerRuntimeVersion: "containerd://1.7.15-1",
        kubeletVersion: "v1.32.0",
        kubeProxyVersion: "",
      },
    },
  },
  {
    namespace: undefined as never,
    labels: {
      "kubernetes.io/hostname": "node-1",
      "kubernetes.io/os": "linux",
      "node-role.kubernetes.io/agent": "",
    },
    annotations: { "node.alpha.kubernetes.io/ttl": "0" },
    creationTimestamp: ago(86400 * 3),
  },
);

describe("describe node", () => {
  it("prints conditions, capacity, system info, non-terminated pods and allocated resources", () => {
    const pod = runningPod();
    pod.spec.containers[0].resources = {
      requests: { cpu: "250m", memory: "64Mi" },
      limits: { cpu: "500m", memory: "128Mi" },
    };
    const dns = obj(
      "v1",
      "Pod",
      "coredns-6f6b679f8f-abcde",
      {
        spec: {
          nodeName: "node-1",
          containers: [
            {
              name: "coredns",
              resources: { requests: { cpu: "100m", memory: "70Mi" }, limits: { memory: "170Mi" } },
            },
          ],
        },
        status: { phase: "Running" },
      },
      { namespace: "kube-system", creationTimestamp: ago(3600 * 30) },
    );
    const done = obj("v1", "Pod", "job-done", {
      spec: { nodeName: "node-1", containers: [{ name: "c" }] },
      status: { phase: "Succeeded" },
    });
    const ctx = context({ pods: [dns, pod, done] }, [
      event(node, "Starting", "Starting kubelet.", { host: "node-1", first: 3600, id: "n1" }),
    ]);
    expect(describeObject("nodes", node, ctx)).toBe(`Name:               node-1
Roles:              agent
Labels:             kubernetes.io/hostname=node-1
                    kubernetes.io/os=linux
                    node-role.kubernetes.io/agent=
Annotations:        node.alpha.kubernetes.io/ttl: 0
CreationTimestamp:  Sun, 28 Apr 2024 12:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  node-1
  AcquireTime:     <unset>
  RenewTime:       Wed, 01 May 2024 12:00:00 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Wed, 01 May 2024 11:59:40 +0000   Tue, 30 Apr 2024 12:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  Ready            True    Wed, 01 May 2024 11:59:40 +0000   Tue, 30 Apr 2024 12:00:00 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  10.224.0.4
  Hostname:    node-1
Capacity:
  cpu:                2
  ephemeral-storage:  129886128Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             8141332Ki
  pods:               110
Allocatable:
  cpu:                1900m
  ephemeral-storage:  119703055367
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             5474836Ki
  pods:               110
System Info:
  Machine ID:                 m1
  System UUID:                s1
  Boot ID:                    b1
  Kernel Version:             5.15.0-1064-azure
  OS Image:                   Ubuntu 22.04.4 LTS
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.15-1
  Kubelet Version:            v1.32.0
  Kube-Proxy Version:         
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
ProviderID:                   azure:///subscriptions/x/node-1
Non-terminated Pods:          (2 in total)
  Namespace                   Name                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                        ------------  ----------  ---------------  -------------  ---
  default                     web-7c5ddbdf54-x8k2p        250m (13%)    500m (26%)  64Mi (1%)        128Mi (2%)     5m
  kube-system                 coredns-6f6b679f8f-abcde    100m (5%)     0 (0%)      70Mi (1%)        170Mi (3%)     30h
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests    Limits
  --------           --------    ------
  cpu                350m (18%)  500m (26%)
  memory             134Mi (2%)  298Mi (5%)
  ephemeral-storage  0 (0%)      0 (0%)
  hugepages-1Gi      0 (0%)      0 (0%)
  hugepages-2Mi      0 (0%)      0 (0%)
Events:
  Type    Reason    Age   From     Message
  ----    ------    ----  ----     -------
  Normal  Starting  60m   kubelet  Starting kubelet.
`);
  });

  it("prints taints and a cordoned node", () => {
    const tainted = {
      ...node,
      spec: {
        unschedulable: true,
        taints: [
          { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" },
          { key: "dedicated", value: "gpu", effect: "NoExecute" },
        ],
      },
    };
    expect(
      describeObject("nodes", tainted, context({})),
    ).toContain(`Taints:             dedicated=gpu:NoExecute
                    node.kubernetes.io/unschedulable:NoSchedule
Unschedulable:      true
`);
  });
});
