// Validation of the other core/v1 kinds: Namespace, Node, PersistentVolumeClaim, PersistentVolume, ResourceQuota.
import { duplicate, type FieldError, forbidden, GoRepr, invalid, notSupported, required } from "./errors.ts";
import { isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain } from "./names.ts";
import { quantityString } from "./quantity.ts";
import {
  at,
  child,
  key,
  keys,
  list,
  type R,
  rec,
  str,
  validateLabelName,
  validateLabelSelector,
  validateObjectMeta,
} from "./validate-meta.ts";
import { quantityOf, validateQuantityValue, validateQuotaResourceName } from "./validate-resources.ts";

const STANDARD_FINALIZER = (f: string) =>
  f.includes("/") || ["kubernetes", "orphan", "foregroundDeletion"].includes(f);

export function validateNamespace(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSLabel);
  for (const f of list(rec(m.spec)?.finalizers).map(str)) {
    out.push(...validateLabelName(f, "spec.finalizers"));
    if (!STANDARD_FINALIZER(f)) {
      out.push(
        invalid("spec.finalizers", f, "name is neither a standard finalizer name nor is it fully qualified"),
      );
    }
  }
  return out;
}

const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export function validateNode(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const seen = new Set<string>();
  list(rec(m.spec)?.taints).forEach((t, i) => {
    const taint = rec(t) ?? {};
    const p = at("metadata.taints", i);
    const k = str(taint.key);
    const effect = str(taint.effect);
    out.push(...validateLabelName(k, child(p, "key")));
    const errs = isValidLabelValue(str(taint.value));
    if (errs.length > 0) out.push(invalid(child(p, "value"), str(taint.value), errs.join(";")));
    if (effect === "") out.push(required(child(p, "effect")));
    else if (!TAINT_EFFECTS.includes(effect))
      out.push(notSupported(child(p, "effect"), effect, TAINT_EFFECTS));
    if (seen.has(`${effect}/${k}`)) {
      const repr = new GoRepr(
        `core.Taint{Key:"${k}", Value:"${str(taint.value)}", Effect:"${effect}", TimeAdded:(*v1.Time)(nil)}`,
      );
      out.push({ ...duplicate(p, repr), detail: "taints must be unique by key and effect pair" });
    } else seen.add(`${effect}/${k}`);
  });
  return out;
}

const ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];

function validateAccessModes(modes: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  let rwop = false;
  let other = false;
  for (const mode of list(modes).map(str)) {
    if (!ACCESS_MODES.includes(mode)) out.push(notSupported(path, mode, ACCESS_MODES));
    if (mode === "ReadWriteOncePod") rwop = true;
    else if (ACCESS_MODES.includes(mode)) other = true;
  }
  if (rwop && other) out.push(forbidden(path, "may not use ReadWriteOncePod with other access modes"));
  return out;
}

function validateClassName(v: unknown, path: string): FieldError[] {
  const name = str(v);
  return name === "" ? [] : nameIsDNSSubdomain(name, false).map((msg) => invalid(path, name, msg));
}

export function validatePVCSpec(specValue: unknown, path: string): FieldError[] {
  const spec = rec(specValue) ?? {};
  const out: FieldError[] = [];
  if (list(spec.accessModes).length === 0)
    out.push(required(child(path, "accessModes"), "at least 1 access mode is required"));
  out.push(...validateLabelSelector(spec.selector, child(path, "selector")));
  out.push(...validateAccessModes(spec.accessModes, child(path, "accessModes")));
  const storagePath = key(child(path, "resources"), "storage");
  const requests = rec(rec(spec.resources)?.requests) ?? {};
  const storage = Object.hasOwn(requests, "storage") ? quantityOf(requests.storage) : undefined;
  if (!storage) out.push(required(storagePath));
  else if (storage.nanos <= 0n)
    out.push(invalid(storagePath, quantityString(storage), "must be greater than zero"));
  else out.push(...validateQuantityValue("storage", storage, storagePath));
  out.push(...validateClassName(spec.storageClassName, child(path, "storageClassName")));
  const vm = spec.volumeMode;
  if (typeof vm === "string" && vm !== "Block" && vm !== "Filesystem") {
    out.push(notSupported(child(path, "volumeMode"), vm, ["Block", "Filesystem"]));
  }
  return out;
}

export function validatePVC(m: R): FieldError[] {
  return [...validateObjectMeta(m.metadata, nameIsDNSSubdomain), ...validatePVCSpec(m.spec, "spec")];
}

const PV_SOURCES = [
  "hostPath",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "glusterfs",
  "flocker",
  "nfs",
  "rbd",
  "quobyte",
]
  .concat([
    "cephfs",
    "iscsi",
    "cinder",
    "fc",
    "flexVolume",
    "azureFile",
    "vsphereVolume",
    "photonPersistentDisk",
  ])
  .concat(["portworxVolume", "azureDisk", "scaleIO", "local", "storageos", "csi"]);

export function validatePV(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const spec = rec(m.spec) ?? {};
  if (list(spec.accessModes).length === 0) out.push(required("spec.accessModes"));
  out.push(...validateAccessModes(spec.accessModes, "spec.accessModes"));
  const capacity = rec(spec.capacity) ?? {};
  if (Object.keys(capacity).length === 0) out.push(required("spec.capacity"));
  if (!Object.hasOwn(capacity, "storage") || Object.keys(capacity).length > 1) {
    out.push(notSupported("spec.capacity", new GoRepr("core.ResourceList{...}"), ["storage"]));
  }
  for (const k of keys(capacity)) {
    const q = quantityOf(capacity[k]);
    if (q && q.nanos <= 0n)
      out.push(invalid(key("spec.capacity", k), quantityString(q), "must be greater than zero"));
  }
  const policy = str(spec.persistentVolumeReclaimPolicy);
  if (policy !== "" && !["Delete", "Recycle", "Retain"].includes(policy)) {
    out.push(notSupported("spec.persistentVolumeReclaimPolicy", policy, ["Delete", "Recycle", "Retain"]));
  }
  const sources = PV_SOURCES.filter((s) => rec(spec[s]));
  sources.slice(1).forEach((s) => {
    out.push(forbidden(child("spec", s), "may not specify more than 1 volume type"));
  });
  if (sources.length === 0) out.push(required("spec", "must specify a volume type"));
  const hostPath = rec(spec.hostPath);
  if (sources[0] === "hostPath" && str(hostPath?.path) === "") out.push(required("spec.hostPath.path"));
  if (sources[0] === "local" && !rec(spec.nodeAffinity)) {
    out.push(required("spec.nodeAffinity", "Local volume requires node affinity"));
  }
  out.push(...validateClassName(spec.storageClassName, "spec.storageClassName"));
  return out;
}

export function validateResourceQuota(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const spec = rec(m.spec) ?? {};
  const hard = rec(spec.hard) ?? {};
  for (const k of keys(hard)) {
    const p = key("spec.hard", k);
    out.push(...validateQuotaResourceName(k, p));
    const q = quantityOf(hard[k]);
    if (q) out.push(...validateQuantityValue(k, q, p));
  }
  const scopes = [
    "BestEffort",
    "CrossNamespacePodAffinity",
    "NotBestEffort",
    "NotTerminating",
    "PriorityClass",
  ].concat(["Terminating", "VolumeAttributesClass"]);
  for (const s of list(spec.scopes).map(str)) {
    if (!scopes.includes(s)) out.push(invalid("spec.scopes", list(spec.scopes), "unsupported scope"));
  }
  list(rec(spec.scopeSelector)?.matchExpressions).forEach((e) => {
    const req = rec(e) ?? {};
    const p = "spec.scopeSelector.matchExpressions";
    const op = str(req.operator);
    if (!scopes.includes(str(req.scopeName)))
      out.push(invalid(child(p, "scopeName"), str(req.scopeName), "unsupported scope"));
    if ((op === "In" || op === "NotIn") && list(req.values).length === 0) {
      const msg = "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector";
      out.push(required(child(p, "values"), msg));
    } else if ((op === "Exists" || op === "DoesNotExist") && list(req.values).length > 0) {
      const msg = "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector";
      out.push(invalid(child(p, "values"), list(req.values), msg));
    } else if (!["In", "NotIn", "Exists", "DoesNotExist"].includes(op)) {
      out.push(invalid(child(p, "operator"), op, "not a valid selector operator"));
    }
  });
  return out;
}
