// Container validation as core/validation does it: names, image, mounts, devices, resources, probes, init containers.
import {
  duplicate,
  type FieldError,
  forbidden,
  GoRepr,
  invalid,
  notFound,
  notSupported,
  required,
} from "./errors.ts";
import { inclusiveRangeError, isDNS1123Label } from "./names.ts";
import { validateEnv, validateEnvFrom, validatePorts } from "./validate-env.ts";
import { at, bool, child, list, num, type R, rec, str } from "./validate-meta.ts";
import { validateHandler, validateProbe } from "./validate-probe.ts";
import { validateResourceRequirements } from "./validate-resources.ts";

export interface PodCtx {
  /** Volumes that validated, by name (a mount or device naming another is "Not found"). */
  volumes: ReadonlyMap<string, R>;
  gracePeriod: number;
  restartPolicy: string;
  hostUsers: boolean;
}

/** validateLocalDescendingPath: relative, without ".." elements. */
export function validateLocalDescendingPath(p: string, path: string): FieldError[] {
  const out: FieldError[] = [];
  if (p.startsWith("/")) out.push(invalid(path, p, "must be a relative path"));
  if (p.replaceAll("\\", "/").split("/").includes("..")) out.push(invalid(path, p, "must not contain '..'"));
  return out;
}

function validateVolumeMounts(c: R, path: string, ctx: PodCtx): FieldError[] {
  const out: FieldError[] = [];
  const devices = new Map(list(c.volumeDevices).map((d) => [str(rec(d)?.name), str(rec(d)?.devicePath)]));
  const mountPoints = new Set<string>();
  list(c.volumeMounts).forEach((m, i) => {
    const mnt = rec(m) ?? {};
    const idx = at(path, i);
    const name = str(mnt.name);
    const mountPath = str(mnt.mountPath);
    if (name === "") out.push(required(child(idx, "name")));
    if (!ctx.volumes.has(name)) out.push(notFound(child(idx, "name"), name));
    if (mountPath === "") out.push(required(child(idx, "mountPath")));
    if (mountPoints.has(mountPath)) out.push(invalid(child(idx, "mountPath"), mountPath, "must be unique"));
    mountPoints.add(mountPath);
    if (devices.has(name))
      out.push(invalid(child(idx, "name"), name, "must not already exist in volumeDevices"));
    if ([...devices.values()].includes(mountPath)) {
      out.push(
        invalid(child(idx, "mountPath"), mountPath, "must not already exist as a path in volumeDevices"),
      );
    }
    const subPath = str(mnt.subPath);
    const subPathExpr = str(mnt.subPathExpr);
    if (subPath !== "") out.push(...validateLocalDescendingPath(subPath, child(path, "subPath")));
    if (subPathExpr !== "") {
      if (subPath !== "") {
        out.push(
          invalid(child(idx, "subPathExpr"), subPathExpr, "subPathExpr and subPath are mutually exclusive"),
        );
      }
      out.push(...validateLocalDescendingPath(subPathExpr, child(path, "subPathExpr")));
    }
    const prop = mnt.mountPropagation;
    if (typeof prop === "string") {
      const pp = child(path, "mountPropagation");
      const valid = ["Bidirectional", "HostToContainer", "None"];
      if (!valid.includes(prop)) out.push(notSupported(pp, prop, valid));
      if (prop === "Bidirectional" && !bool(rec(c.securityContext)?.privileged)) {
        out.push(forbidden(pp, "Bidirectional mount propagation is available only to privileged containers"));
      }
    }
    const rro = mnt.recursiveReadOnly;
    if (typeof rro === "string" && rro !== "Disabled") {
      const rp = child(path, "recursiveReadOnly");
      if (rro !== "Enabled" && rro !== "IfPossible")
        out.push(notSupported(rp, rro, ["Disabled", "Enabled", "IfPossible"]));
      else {
        if (!bool(mnt.readOnly)) out.push(forbidden(rp, "may only be specified when readOnly is true"));
        if (typeof prop === "string" && prop !== "None") {
          out.push(forbidden(rp, "may only be specified when mountPropagation is None or not specified"));
        }
      }
    }
  });
  return out;
}

function validateVolumeDevices(c: R, path: string, ctx: PodCtx): FieldError[] {
  const out: FieldError[] = [];
  const mounts = new Map(list(c.volumeMounts).map((m) => [str(rec(m)?.name), str(rec(m)?.mountPath)]));
  const names = new Set<string>();
  const paths = new Set<string>();
  list(c.volumeDevices).forEach((d, i) => {
    const idx = at(path, i);
    const name = str(rec(d)?.name);
    const devicePath = str(rec(d)?.devicePath);
    const vol = ctx.volumes.get(name);
    if (name === "") out.push(required(child(idx, "name")));
    if (names.has(name)) out.push(invalid(child(idx, "name"), name, "must be unique"));
    if (vol && !vol.persistentVolumeClaim && !vol.ephemeral) {
      const msg = "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode";
      out.push(invalid(child(idx, "name"), name, msg));
    }
    if (!vol) out.push(notFound(child(idx, "name"), name));
    if (devicePath === "") out.push(required(child(idx, "devicePath")));
    if (paths.has(devicePath)) out.push(invalid(child(idx, "devicePath"), devicePath, "must be unique"));
    if (devicePath !== "" && devicePath.split("/").includes("..")) {
      out.push(invalid(child(idx, "devicePath"), devicePath, "can not contain backsteps ('..')"));
    } else paths.add(devicePath);
    if (mounts.has(name))
      out.push(invalid(child(idx, "name"), name, "must not already exist in volumeMounts"));
    if ([...mounts.values()].includes(devicePath)) {
      out.push(
        invalid(child(idx, "devicePath"), devicePath, "must not already exist as a path in volumeMounts"),
      );
    }
    if (name !== "") names.add(name);
  });
  return out;
}

function validateSecurityContext(sc: R | undefined, path: string, ctx: PodCtx): FieldError[] {
  if (!sc) return [];
  const out: FieldError[] = [];
  for (const k of ["runAsUser", "runAsGroup"]) {
    const v = num(sc[k]);
    if (v !== undefined && (v < 0 || v > 4294967295))
      out.push(invalid(child(path, k), v, inclusiveRangeError(0, 4294967295)));
  }
  const proc = sc.procMount;
  if (typeof proc === "string") {
    if (proc !== "Default" && proc !== "Unmasked")
      out.push(notSupported(child(path, "procMount"), proc, ["Default", "Unmasked"]));
    else if (proc === "Unmasked" && ctx.hostUsers) {
      out.push(invalid(child(path, "procMount"), proc, "`hostUsers` must be false to use `Unmasked`"));
    }
  }
  if (sc.allowPrivilegeEscalation === false && sc.privileged === true) {
    const msg = "cannot set `allowPrivilegeEscalation` to false and `privileged` to true";
    out.push(invalid(path, new GoRepr("core.SecurityContext{...}"), msg));
  }
  return out;
}

/** validateContainerCommon: the checks every kind of container gets. */
function validateContainerCommon(c: R, path: string, ctx: PodCtx): FieldError[] {
  const out: FieldError[] = [];
  const name = str(c.name);
  if (name === "") out.push(required(child(path, "name")));
  else for (const m of isDNS1123Label(name)) out.push(invalid(child(path, "name"), name, m));
  if (str(c.image) === "") out.push(required(child(path, "image")));
  const tmp = str(c.terminationMessagePolicy);
  if (tmp !== "" && tmp !== "File" && tmp !== "FallbackToLogsOnError") {
    out.push(notSupported(child(path, "terminationMessagePolicy"), tmp, ["File", "FallbackToLogsOnError"]));
  }
  out.push(...validatePorts(c.ports, child(path, "ports")));
  out.push(...validateEnv(c.env, child(path, "env")));
  out.push(...validateEnvFrom(c.envFrom, child(path, "envFrom")));
  out.push(...validateVolumeMounts(c, child(path, "volumeMounts"), ctx));
  out.push(...validateVolumeDevices(c, child(path, "volumeDevices"), ctx));
  const pull = str(c.imagePullPolicy);
  if (pull !== "" && !["Always", "IfNotPresent", "Never"].includes(pull)) {
    out.push(notSupported(child(path, "imagePullPolicy"), pull, ["Always", "IfNotPresent", "Never"]));
  }
  out.push(...validateResourceRequirements(rec(c.resources), child(path, "resources"), "container"));
  out.push(...validateResizePolicy(c.resizePolicy, child(path, "resizePolicy"), ctx));
  out.push(...validateSecurityContext(rec(c.securityContext), child(path, "securityContext"), ctx));
  return out;
}

function validateResizePolicy(policies: unknown, path: string, ctx: PodCtx): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  list(policies).forEach((p, i) => {
    const r = rec(p);
    const resource = str(r?.resourceName);
    const policy = str(r?.restartPolicy);
    if (seen.has(resource)) out.push(duplicate(at(path, i), resource));
    seen.add(resource);
    if (resource === "") out.push(required(path));
    else if (resource !== "cpu" && resource !== "memory")
      out.push(notSupported(path, resource, ["cpu", "memory"]));
    if (policy === "") out.push(required(path));
    else if (policy !== "NotRequired" && policy !== "RestartContainer") {
      out.push(notSupported(path, policy, ["NotRequired", "RestartContainer"]));
    }
    if (ctx.restartPolicy === "Never" && policy !== "NotRequired") {
      out.push(invalid(path, policy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    }
  });
  return out;
}

function validateLifecycleAndProbes(c: R, path: string, ctx: PodCtx): FieldError[] {
  const out: FieldError[] = [];
  const lc = rec(c.lifecycle);
  for (const h of ["postStart", "preStop"]) {
    const handler = rec(lc?.[h]);
    if (handler)
      out.push(...validateHandler(handler, child(child(path, "lifecycle"), h), ctx.gracePeriod, true));
  }
  out.push(...validateProbe(rec(c.livenessProbe), child(path, "livenessProbe"), "liveness"));
  out.push(...validateProbe(rec(c.readinessProbe), child(path, "readinessProbe"), "readiness"));
  out.push(...validateProbe(rec(c.startupProbe), child(path, "startupProbe"), "startup"));
  return out;
}

function hostPortConflicts(containers: readonly unknown[], path: string): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    list(rec(c)?.ports).forEach((p, pi) => {
      const port = rec(p);
      const hp = num(port?.hostPort) ?? 0;
      if (hp === 0) return;
      const k = `${str(port?.protocol) || "TCP"}/${str(port?.hostIP)}/${hp}`;
      if (seen.has(k)) out.push(duplicate(child(at(child(at(path, ci), "ports"), pi), "hostPort"), k));
      else seen.add(k);
    });
  });
  return out;
}

export function validateContainers(containers: unknown, path: string, ctx: PodCtx): FieldError[] {
  const cs = list(containers);
  if (cs.length === 0) return [required(path)];
  const out: FieldError[] = [];
  const names = new Set<string>();
  cs.forEach((raw, i) => {
    const c = rec(raw) ?? {};
    const p = at(path, i);
    out.push(...validateContainerCommon(c, p, ctx));
    const name = str(c.name);
    if (names.has(name)) out.push(duplicate(child(p, "name"), name));
    else names.add(name);
    out.push(...validateLifecycleAndProbes(c, p, ctx));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      out.push(forbidden(child(p, "restartPolicy"), "may not be set for non-init containers"));
    }
  });
  out.push(...hostPortConflicts(cs, path));
  return out;
}

export function validateInitContainers(
  inits: unknown,
  regular: unknown,
  path: string,
  ctx: PodCtx,
): FieldError[] {
  const out: FieldError[] = [];
  const names = new Set(list(regular).map((c) => str(rec(c)?.name)));
  list(inits).forEach((raw, i) => {
    const c = rec(raw) ?? {};
    const p = at(path, i);
    out.push(...validateContainerCommon(c, p, ctx));
    const rp = c.restartPolicy;
    if (typeof rp === "string" && rp !== "Always")
      out.push(notSupported(child(p, "restartPolicy"), rp, ["Always"]));
    const name = str(c.name);
    if (names.has(name)) out.push(duplicate(child(p, "name"), name));
    else if (name !== "") names.add(name);
    out.push(...hostPortConflicts([c], path));
    if (rp === "Always") out.push(...validateLifecycleAndProbes(c, p, ctx));
    else {
      for (const k of ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"]) {
        if (rec(c[k]))
          out.push(forbidden(child(p, k), "may not be set for init containers without restartPolicy=Always"));
      }
    }
    if (list(c.resizePolicy).length > 0) {
      out.push(
        invalid(
          child(p, "resizePolicy"),
          new GoRepr("[]core.ContainerResizePolicy{...}"),
          "must not be set for init containers",
        ),
      );
    }
  });
  return out;
}
