// Binding claims to volumes and building the PersistentVolume a CSI driver provisions (pv_controller's bind).

import { resourceForKind } from "../api/resources.ts";
import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";
import { isoSeconds } from "../util/time.ts";
import { qty } from "./quota-usage.ts";

const PV_INFO = resourceForKind("PersistentVolume");
const GIB = 1024n ** 3n * 1_000_000_000n;

/** A claim's storage request in bytes (nano-units / 1e9), 0 when missing. */
function requestNanos(o: KObject, field: "claim" | "volume"): bigint {
  const v = field === "claim" ? o.spec?.resources?.requests?.storage : o.spec?.capacity?.storage;
  return qty(v)?.nanos ?? 0n;
}

/**
 * What Azure creates for a request: whole GiB, at least 1 (Premium file shares at least 100).
 * Example: 500Mi → 1Gi; 1.5Gi → 2Gi; 3Gi → 3Gi.
 */
export function provisionedSize(pvc: KObject, premiumFiles: boolean): string {
  const nanos = requestNanos(pvc, "claim");
  let gib = Number((nanos + GIB - 1n) / GIB);
  if (gib < 1) gib = 1;
  if (premiumFiles && gib < 100) gib = 100;
  return `${gib}Gi`;
}

function modesCover(pv: KObject, pvc: KObject): boolean {
  const have = new Set((pv.spec?.accessModes ?? []) as string[]);
  return ((pvc.spec?.accessModes ?? []) as string[]).every((m) => have.has(m));
}

/** An Available volume of the claim's class, big enough and with its access modes: the smallest such (findBestMatchForClaim). */
export function matchingVolume(store: Store, pvc: KObject): KObject | undefined {
  const cls = (pvc.spec?.storageClassName as string | undefined) ?? "";
  const want = requestNanos(pvc, "claim");
  let best: KObject | undefined;
  for (const pv of store.each("persistentvolumes")) {
    if (pv.metadata.deletionTimestamp || pv.status?.phase !== "Available") continue;
    const ref = pv.spec?.claimRef as { name?: string; namespace?: string } | undefined;
    if (ref && (ref.name !== pvc.metadata.name || ref.namespace !== pvc.metadata.namespace)) continue;
    if (((pv.spec?.storageClassName as string | undefined) ?? "") !== cls) continue;
    if (pv.spec?.volumeMode && pvc.spec?.volumeMode && pv.spec.volumeMode !== pvc.spec.volumeMode) continue;
    if (requestNanos(pv, "volume") < want || !modesCover(pv, pvc)) continue;
    if (!best || requestNanos(pv, "volume") < requestNanos(best, "volume")) best = pv;
  }
  return best;
}

/** Binds both sides, with the annotations and finalizers the controller and protection admission add. */
export function bind(store: Store, pvc: KObject, pv: KObject, byController: boolean): void {
  pv.spec.claimRef = {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    name: pvc.metadata.name,
    namespace: pvc.metadata.namespace,
    resourceVersion: pvc.metadata.resourceVersion,
    uid: pvc.metadata.uid,
  };
  pv.status = { lastPhaseTransitionTime: isoSeconds(store.now), phase: "Bound" };
  if (!pv.metadata.finalizers?.includes("kubernetes.io/pv-protection"))
    pv.metadata.finalizers = [...(pv.metadata.finalizers ?? []), "kubernetes.io/pv-protection"];
  if (byController)
    pv.metadata.annotations = {
      ...(pv.metadata.annotations ?? {}),
      "pv.kubernetes.io/bound-by-controller": "yes",
    };
  store.touch(pv);
  pvc.spec.volumeName = pv.metadata.name;
  pvc.metadata.annotations = {
    ...(pvc.metadata.annotations ?? {}),
    "pv.kubernetes.io/bind-completed": "yes",
    "pv.kubernetes.io/bound-by-controller": "yes",
  };
  pvc.status = {
    accessModes: [...((pv.spec?.accessModes ?? []) as string[])],
    capacity: { ...(pv.spec?.capacity ?? {}) },
    phase: "Bound",
  };
  store.touch(pvc);
}

/** The Azure resource id of a provisioned disk or file share. */
function volumeHandle(store: Store, pvName: string, file: boolean, pvc: KObject): string {
  const rg = "mc_bosun-rg_bosun-aks_eastus";
  if (file) return `${rg}#f${store.state.clusterId}#${pvName}###${pvc.metadata.namespace}`;
  return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${rg}/providers/Microsoft.Compute/disks/${pvName}`;
}

/** Creates the PersistentVolume `pvc-<claim uid>` a CSI driver provisions for a claim of class `cls`. */
export function provisionVolume(store: Store, pvc: KObject, cls: KObject): KObject {
  if (!PV_INFO) throw new Error("persistentvolume resource missing");
  const driver = cls.provisioner as string;
  const file = driver === "file.csi.azure.com";
  const params = (cls.parameters ?? {}) as Record<string, string>;
  const premium = /premium/i.test(params.skuName ?? params.skuname ?? params.storageaccounttype ?? "");
  const name = `pvc-${pvc.metadata.uid}`;
  const size = provisionedSize(pvc, file && premium);
  const pv: KObject = {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: {
      name,
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
      annotations: {
        "pv.kubernetes.io/provisioned-by": driver,
        "volume.kubernetes.io/provisioner-deletion-secret-name": "",
        "volume.kubernetes.io/provisioner-deletion-secret-namespace": "",
      },
      finalizers: ["external-provisioner.volume.kubernetes.io/finalizer", "kubernetes.io/pv-protection"],
    },
    spec: {
      accessModes: [...((pvc.spec?.accessModes ?? []) as string[])],
      capacity: { storage: size },
      csi: {
        driver,
        volumeAttributes: {
          "csi.storage.k8s.io/pv/name": name,
          "csi.storage.k8s.io/pvc/name": pvc.metadata.name,
          "csi.storage.k8s.io/pvc/namespace": pvc.metadata.namespace ?? "default",
          ...(file ? {} : { requestedsizegib: size.replace(/Gi$/, "") }),
          ...params,
          "storage.kubernetes.io/csiProvisionerIdentity": `${store.state.start}-${store.state.clusterId.slice(0, 4)}-${driver}`,
        },
        volumeHandle: volumeHandle(store, name, file, pvc),
      },
      ...(file
        ? { mountOptions: [...((cls.mountOptions ?? []) as string[])] }
        : {
            nodeAffinity: {
              required: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: [
                      { key: "topology.disk.csi.azure.com/zone", operator: "In", values: [""] },
                    ],
                  },
                ],
              },
            },
          }),
      persistentVolumeReclaimPolicy: (cls.reclaimPolicy as string | undefined) ?? "Delete",
      storageClassName: cls.metadata.name,
      volumeMode: (pvc.spec?.volumeMode as string | undefined) ?? "Filesystem",
    },
    status: { phase: "Pending" },
  };
  return store.create(PV_INFO, pv);
}
