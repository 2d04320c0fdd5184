// Volume sections of describe (pods and pod templates) and the Pod Template block of workloads.
import {
  asArr,
  asNum,
  asObj,
  asStr,
  byteCompare,
  formatLabelSelector,
  isSet,
  type Obj,
  strMap,
} from "../util.ts";
import { annotationsMultiline, labelsMultiline, tolerationsMultiline } from "./common.ts";
import { describeContainers } from "./containers.ts";
import type { PrefixWriter } from "./writer.ts";

/** The *bool fields 1.32 printed with %v in projected sources: "<nil>" when unset. */
function goBoolPtr(v: unknown): string {
  return typeof v === "boolean" ? String(v) : "<nil>";
}

function projected(p: Obj, w: PrefixWriter): void {
  w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
  for (const src of asArr(p.sources).map(asObj)) {
    if (isSet(src.secret)) {
      const s = asObj(src.secret);
      w.write(2, `SecretName:\t${asStr(s.name)}\n    SecretOptionalName:\t${goBoolPtr(s.optional)}\n`);
    } else if (isSet(src.downwardAPI)) w.write(2, "DownwardAPI:\ttrue\n");
    else if (isSet(src.configMap)) {
      const c = asObj(src.configMap);
      w.write(2, `ConfigMapName:\t${asStr(c.name)}\n    ConfigMapOptional:\t${goBoolPtr(c.optional)}\n`);
    } else if (isSet(src.serviceAccountToken)) {
      w.write(2, `TokenExpirationSeconds:\t${asNum(asObj(src.serviceAccountToken).expirationSeconds)}\n`);
    }
  }
}

function csiAttributes(attrs: Record<string, string>, w: PrefixWriter): void {
  w.write(2, "VolumeAttributes:\t");
  const keys = Object.keys(attrs).sort(byteCompare);
  if (keys.length === 0) {
    w.line("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(2, "\t");
    const line = `${k}=${attrs[k]}`;
    w.write(2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

function volumeSource(v: Obj, w: PrefixWriter): void {
  const fields = (title: string, rows: [string, unknown][]) =>
    w.write(2, `Type:\t${title}\n${rows.map(([k, val]) => `    ${k}:\t${asStr(val)}\n`).join("")}`);
  if (isSet(v.hostPath)) {
    const h = asObj(v.hostPath);
    fields("HostPath (bare host directory volume)", [
      ["Path", h.path],
      ["HostPathType", isSet(h.type) ? asStr(h.type) : "<none>"],
    ]);
  } else if (isSet(v.emptyDir)) {
    const e = asObj(v.emptyDir);
    const limit = asStr(e.sizeLimit);
    fields("EmptyDir (a temporary directory that shares a pod's lifetime)", [
      ["Medium", e.medium],
      ["SizeLimit", limit !== "" && limit !== "0" ? limit : "<unset>"],
    ]);
  } else if (isSet(v.secret)) {
    const s = asObj(v.secret);
    fields("Secret (a volume populated by a Secret)", [
      ["SecretName", s.secretName],
      ["Optional", s.optional === true],
    ]);
  } else if (isSet(v.configMap)) {
    const c = asObj(v.configMap);
    fields("ConfigMap (a volume populated by a ConfigMap)", [
      ["Name", c.name],
      ["Optional", c.optional === true],
    ]);
  } else if (isSet(v.nfs)) {
    const n = asObj(v.nfs);
    fields("NFS (an NFS mount that lasts the lifetime of a pod)", [
      ["Server", n.server],
      ["Path", n.path],
      ["ReadOnly", n.readOnly === true],
    ]);
  } else if (isSet(v.persistentVolumeClaim)) {
    const c = asObj(v.persistentVolumeClaim);
    fields("PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)", [
      ["ClaimName", c.claimName],
      ["ReadOnly", c.readOnly === true],
    ]);
  } else if (isSet(v.ephemeral)) {
    w.write(
      2,
      "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n",
    );
  } else if (isSet(v.downwardAPI)) {
    w.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const item of asArr(asObj(v.downwardAPI).items).map(asObj)) {
      if (isSet(item.fieldRef))
        w.write(3, `${asStr(asObj(item.fieldRef).fieldPath)} -> ${asStr(item.path)}\n`);
      if (isSet(item.resourceFieldRef))
        w.write(3, `${asStr(asObj(item.resourceFieldRef).resource)} -> ${asStr(item.path)}\n`);
    }
  } else if (isSet(v.projected)) projected(asObj(v.projected), w);
  else if (isSet(v.csi)) {
    const c = asObj(v.csi);
    fields("CSI (a Container Storage Interface (CSI) volume source)", [
      ["Driver", c.driver],
      ["FSType", c.fsType],
      ["ReadOnly", c.readOnly === true],
    ]);
    csiAttributes(strMap(c.volumeAttributes), w);
  } else if (isSet(v.image)) {
    const i = asObj(v.image);
    fields("Image (a container image or OCI artifact)", [
      ["Reference", i.reference],
      ["PullPolicy", i.pullPolicy],
    ]);
  } else w.write(1, "<unknown>\n");
}

/** describeVolumes: `Volumes: <none>` or one block per volume. */
export function describeVolumes(volumes: unknown, w: PrefixWriter, space: string): void {
  const list = asArr(volumes).map(asObj);
  if (list.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(1, `${space.length > 0 ? " " : ""}${asStr(v.name)}:\n`);
    volumeSource(v, w);
  }
}

/** describeTopologySpreadConstraints, sorted by topology key. */
export function describeTopologySpread(constraints: unknown, w: PrefixWriter, space: string): void {
  const list = asArr(constraints)
    .map(asObj)
    .sort((a, b) => byteCompare(asStr(a.topologyKey), asStr(b.topologyKey)));
  if (list.length === 0) return;
  w.write(0, `${space}Topology Spread Constraints:\t`);
  list.forEach((c, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    let s = `${asStr(c.topologyKey)}:${asStr(c.whenUnsatisfiable)} when max skew ${asNum(c.maxSkew)} is exceeded`;
    if (isSet(c.labelSelector)) s += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(0, `${s}\n`);
  });
}

/** DescribePodTemplate: the "Pod Template:" block of Deployments, ReplicaSets, Jobs and the like. */
export function describePodTemplate(template: unknown, w: PrefixWriter): void {
  w.write(0, "Pod Template:\n");
  const tpl = asObj(template);
  const meta = asObj(tpl.metadata);
  const spec = asObj(tpl.spec);
  labelsMultiline(w, "  Labels", strMap(meta.labels));
  const annotations = strMap(meta.annotations);
  if (Object.keys(annotations).length > 0) annotationsMultiline(w, "  Annotations", annotations);
  if (asStr(spec.serviceAccountName) !== "")
    w.write(1, `Service Account:\t${asStr(spec.serviceAccountName)}\n`);
  if (asArr(spec.initContainers).length > 0)
    describeContainers("Init Containers", spec.initContainers, undefined, undefined, w, "  ");
  describeContainers("Containers", spec.containers, undefined, undefined, w, "  ");
  describeVolumes(spec.volumes, w, "  ");
  describeTopologySpread(spec.topologySpreadConstraints, w, "  ");
  if (asStr(spec.priorityClassName) !== "")
    w.write(1, `Priority Class Name:\t${asStr(spec.priorityClassName)}\n`);
  labelsMultiline(w, "  Node-Selectors", strMap(spec.nodeSelector));
  tolerationsMultiline(w, "  Tolerations", spec.tolerations);
}
