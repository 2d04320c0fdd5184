// Pod volume validation: one source per volume, names, and the checks of the common volume sources.
import { duplicate, type FieldError, forbidden, invalid, notSupported, required } from "./errors.ts";
import { isDNS1123Label } from "./names.ts";
import { validateLocalDescendingPath } from "./validate-container.ts";
import { validateObjectFieldSelector, validateResourceFieldSelector } from "./validate-downward.ts";
import { at, child, list, num, type R, rec, str } from "./validate-meta.ts";
import { quantityOf } from "./validate-resources.ts";

const FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";
const HOST_PATH_TYPES = [
  "",
  "BlockDevice",
  "CharDevice",
  "Directory",
  "DirectoryOrCreate",
  "File",
  "FileOrCreate",
  "Socket",
];
const VOLUME_FIELD_PATHS = [
  "metadata.annotations",
  "metadata.labels",
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
];

function validateMode(mode: unknown, path: string): FieldError[] {
  const m = num(mode);
  return m !== undefined && (m > 0o777 || m < 0) ? [invalid(path, m, FILE_MODE_ERROR)] : [];
}

/** ValidateLocalNonReservedPath: relative, no "..", not starting with "..". */
function validateLocalNonReservedPath(p: string, path: string): FieldError[] {
  const out = validateLocalDescendingPath(p, path);
  if (p.startsWith("..") && !p.startsWith("../")) out.push(invalid(path, p, "must not start with '..'"));
  return out;
}

function validateKeyToPath(item: unknown, p: string): FieldError[] {
  const kp = rec(item);
  const out: FieldError[] = [];
  if (str(kp?.key) === "") out.push(required(child(p, "key")));
  if (str(kp?.path) === "") out.push(required(child(p, "path")));
  out.push(...validateLocalNonReservedPath(str(kp?.path), child(p, "path")));
  out.push(...validateMode(kp?.mode, child(p, "mode")));
  return out;
}

const validateKeyToPaths = (items: unknown, path: string): FieldError[] =>
  list(items).flatMap((it, i) => validateKeyToPath(it, at(path, i)));

function validateDownwardAPIFile(file: R, path: string): FieldError[] {
  const out: FieldError[] = [];
  if (str(file.path) === "") out.push(required(child(path, "path")));
  out.push(...validateLocalNonReservedPath(str(file.path), child(path, "path")));
  const fieldRef = rec(file.fieldRef);
  const resourceRef = rec(file.resourceFieldRef);
  if (fieldRef) {
    out.push(...validateObjectFieldSelector(fieldRef, VOLUME_FIELD_PATHS, child(path, "fieldRef")));
    if (resourceRef)
      out.push(
        invalid(path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"),
      );
  } else if (resourceRef)
    out.push(...validateResourceFieldSelector(resourceRef, child(path, "resourceFieldRef"), true));
  else out.push(required(path, "one of fieldRef and resourceFieldRef is required"));
  out.push(...validateMode(file.mode, child(path, "mode")));
  return out;
}

function validateProjected(src: R, path: string): FieldError[] {
  const out = validateMode(src.defaultMode, child(path, "defaultMode"));
  const paths = new Set<string>();
  const claim = (p: string, value: unknown) => {
    if (p === "") return;
    if (paths.has(p)) out.push(invalid(path, value, "conflicting duplicate paths"));
    else paths.add(p);
  };
  list(src.sources).forEach((s, i) => {
    const source = rec(s) ?? {};
    const sp = at(child(path, "sources"), i);
    let count = 0;
    for (const k of ["secret", "configMap"]) {
      const ref = rec(source[k]);
      if (!ref) continue;
      count++;
      if (str(ref.name) === "") out.push(required(child(child(sp, k), "name")));
      list(ref.items).forEach((it, j) => {
        out.push(...validateKeyToPath(it, at(child(child(sp, k), "items"), j)));
        claim(str(rec(it)?.path), str(ref.name));
      });
    }
    const dapi = rec(source.downwardAPI);
    if (dapi) {
      count++;
      for (const f of list(dapi.items)) {
        out.push(...validateDownwardAPIFile(rec(f) ?? {}, child(sp, "downwardAPI")));
        claim(str(rec(f)?.path), str(rec(f)?.path));
      }
    }
    const sat = rec(source.serviceAccountToken);
    if (sat) {
      count++;
      const exp = num(sat.expirationSeconds) ?? 3600;
      const ep = child(child(sp, "serviceAccountToken"), "expirationSeconds");
      if (exp < 600) out.push(invalid(ep, exp, "may not specify a duration less than 10 minutes"));
      if (exp > 2 ** 32) out.push(invalid(ep, exp, "may not specify a duration larger than 2^32 seconds"));
      if (str(sat.path) === "") out.push(required(child(path, "path")));
      else out.push(...validateLocalNonReservedPath(str(sat.path), child(path, "path")));
    }
    if (rec(source.clusterTrustBundle)) count++;
    if (count > 1) out.push(forbidden(sp, "may not specify more than 1 volume type per source"));
  });
  return out;
}

type SourceCheck = (src: R, path: string) => FieldError[];

/** Volume sources in the order validateVolumeSource checks them; the first one present counts. */
const SOURCES: readonly [string, SourceCheck | undefined, string?][] = [
  ["emptyDir", (s, p) => validateEmptyDir(s, p)],
  ["hostPath", validateHostPath],
  ["gitRepo", (s, p) => validateLocalDescendingPath(str(s.directory), child(p, "directory"))],
  ["gcePersistentDisk", undefined],
  ["awsElasticBlockStore", undefined],
  ["secret", (s, p) => validateRefSource(s, p, "secretName")],
  ["nfs", validateNFS],
  ["iscsi", undefined],
  ["glusterfs", undefined],
  ["flocker", undefined],
  ["persistentVolumeClaim", (s, p) => (str(s.claimName) === "" ? [required(child(p, "claimName"))] : [])],
  ["rbd", undefined],
  ["cinder", undefined],
  ["cephfs", undefined, "cephFS"],
  ["quobyte", undefined],
  ["downwardAPI", (s, p) => validateDownwardAPIVolume(s, p), "downwarAPI"],
  ["fc", undefined],
  ["flexVolume", undefined],
  ["configMap", (s, p) => validateRefSource(s, p, "name")],
  ["azureFile", undefined],
  ["vsphereVolume", undefined],
  ["photonPersistentDisk", undefined],
  ["portworxVolume", undefined],
  ["azureDisk", undefined],
  ["storageos", undefined],
  ["projected", validateProjected],
  ["scaleIO", undefined],
  ["csi", (s, p) => (str(s.driver) === "" ? [required(child(p, "driver"))] : [])],
  ["ephemeral", (s, p) => (rec(s.volumeClaimTemplate) ? [] : [required(child(p, "volumeClaimTemplate"))])],
  ["image", undefined],
];

function validateEmptyDir(s: R, path: string): FieldError[] {
  const limit = quantityOf(s.sizeLimit);
  if (limit && limit.nanos < 0n) {
    return [forbidden(child(path, "sizeLimit"), "SizeLimit field must be a valid resource quantity")];
  }
  return [];
}

function validateHostPath(s: R, path: string): FieldError[] {
  const p = str(s.path);
  if (p === "") return [required(child(path, "path"))];
  const out: FieldError[] = [];
  if (p.replaceAll("\\", "/").split("/").includes(".."))
    out.push(invalid(child(path, "path"), p, "must not contain '..'"));
  const t = s.type;
  if (typeof t === "string" && !HOST_PATH_TYPES.includes(t))
    out.push(notSupported(child(path, "type"), t, HOST_PATH_TYPES));
  return out;
}

function validateRefSource(s: R, path: string, nameField: string): FieldError[] {
  const out: FieldError[] = [];
  if (str(s[nameField]) === "") out.push(required(child(path, nameField)));
  out.push(...validateMode(s.defaultMode, child(path, "defaultMode")));
  out.push(...validateKeyToPaths(s.items, child(path, "items")));
  return out;
}

function validateNFS(s: R, path: string): FieldError[] {
  const out: FieldError[] = [];
  if (str(s.server) === "") out.push(required(child(path, "server")));
  if (str(s.path) === "") out.push(required(child(path, "path")));
  if (!str(s.path).startsWith("/"))
    out.push(invalid(child(path, "path"), str(s.path), "must be an absolute path"));
  return out;
}

function validateDownwardAPIVolume(s: R, path: string): FieldError[] {
  const out = validateMode(s.defaultMode, child(path, "defaultMode"));
  for (const f of list(s.items)) out.push(...validateDownwardAPIFile(rec(f) ?? {}, path));
  return out;
}

function validateVolumeSource(vol: R, path: string): FieldError[] {
  const out: FieldError[] = [];
  let count = 0;
  for (const [k, check, forbiddenName] of SOURCES) {
    const src = rec(vol[k]);
    if (!src) continue;
    if (count > 0) {
      out.push(forbidden(child(path, forbiddenName ?? k), "may not specify more than 1 volume type"));
      continue;
    }
    count++;
    if (check) out.push(...check(src, child(path, k)));
  }
  if (count === 0) out.push(required(path, "must specify a volume type"));
  return out;
}

/** ValidateVolumes: the valid volumes by name, and the errors of the others. */
export function validateVolumes(
  volumes: unknown,
  path: string,
): { byName: Map<string, R>; errors: FieldError[] } {
  const byName = new Map<string, R>();
  const errors: FieldError[] = [];
  list(volumes).forEach((v, i) => {
    const vol = rec(v) ?? {};
    const p = at(path, i);
    const name = str(vol.name);
    const el = validateVolumeSource(vol, p);
    if (name === "") el.push(required(child(p, "name")));
    else for (const m of isDNS1123Label(name)) el.push(invalid(child(p, "name"), name, m));
    if (byName.has(name)) el.push(duplicate(child(p, "name"), name));
    if (el.length === 0) byName.set(name, vol);
    else errors.push(...el);
  });
  return { byName, errors };
}
