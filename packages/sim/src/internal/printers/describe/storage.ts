// kubectl describe for PersistentVolumeClaim and StorageClass.
import type { KObject } from "../../api/types.ts";
import { accessModes, isDefaultClass, storageClassOf } from "../columns/storage.ts";
import { boolPtr } from "../columns/workloads.ts";
import { canonical } from "../quantity.ts";
import { asArr, asObj, asStr, byteCompare, formatLabels, isSet, rfc1123zOf, since, strMap } from "../util.ts";
import {
  annotationsMultiline,
  type DescribeContext,
  describeEvents,
  eventsOf,
  labelsMultiline,
  listMultiline,
} from "./common.ts";
import { PrefixWriter } from "./writer.ts";

/** getPodsForPVC: pods mounting the claim (once per referencing volume), then owner pods. */
function podsUsing(pvc: KObject, ctx: DescribeContext): string[] {
  const pods = ctx.list("pods", pvc.metadata.namespace);
  const names: string[] = [];
  for (const pod of pods) {
    for (const v of asArr(asObj(pod.spec).volumes)) {
      if (asStr(asObj(asObj(v).persistentVolumeClaim).claimName) === pvc.metadata.name)
        names.push(pod.metadata.name);
    }
  }
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== "Pod") continue;
    const owner = pods.find((p) => p.metadata.uid === ref.uid);
    if (owner && !names.includes(owner.metadata.name)) names.push(owner.metadata.name);
  }
  return names.sort(byteCompare);
}

/** `kubectl describe persistentvolumeclaim`. */
export function describePVC(pvc: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(pvc.spec);
  const status = asObj(pvc.status);
  w.write(0, `Name:\t${pvc.metadata.name}\n`);
  w.write(0, `Namespace:\t${pvc.metadata.namespace ?? ""}\n`);
  w.write(0, `StorageClass:\t${storageClassOf(pvc)}\n`);
  if (pvc.metadata.deletionTimestamp !== undefined) {
    w.write(0, `Status:\tTerminating (lasts ${since(ctx.now, pvc.metadata.deletionTimestamp)})\n`);
  } else w.write(0, `Status:\t${asStr(status.phase)}\n`);
  w.write(0, `Volume:\t${asStr(spec.volumeName)}\n`);
  labelsMultiline(w, "Labels", pvc.metadata.labels);
  annotationsMultiline(w, "Annotations", pvc.metadata.annotations);
  w.write(0, `Finalizers:\t[${(pvc.metadata.finalizers ?? []).join(" ")}]\n`);
  const bound = asStr(spec.volumeName) !== "";
  w.write(0, `Capacity:\t${bound ? canonical(asObj(status.capacity).storage ?? "0") : ""}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModes(status.accessModes) : ""}\n`);
  if (isSet(spec.volumeMode)) w.write(0, `VolumeMode:\t${asStr(spec.volumeMode)}\n`);
  if (isSet(spec.dataSource)) {
    const ds = asObj(spec.dataSource);
    w.write(0, "DataSource:\n");
    if (isSet(ds.apiGroup)) w.write(1, `APIGroup:\t${asStr(ds.apiGroup)}\n`);
    w.write(1, `Kind:\t${asStr(ds.kind)}\n`);
    w.write(1, `Name:\t${asStr(ds.name)}\n`);
  }
  listMultiline(w, "Used By", podsUsing(pvc, ctx));
  const conditions = asArr(status.conditions).map(asObj);
  if (conditions.length > 0) {
    w.write(0, "Conditions:\n");
    w.write(1, "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of conditions) {
      const probe = rfc1123zOf(c.lastProbeTime);
      const trans = rfc1123zOf(c.lastTransitionTime);
      w.write(
        1,
        `${asStr(c.type)} \t${asStr(c.status)} \t${probe} \t${trans} \t${asStr(c.reason)} \t${asStr(c.message)}\n`,
      );
    }
  }
  describeEvents(w, eventsOf(ctx, pvc), ctx.now);
  return w.toString();
}

/** `kubectl describe storageclass`. */
export function describeStorageClass(sc: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${sc.metadata.name}\n`);
  w.write(0, `IsDefaultClass:\t${isDefaultClass(sc) ? "Yes" : "No"}\n`);
  w.write(0, `Annotations:\t${formatLabels(sc.metadata.annotations ?? {})}\n`);
  w.write(0, `Provisioner:\t${asStr(sc.provisioner)}\n`);
  w.write(0, `Parameters:\t${formatLabels(strMap(sc.parameters))}\n`);
  w.write(0, `AllowVolumeExpansion:\t${boolPtr(sc.allowVolumeExpansion)}\n`);
  const options = asArr(sc.mountOptions).map((o) => asStr(o));
  if (options.length === 0) w.write(0, "MountOptions:\t<none>\n");
  else {
    w.write(0, "MountOptions:\n");
    for (const o of options) w.write(1, `${o}\n`);
  }
  if (isSet(sc.reclaimPolicy)) w.write(0, `ReclaimPolicy:\t${asStr(sc.reclaimPolicy)}\n`);
  if (isSet(sc.volumeBindingMode)) w.write(0, `VolumeBindingMode:\t${asStr(sc.volumeBindingMode)}\n`);
  describeEvents(w, eventsOf(ctx, sc), ctx.now);
  return w.toString();
}
