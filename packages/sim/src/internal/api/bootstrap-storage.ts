// The StorageClasses an AKS cluster starts with (Azure Disk and Azure Files CSI drivers), as `kubectl get sc` lists them.

import { fnv32a, Rng } from "../util/rng.ts";
import { isoSeconds } from "../util/time.ts";
import type { KObject } from "./types.ts";

type ClassRow = [name: string, provisioner: string, parameters: Record<string, string>];

const DISK = "disk.csi.azure.com";
const FILE = "file.csi.azure.com";
const FILE_MOUNT_OPTIONS = ["mfsymlinks", "actimeo=30", "nosharesock"];

/** AKS 1.32's built-in classes; `default` (Azure Disk, StandardSSD_LRS) is the default class. */
const CLASSES: readonly ClassRow[] = [
  ["azurefile", FILE, { skuName: "Standard_LRS" }],
  ["azurefile-csi", FILE, { skuName: "Standard_LRS" }],
  ["azurefile-csi-premium", FILE, { skuName: "Premium_LRS" }],
  ["azurefile-premium", FILE, { skuName: "Premium_LRS" }],
  ["default", DISK, { skuname: "StandardSSD_LRS" }],
  ["managed", DISK, { cachingmode: "ReadOnly", kind: "Managed", storageaccounttype: "StandardSSD_LRS" }],
  ["managed-csi", DISK, { skuname: "StandardSSD_LRS" }],
  ["managed-csi-premium", DISK, { skuname: "Premium_LRS" }],
  ["managed-premium", DISK, { cachingmode: "ReadOnly", kind: "Managed", storageaccounttype: "Premium_LRS" }],
];

/**
 * The storage classes, created with the cluster. Their uids come from their own generator (seeded
 * by the session seed and the class name), so adding them leaves the rest of the bootstrap, and
 * every name drawn after it, unchanged. `firstRv` is the first free resourceVersion.
 */
export function storageClasses(seed: number, created: number, firstRv: number): KObject[] {
  return CLASSES.map(([name, provisioner, parameters], i) => ({
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: {
      name,
      uid: new Rng(fnv32a(`storageclass:${seed}:${name}`)).uuid(),
      resourceVersion: String(firstRv + i),
      creationTimestamp: isoSeconds(created),
      labels: { "addonmanager.kubernetes.io/mode": "EnsureExists", "kubernetes.io/cluster-service": "true" },
      ...(name === "default"
        ? { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }
        : {}),
    },
    allowVolumeExpansion: true,
    ...(provisioner === FILE ? { mountOptions: [...FILE_MOUNT_OPTIONS] } : {}),
    parameters: { ...parameters },
    provisioner,
    reclaimPolicy: "Delete",
    volumeBindingMode: provisioner === DISK ? "WaitForFirstConsumer" : "Immediate",
  }));
}
