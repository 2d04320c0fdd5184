// Storage tables: PersistentVolumeClaim, PersistentVolume, StorageClass.
import type { KObject } from "../../api/types.ts";
import { canonical } from "../quantity.ts";
import { asArr, asObj, asStr, isSet, since } from "../util.ts";
import type { KindTable } from "./types.ts";

const age = (o: KObject, now: number) => since(now, o.metadata.creationTimestamp);

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order. */
export function accessModes(modes: unknown): string {
  const set = new Set(asArr(modes).map((m) => asStr(m)));
  const names: [string, string][] = [
    ["ReadWriteOnce", "RWO"],
    ["ReadOnlyMany", "ROX"],
    ["ReadWriteMany", "RWX"],
    ["ReadWriteOncePod", "RWOP"],
  ];
  return names
    .filter(([m]) => set.has(m))
    .map(([, s]) => s)
    .join(",");
}

/** GetPersistentVolume(Claim)Class: the beta annotation wins over spec.storageClassName. */
export function storageClassOf(o: KObject): string {
  const beta = o.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"];
  return beta ?? asStr(asObj(o.spec).storageClassName);
}

/** `kubectl get persistentvolumeclaims`. */
export const pvcTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Status" },
    { name: "Volume" },
    { name: "Capacity" },
    { name: "Access Modes" },
    { name: "StorageClass" },
    { name: "VolumeAttributesClass" },
    { name: "Age" },
    { name: "VolumeMode", wide: true },
  ],
  row(o, now) {
    const spec = asObj(o.spec);
    const status = asObj(o.status);
    const bound = asStr(spec.volumeName) !== "";
    return [
      o.metadata.name,
      o.metadata.deletionTimestamp !== undefined ? "Terminating" : asStr(status.phase),
      asStr(spec.volumeName),
      bound ? canonical(asObj(status.capacity).storage ?? "0") : "",
      bound ? accessModes(status.accessModes) : "",
      storageClassOf(o),
      isSet(spec.volumeAttributesClassName) ? asStr(spec.volumeAttributesClassName) : "<unset>",
      age(o, now),
      isSet(spec.volumeMode) ? asStr(spec.volumeMode) : "<unset>",
    ];
  },
};

/** `kubectl get persistentvolumes`. */
export const pvTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Capacity" },
    { name: "Access Modes" },
    { name: "Reclaim Policy" },
    { name: "Status" },
    { name: "Claim" },
    { name: "StorageClass" },
    { name: "VolumeAttributesClass" },
    { name: "Reason" },
    { name: "Age" },
    { name: "VolumeMode", wide: true },
  ],
  row(o, now) {
    const spec = asObj(o.spec);
    const status = asObj(o.status);
    const ref = isSet(spec.claimRef) ? asObj(spec.claimRef) : undefined;
    return [
      o.metadata.name,
      canonical(asObj(spec.capacity).storage ?? "0"),
      accessModes(spec.accessModes),
      asStr(spec.persistentVolumeReclaimPolicy),
      o.metadata.deletionTimestamp !== undefined ? "Terminating" : asStr(status.phase),
      ref ? `${asStr(ref.namespace)}/${asStr(ref.name)}` : "",
      storageClassOf(o),
      isSet(spec.volumeAttributesClassName) ? asStr(spec.volumeAttributesClassName) : "<unset>",
      asStr(status.reason),
      age(o, now),
      isSet(spec.volumeMode) ? asStr(spec.volumeMode) : "<unset>",
    ];
  },
};

/** IsDefaultAnnotation for StorageClasses. */
export function isDefaultClass(o: KObject): boolean {
  const a = o.metadata.annotations ?? {};
  return (
    a["storageclass.kubernetes.io/is-default-class"] === "true" ||
    a["storageclass.beta.kubernetes.io/is-default-class"] === "true"
  );
}

/** `kubectl get storageclasses`. */
export const storageClassTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Provisioner" },
    { name: "ReclaimPolicy" },
    { name: "VolumeBindingMode" },
    { name: "AllowVolumeExpansion" },
    { name: "Age" },
  ],
  row: (o, now) => [
    isDefaultClass(o) ? `${o.metadata.name} (default)` : o.metadata.name,
    asStr(o.provisioner),
    asStr(o.reclaimPolicy, "Delete"),
    asStr(o.volumeBindingMode, "Immediate"),
    o.allowVolumeExpansion === true ? "true" : "false",
    age(o, now),
  ],
};
