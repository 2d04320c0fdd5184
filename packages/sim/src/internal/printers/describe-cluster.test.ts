// kubectl describe for PersistentVolumeClaims, StorageClasses and the generic describer.
import { describe, expect, it } from "vitest";
import { smartLabel } from "./describe/generic.ts";
import { describeObject } from "./describe/index.ts";
import { context, obj } from "./test-fixtures.ts";

describe("describe storage", () => {
  it("persistent volume claim with the pods using it", () => {
    const pvc = obj(
      "v1",
      "PersistentVolumeClaim",
      "data-db-0",
      {
        spec: {
          accessModes: ["ReadWriteOnce"],
          resources: { requests: { storage: "1Gi" } },
          storageClassName: "standard",
          volumeName: "pvc-0a1b",
          volumeMode: "Filesystem",
        },
        status: { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" } },
      },
      {
        labels: { app: "db" },
        annotations: {
          "pv.kubernetes.io/bind-completed": "yes",
          "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path",
        },
        finalizers: ["kubernetes.io/pvc-protection"],
      },
    );
    const user = obj("v1", "Pod", "db-0", {
      spec: { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data-db-0" } }] },
    });
    expect(
      describeObject("persistentvolumeclaims", pvc, context({ pods: [user] })),
    ).toBe(`Name:          data-db-0
Namespace:     default
StorageClass:  standard
Status:        Bound
Volume:        pvc-0a1b
Labels:        app=db
Annotations:   pv.kubernetes.io/bind-completed: yes
               volume.kubernetes.io/storage-provisioner: rancher.io/local-path
Finalizers:    [kubernetes.io/pvc-protection]
Capacity:      1Gi
Access Modes:  RWO
VolumeMode:    Filesystem
Used By:       db-0
Events:        <none>
`);
  });

  it("pending claim: no capacity or access modes yet", () => {
    const pvc = obj("v1", "PersistentVolumeClaim", "claim", {
      spec: { storageClassName: "fast", resources: { requests: { storage: "5Gi" } } },
      status: { phase: "Pending" },
    });
    expect(describeObject("persistentvolumeclaims", pvc, context({}))).toContain(
      "Volume:        \nLabels:        <none>\nAnnotations:   <none>\nFinalizers:    []\nCapacity:      \nAccess Modes:  \nUsed By:       <none>\n",
    );
  });

  it("storage class", () => {
    const sc = obj(
      "storage.k8s.io/v1",
      "StorageClass",
      "standard",
      {
        provisioner: "rancher.io/local-path",
        reclaimPolicy: "Delete",
        volumeBindingMode: "WaitForFirstConsumer",
      },
      {
        namespace: undefined as never,
        annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
      },
    );
    expect(describeObject("storageclasses", sc, context({}))).toBe(`Name:                  standard
IsDefaultClass:        Yes
Annotations:           storageclass.kubernetes.io/is-default-class=true
Provisioner:           rancher.io/local-path
Parameters:            <none>
AllowVolumeExpansion:  <unset>
MountOptions:          <none>
ReclaimPolicy:         Delete
VolumeBindingMode:     WaitForFirstConsumer
Events:                <none>
`);
  });
});

describe("generic describer", () => {
  it("prints every field with smart labels", () => {
    const lease = obj(
      "coordination.k8s.io/v1",
      "Lease",
      "node-1",
      {
        spec: {
          holderIdentity: "node-1",
          leaseDurationSeconds: 40,
          renewTime: "2024-05-01T11:59:58.123456Z",
        },
      },
      { namespace: "kube-node-lease" },
    );
    expect(describeObject("leases", lease, context({}))).toBe(`Name:         node-1
Namespace:    kube-node-lease
Labels:       <none>
Annotations:  <none>
API Version:  coordination.k8s.io/v1
Kind:         Lease
Metadata:
  Creation Timestamp:  2024-05-01T11:50:00Z
  Resource Version:    1
  UID:                 uid-lease-node-1
Spec:
  Holder Identity:         node-1
  Lease Duration Seconds:  40
  Renew Time:              2024-05-01T11:59:58.123456Z
Events:                    <none>
`);
    expect(smartLabel("apiVersion")).toBe("API Version");
    // fatih/camelcase splits an upper-case run before a lower-case one: kubectl 1.32 prints this.
    expect(smartLabel("podCIDRs")).toBe("Pod CID Rs");
    expect(smartLabel("x509")).toBe("x509");
  });
});
