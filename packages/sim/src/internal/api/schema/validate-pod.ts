// PodSpec, pod template and Pod validation (ValidatePodSpec, ValidatePodTemplateSpec, ValidatePodCreate).
import { type FieldError, forbidden, invalid, notSupported, required } from "./errors.ts";
import { inclusiveRangeError, isDNS1123Label, nameIsDNSSubdomain } from "./names.ts";
import { type PodCtx, validateContainers, validateInitContainers } from "./validate-container.ts";
import {
  at,
  child,
  list,
  num,
  type R,
  rec,
  str,
  validateAnnotations,
  validateLabelName,
  validateLabels,
  validateObjectMeta,
} from "./validate-meta.ts";
import {
  validateAffinity,
  validateDNSConfig,
  validateHostAliases,
  validatePodSecurityContext,
  validateTolerations,
  validateTopologySpread,
} from "./validate-scheduling.ts";
import { validateVolumes } from "./validate-volumes.ts";

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];

/** The pod's restart policy after defaulting ("" becomes "Always"). */
export const effectiveRestartPolicy = (spec: R | undefined): string => str(spec?.restartPolicy) || "Always";

function validateHostNetworkPorts(spec: R, path: string): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const out: FieldError[] = [];
  list(spec.containers).forEach((c, i) => {
    list(rec(c)?.ports).forEach((p, j) => {
      const hp = num(rec(p)?.hostPort) ?? 0;
      const cp = num(rec(p)?.containerPort) ?? 0;
      if (hp !== 0 && hp !== cp) {
        const field = child(at(child(at(child(path, "containers"), i), "ports"), j), "hostPort");
        out.push(invalid(field, hp, "must match `containerPort` when `hostNetwork` is true"));
      }
    });
  });
  return out;
}

function validateNamedRef(value: unknown, path: string): FieldError[] {
  const v = str(value);
  if (v === "") return [];
  return nameIsDNSSubdomain(v, false).map((m) => invalid(path, v, m));
}

/** ValidatePodSpec: the PodSpec of a Pod or of any pod template. */
export function validatePodSpec(specValue: unknown, path: string): FieldError[] {
  const spec = rec(specValue) ?? {};
  const out: FieldError[] = [];
  const restartPolicy = effectiveRestartPolicy(spec);
  const vols = validateVolumes(spec.volumes, child(path, "volumes"));
  out.push(...vols.errors);
  const ctx: PodCtx = {
    volumes: vols.byName,
    gracePeriod: num(spec.terminationGracePeriodSeconds) ?? 30,
    restartPolicy,
    hostUsers: rec(spec.securityContext)?.hostUsers !== false,
  };
  out.push(...validateContainers(spec.containers, child(path, "containers"), ctx));
  out.push(
    ...validateInitContainers(spec.initContainers, spec.containers, child(path, "initContainers"), ctx),
  );
  out.push(...validateHostNetworkPorts(spec, path));
  if (!RESTART_POLICIES.includes(restartPolicy)) {
    out.push(notSupported(child(path, "restartPolicy"), restartPolicy, RESTART_POLICIES));
  }
  const dnsPolicy = str(spec.dnsPolicy) || "ClusterFirst";
  if (!DNS_POLICIES.includes(dnsPolicy))
    out.push(notSupported(child(path, "dnsPolicy"), dnsPolicy, DNS_POLICIES));
  out.push(...validateLabels(spec.nodeSelector, child(path, "nodeSelector")));
  out.push(...validatePodSecurityContext(spec.securityContext, child(path, "securityContext")));
  out.push(...validateAffinity(spec.affinity, child(path, "affinity")));
  out.push(...validateDNSConfig(spec.dnsConfig, dnsPolicy, child(path, "dnsConfig")));
  list(spec.readinessGates).forEach((g, i) => {
    const ct = str(rec(g)?.conditionType);
    out.push(...validateLabelName(ct, child(at(child(path, "readinessGates"), i), "conditionType")));
  });
  out.push(...validateSchedulingGates(spec.schedulingGates, child(path, "schedulingGates")));
  out.push(
    ...validateTopologySpread(spec.topologySpreadConstraints, child(path, "topologySpreadConstraints")),
  );
  out.push(...validateNamedRef(spec.serviceAccountName, child(path, "serviceAccountName")));
  out.push(...validateNamedRef(spec.nodeName, child(path, "nodeName")));
  const ads = num(spec.activeDeadlineSeconds);
  if (ads !== undefined && (ads < 1 || ads > 2147483647)) {
    out.push(invalid(child(path, "activeDeadlineSeconds"), ads, inclusiveRangeError(1, 2147483647)));
  }
  for (const k of ["hostname", "subdomain"]) {
    const v = str(spec[k]);
    if (v !== "") for (const m of isDNS1123Label(v)) out.push(invalid(child(path, k), v, m));
  }
  out.push(...validateTolerations(spec.tolerations, child(path, "tolerations")));
  out.push(...validateHostAliases(spec.hostAliases, child(path, "hostAliases")));
  out.push(...validateNamedRef(spec.priorityClassName, child(path, "priorityClassName")));
  if (typeof spec.runtimeClassName === "string") {
    for (const m of nameIsDNSSubdomain(spec.runtimeClassName, false)) {
      out.push(invalid(child(path, "runtimeClassName"), spec.runtimeClassName, m));
    }
  }
  const preemption = spec.preemptionPolicy;
  if (typeof preemption === "string") {
    if (preemption === "") out.push(required(child(path, "preemptionPolicy")));
    else if (preemption !== "PreemptLowerPriority" && preemption !== "Never") {
      out.push(notSupported(child(path, "preemptionPolicy"), preemption, ["PreemptLowerPriority", "Never"]));
    }
  }
  const os = rec(spec.os);
  if (os) {
    const name = str(os.name);
    if (name === "") out.push(required(child(child(path, "os"), "name"), "cannot be empty"));
    else if (name !== "linux" && name !== "windows")
      out.push(notSupported(child(path, "os"), name, ["linux", "windows"]));
  }
  return out;
}

function validateSchedulingGates(gates: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  list(gates).forEach((g, i) => {
    const name = str(rec(g)?.name);
    out.push(...validateLabelName(name, at(path, i)));
    if (seen.has(name)) out.push({ field: at(path, i), type: "Duplicate", value: name, detail: "" });
    seen.add(name);
  });
  return out;
}

/** ValidatePodTemplateSpec: template labels and annotations (at `<path>.labels`, as Go reports them) and spec. */
export function validatePodTemplateSpec(template: unknown, path: string): FieldError[] {
  const t = rec(template);
  const meta = rec(t?.metadata);
  const out = validateLabels(meta?.labels, child(path, "labels"));
  out.push(...validateAnnotations(meta?.annotations, child(path, "annotations")));
  out.push(...validatePodSpec(t?.spec, child(path, "spec")));
  if (list(rec(t?.spec)?.ephemeralContainers).length > 0) {
    out.push(
      forbidden(
        child(child(path, "spec"), "ephemeralContainers"),
        "ephemeral containers not allowed in pod template",
      ),
    );
  }
  return out;
}

/** ValidatePodCreate. */
export function validatePod(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  out.push(...validatePodSpec(m.spec, "spec"));
  const spec = rec(m.spec);
  for (const k of ["containers", "initContainers"]) {
    list(spec?.[k]).forEach((c, i) => {
      const image = str(rec(c)?.image);
      if (image !== image.trim()) {
        out.push(
          invalid(
            child(at(child("spec", k), i), "image"),
            image,
            "must not have leading or trailing whitespace",
          ),
        );
      }
    });
  }
  if (list(spec?.ephemeralContainers).length > 0)
    out.push(forbidden("spec.ephemeralContainers", "cannot be set on create"));
  if (str(spec?.nodeName) !== "" && list(spec?.schedulingGates).length > 0) {
    out.push(forbidden("spec.nodeName", "cannot be set until all schedulingGates have been cleared"));
  }
  return out;
}
