// Validation for autoscaling (HorizontalPodAutoscaler v1/v2) and storage (StorageClass) kinds.
import { type FieldError, forbidden, GoRepr, invalid, notSupported, required } from "./errors.ts";
import { isQualifiedName, isValidPathSegmentName, nameIsDNSSubdomain } from "./names.ts";
import { at, child, list, num, type R, rec, str, validateObjectMeta } from "./validate-meta.ts";
import { quantityOf } from "./validate-resources.ts";

function validateCrossVersionRef(ref: R | undefined, path: string): FieldError[] {
  const out: FieldError[] = [];
  for (const k of ["kind", "name"]) {
    const v = str(ref?.[k]);
    if (v === "") out.push(required(child(path, k)));
    else for (const m of isValidPathSegmentName(v)) out.push(invalid(child(path, k), v, m));
  }
  return out;
}

function validateMetricTarget(t: R | undefined, path: string): FieldError[] {
  const out: FieldError[] = [];
  const type = str(t?.type);
  if (type === "") out.push(required(child(path, "type"), "must specify a metric target type"));
  if (!["Utilization", "Value", "AverageValue"].includes(type)) {
    out.push(invalid(child(path, "type"), type, "must be either Utilization, Value, or AverageValue"));
  }
  for (const k of ["value", "averageValue"]) {
    const q = quantityOf(t?.[k]);
    if (q && q.nanos <= 0n) out.push(invalid(child(path, k), new GoRepr(String(t?.[k])), "must be positive"));
  }
  const u = num(t?.averageUtilization);
  if (u !== undefined && u < 1)
    out.push(invalid(child(path, "averageUtilization"), u, "must be greater than 0"));
  return out;
}

const SOURCE_TYPES: Readonly<Record<string, string>> = {
  Object: "object",
  Pods: "pods",
  Resource: "resource",
  External: "external",
  ContainerResource: "containerResource",
};

function validateMetricSpec(spec: R, path: string): FieldError[] {
  const out: FieldError[] = [];
  const type = str(spec.type);
  const valid = Object.keys(SOURCE_TYPES).sort();
  if (type === "") out.push(required(child(path, "type"), "must specify a metric source type"));
  if (!valid.includes(type)) out.push(notSupported(child(path, "type"), type, valid));
  const present = ["object", "external", "pods", "resource", "containerResource"].filter((k) => rec(spec[k]));
  const first = present[0];
  const src = first ? rec(spec[first]) : undefined;
  if (first && src) {
    const p = child(path, first);
    if (first === "object")
      out.push(...validateCrossVersionRef(rec(src.describedObject), child(p, "describedObject")));
    if (first === "resource" || first === "containerResource") {
      if (str(src.name) === "") out.push(required(child(p, "name"), "must specify a resource name"));
    }
    const target = rec(src.target);
    out.push(...validateMetricTarget(target, child(p, "target")));
    if (first === "resource" || first === "containerResource") {
      const tp = child(p, "target");
      const util = num(target?.averageUtilization) !== undefined;
      const avg = target?.averageValue !== undefined && target?.averageValue !== null;
      if (!util && !avg) {
        out.push(
          required(
            child(tp, "averageUtilization"),
            "must set either a target raw value or a target utilization",
          ),
        );
      }
      if (util && avg)
        out.push(
          forbidden(
            child(tp, "averageValue"),
            "may not set both a target raw value and a target utilization",
          ),
        );
    }
  }
  const expected = SOURCE_TYPES[type];
  if (expected !== undefined && !rec(spec[expected])) {
    out.push(required(child(path, expected), "must populate information for the given metric source"));
  } else if (expected === undefined) out.push(notSupported(child(path, "type"), type, valid));
  if (present.length !== 1) {
    for (const k of present.filter((k) => k !== expected)) {
      out.push(forbidden(child(path, k), "must populate the given metric source only"));
    }
  }
  return out;
}

function validateScalingRules(rules: R | undefined, path: string): FieldError[] {
  if (!rules) return [];
  const out: FieldError[] = [];
  const win = num(rules.stabilizationWindowSeconds);
  if (win !== undefined && win < 0)
    out.push(
      invalid(child(path, "stabilizationWindowSeconds"), win, "must be greater than or equal to zero"),
    );
  if (win !== undefined && win > 3600)
    out.push(invalid(child(path, "stabilizationWindowSeconds"), win, "must be less than or equal to 3600"));
  const sp = rules.selectPolicy;
  if (typeof sp === "string" && !["Disabled", "Max", "Min"].includes(sp)) {
    out.push(notSupported(child(path, "selectPolicy"), sp, ["Disabled", "Max", "Min"]));
  }
  if (Array.isArray(rules.policies) && rules.policies.length === 0) {
    out.push(required(child(path, "policies"), "must specify at least one Policy"));
  }
  list(rules.policies).forEach((p, i) => {
    const pol = rec(p) ?? {};
    const pp = at(child(path, "policies"), i);
    const type = str(pol.type);
    if (type !== "Pods" && type !== "Percent")
      out.push(notSupported(child(pp, "type"), type, ["Percent", "Pods"]));
    const value = num(pol.value) ?? 0;
    if (value <= 0) out.push(invalid(child(pp, "value"), value, "must be greater than zero"));
    const period = num(pol.periodSeconds) ?? 0;
    if (period <= 0) out.push(invalid(child(pp, "periodSeconds"), period, "must be greater than zero"));
    if (period > 1800)
      out.push(invalid(child(pp, "periodSeconds"), period, "must be less than or equal to 1800"));
  });
  return out;
}

export function validateHPA(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const spec = rec(m.spec) ?? {};
  const min = num(spec.minReplicas) ?? 1;
  const max = num(spec.maxReplicas) ?? 0;
  if (min < 1) out.push(invalid("spec.minReplicas", min, "must be greater than or equal to 1"));
  if (max < 1) out.push(invalid("spec.maxReplicas", max, "must be greater than 0"));
  if (max < min) out.push(invalid("spec.maxReplicas", max, "must be greater than or equal to `minReplicas`"));
  out.push(...validateCrossVersionRef(rec(spec.scaleTargetRef), "spec.scaleTargetRef"));
  list(spec.metrics).forEach((ms, i) => {
    out.push(...validateMetricSpec(rec(ms) ?? {}, at("spec.metrics", i)));
  });
  const behavior = rec(spec.behavior);
  out.push(...validateScalingRules(rec(behavior?.scaleUp), "spec.behavior.scaleUp"));
  out.push(...validateScalingRules(rec(behavior?.scaleDown), "spec.behavior.scaleDown"));
  return out;
}

export function validateStorageClass(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const provisioner = str(m.provisioner);
  if (provisioner === "") out.push(required("provisioner"));
  else
    for (const msg of isQualifiedName(provisioner.toLowerCase()))
      out.push(invalid("provisioner", provisioner.toLowerCase(), msg));
  const rp = m.reclaimPolicy;
  if (typeof rp === "string" && rp !== "Delete" && rp !== "Retain")
    out.push(notSupported("reclaimPolicy", rp, ["Delete", "Retain"]));
  const vbm = m.volumeBindingMode;
  if (typeof vbm === "string" && vbm !== "Immediate" && vbm !== "WaitForFirstConsumer") {
    out.push(notSupported("volumeBindingMode", vbm, ["Immediate", "WaitForFirstConsumer"]));
  }
  return out;
}
