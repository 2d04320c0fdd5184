// `kubectl get` rows for config, cluster and storage kinds, and `kubectl get events`.
import { describe, expect, it } from "vitest";
import { eventTable, type TableOptions, tableFor } from "./columns.ts";
import { formatTable } from "./tabwriter.ts";
import { event, NOW, obj, runningPod } from "./test-fixtures.ts";

const OPTS: TableOptions = {
  now: NOW,
  wide: false,
  showLabels: false,
  labelColumns: [],
  withNamespace: false,
  withKind: false,
  noHeaders: true,
};
const row = (resource: string, o: ReturnType<typeof obj>, wide = false) =>
  tableFor(resource, [o], { ...OPTS, wide })[0];
describe("config and cluster tables", () => {
  it("configmaps, secrets, namespaces, service accounts", () => {
    const cm = obj("v1", "ConfigMap", "app", { data: { a: "1", b: "2" }, binaryData: { c: "AA==" } });
    expect(row("configmaps", cm)).toEqual(["app", "3", "10m"]);
    const s = obj("v1", "Secret", "db", { type: "Opaque", data: { user: "YQ==", pass: "Yg==" } });
    expect(tableFor("secrets", [s], { ...OPTS, noHeaders: false })).toEqual([
      ["NAME", "TYPE", "DATA", "AGE"],
      ["db", "Opaque", "2", "10m"],
    ]);
    const ns = obj("v1", "Namespace", "dev", { status: { phase: "Active" } });
    expect(row("namespaces", ns)).toEqual(["dev", "Active", "10m"]);
    expect(row("serviceaccounts", obj("v1", "ServiceAccount", "default"))).toEqual(["default", "0", "10m"]);
  });

  it("nodes: status, roles, version and the wide columns", () => {
    const node = (conditions: unknown[], unschedulable = false, labels: Record<string, string> = {}) =>
      obj(
        "v1",
        "Node",
        "node-1",
        {
          spec: unschedulable ? { unschedulable: true } : {},
          status: {
            conditions,
            addresses: [
              { type: "InternalIP", address: "10.224.0.4" },
              { type: "Hostname", address: "node-1" },
            ],
            nodeInfo: {
              kubeletVersion: "v1.32.0",
              osImage: "Ubuntu 22.04.4 LTS",
              kernelVersion: "5.15.0-1064-azure",
              containerRuntimeVersion: "containerd://1.7.15-1",
            },
          },
        },
        { labels },
      );
    const ready = [
      { type: "MemoryPressure", status: "False" },
      { type: "Ready", status: "True" },
    ];
    expect(
      tableFor("nodes", [node(ready, false, { "node-role.kubernetes.io/control-plane": "" })], {
        ...OPTS,
        noHeaders: false,
        wide: true,
      }),
    ).toEqual([
      [
        "NAME",
        "STATUS",
        "ROLES",
        "AGE",
        "VERSION",
        "INTERNAL-IP",
        "EXTERNAL-IP",
        "OS-IMAGE",
        "KERNEL-VERSION",
        "CONTAINER-RUNTIME",
      ],
      [
        "node-1",
        "Ready",
        "control-plane",
        "10m",
        "v1.32.0",
        "10.224.0.4",
        "<none>",
        "Ubuntu 22.04.4 LTS",
        "5.15.0-1064-azure",
        "containerd://1.7.15-1",
      ],
    ]);
    expect(row("nodes", node(ready, true))?.slice(1, 3)).toEqual(["Ready,SchedulingDisabled", "<none>"]);
    expect(row("nodes", node([{ type: "Ready", status: "Unknown" }]))?.[1]).toBe("NotReady");
    expect(row("nodes", node([]))?.[1]).toBe("Unknown");
  });

  it("resource quotas (1.32: AGE before REQUEST and LIMIT) and limit ranges (CREATED AT)", () => {
    const rq = obj("v1", "ResourceQuota", "compute", {
      spec: {},
      status: {
        hard: {
          pods: "10",
          "requests.cpu": "1",
          "requests.memory": "1Gi",
          "limits.cpu": "2",
          "limits.memory": "2Gi",
        },
        used: { pods: "2", "requests.cpu": "500m", "requests.memory": "256Mi", "limits.cpu": "1" },
      },
    });
    expect(tableFor("resourcequotas", [rq], { ...OPTS, noHeaders: false })).toEqual([
      ["NAME", "AGE", "REQUEST", "LIMIT"],
      [
        "compute",
        "10m",
        "pods: 2/10, requests.cpu: 500m/1, requests.memory: 256Mi/1Gi",
        "limits.cpu: 1/2, limits.memory: 0/2Gi",
      ],
    ]);
    const lr = obj(
      "v1",
      "LimitRange",
      "cpu-limit-range",
      { spec: { limits: [] } },
      { creationTimestamp: "2024-05-01T11:00:00Z" },
    );
    expect(tableFor("limitranges", [lr], { ...OPTS, noHeaders: false })).toEqual([
      ["NAME", "CREATED AT"],
      ["cpu-limit-range", "2024-05-01T11:00:00Z"],
    ]);
  });

  it("persistent volume claims, volumes and storage classes", () => {
    const bound = obj("v1", "PersistentVolumeClaim", "data-db-0", {
      spec: {
        accessModes: ["ReadWriteOnce"],
        resources: { requests: { storage: "1Gi" } },
        storageClassName: "standard",
        volumeName: "pvc-0a1b",
        volumeMode: "Filesystem",
      },
      status: { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" } },
    });
    expect(tableFor("persistentvolumeclaims", [bound], { ...OPTS, noHeaders: false, wide: true })).toEqual([
      [
        "NAME",
        "STATUS",
        "VOLUME",
        "CAPACITY",
        "ACCESS MODES",
        "STORAGECLASS",
        "VOLUMEATTRIBUTESCLASS",
        "AGE",
        "VOLUMEMODE",
      ],
      ["data-db-0", "Bound", "pvc-0a1b", "1Gi", "RWO", "standard", "<unset>", "10m", "Filesystem"],
    ]);
    const pending = obj("v1", "PersistentVolumeClaim", "claim", {
      spec: { storageClassName: "fast", resources: { requests: { storage: "5Gi" } } },
      status: { phase: "Pending" },
    });
    expect(row("persistentvolumeclaims", pending)).toEqual([
      "claim",
      "Pending",
      "",
      "",
      "",
      "fast",
      "<unset>",
      "10m",
    ]);
    const pv = obj("v1", "PersistentVolume", "pvc-0a1b", {
      spec: {
        capacity: { storage: "1Gi" },
        accessModes: ["ReadWriteOnce", "ReadWriteMany"],
        persistentVolumeReclaimPolicy: "Delete",
        storageClassName: "standard",
        claimRef: { namespace: "default", name: "data-db-0" },
      },
      status: { phase: "Bound" },
    });
    expect(row("persistentvolumes", pv)).toEqual([
      "pvc-0a1b",
      "1Gi",
      "RWO,RWX",
      "Delete",
      "Bound",
      "default/data-db-0",
      "standard",
      "<unset>",
      "",
      "10m",
    ]);
    const sc = obj(
      "storage.k8s.io/v1",
      "StorageClass",
      "standard",
      {
        provisioner: "rancher.io/local-path",
        reclaimPolicy: "Delete",
        volumeBindingMode: "WaitForFirstConsumer",
      },
      { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
    );
    expect(tableFor("storageclasses", [sc], { ...OPTS, noHeaders: false })).toEqual([
      ["NAME", "PROVISIONER", "RECLAIMPOLICY", "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "AGE"],
      ["standard (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer", "false", "10m"],
    ]);
  });

  it("kinds without columns get NAME and AGE", () => {
    expect(tableFor("widgets", [obj("x/v1", "Widget", "w")], { ...OPTS, noHeaders: false })).toEqual([
      ["NAME", "AGE"],
      ["w", "10m"],
    ]);
  });
});

describe("events", () => {
  const pod = runningPod();
  const events = [
    event(pod, "BackOff", "Back-off restarting failed container nginx", {
      type: "Warning",
      host: "node-1",
      first: 120,
      last: 10,
      count: 5,
      id: "17c9a3",
    }),
    event(pod, "Scheduled", "Successfully assigned default/web-7c5ddbdf54-x8k2p to node-1", {
      source: "default-scheduler",
      first: 300,
      id: "17c9a1",
    }),
  ];
  it("lists them in API order (namespace, then name) with the 1.32 columns", () => {
    expect(formatTable(eventTable(events, { ...OPTS, noHeaders: false }))).toBe(
      [
        "LAST SEEN   TYPE      REASON      OBJECT                     MESSAGE",
        "5m          Normal    Scheduled   pod/web-7c5ddbdf54-x8k2p   Successfully assigned default/web-7c5ddbdf54-x8k2p to node-1",
        "10s         Warning   BackOff     pod/web-7c5ddbdf54-x8k2p   Back-off restarting failed container nginx",
      ].join("\n"),
    );
  });

  it("adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME when wide", () => {
    const rows = eventTable(events, { ...OPTS, noHeaders: false, wide: true });
    expect(rows[0]).toEqual([
      "LAST SEEN",
      "TYPE",
      "REASON",
      "OBJECT",
      "SUBOBJECT",
      "SOURCE",
      "MESSAGE",
      "FIRST SEEN",
      "COUNT",
      "NAME",
    ]);
    expect(rows[2]).toEqual([
      "10s",
      "Warning",
      "BackOff",
      "pod/web-7c5ddbdf54-x8k2p",
      "",
      "kubelet, node-1",
      "Back-off restarting failed container nginx",
      "2m",
      "5",
      "web-7c5ddbdf54-x8k2p.17c9a3",
    ]);
    expect(eventTable(events, { ...OPTS, withNamespace: true })[0]?.[0]).toBe("default");
  });
});
