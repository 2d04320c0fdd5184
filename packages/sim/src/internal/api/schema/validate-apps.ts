// apps/v1 validation: Deployment, ReplicaSet, DaemonSet and StatefulSet (selectors, templates, strategies).
import { type FieldError, forbidden, GoRepr, invalid, notSupported, required } from "./errors.ts";
import { isValidPercent, nameIsDNSLabel, nameIsDNSSubdomain } from "./names.ts";
import {
  child,
  IS_NEGATIVE,
  labelSelectorAsSelector,
  labelSelectorRepr,
  labelsValue,
  nonNegative,
  num,
  type R,
  rec,
  type Selector,
  selectorRejects,
  str,
  validateAnnotations,
  validateLabelSelector,
  validateLabels,
  validateObjectMeta,
} from "./validate-meta.ts";
import { effectiveRestartPolicy, validatePodTemplateSpec } from "./validate-pod.ts";

/** An IntOrString printed through its String() method (5, 25%). */
const iosRepr = (v: unknown): GoRepr => new GoRepr(typeof v === "number" ? String(v) : str(v));

/** ValidatePositiveIntOrPercent. */
function positiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === "string") return isValidPercent(v).map((m) => invalid(path, iosRepr(v), m));
  return (num(v) ?? 0) < 0 ? [invalid(path, num(v), IS_NEGATIVE)] : [];
}

/** getIntOrPercentValue: a valid percent's number, else the int (a non-numeric string counts as 0). */
function intOrPercentValue(v: unknown): number {
  if (typeof v === "number") return v;
  const s = str(v);
  if (/^[0-9]+%$/.test(s)) return Number(s.slice(0, -1));
  return /^[+-]?\d+$/.test(s) ? Number(s) : 0;
}

function notMoreThan100Percent(v: unknown, path: string): FieldError[] {
  if (typeof v !== "string" || !/^[0-9]+%$/.test(v) || intOrPercentValue(v) <= 100) return [];
  return [invalid(path, iosRepr(v), "must not be greater than 100%")];
}

/** Selector checks shared by Deployment, ReplicaSet and StatefulSet: required, label syntax, not empty. */
function requiredSelector(spec: R, what: string): FieldError[] {
  if (!rec(spec.selector)) return [required("spec.selector")];
  const out = validateLabelSelector(spec.selector, "spec.selector");
  if (labelSelectorAsSelector(spec.selector) === "everything") {
    out.push(
      invalid("spec.selector", labelSelectorRepr(spec.selector), `empty selector is invalid for ${what}`),
    );
  }
  return out;
}

/** ValidatePodTemplateSpecForReplicaSet (also used by Deployment). */
function templateForReplicaSet(spec: R, selector: Selector, kind: string): FieldError[] {
  const template = rec(spec.template);
  const out: FieldError[] = [];
  if (selector !== "everything" && selectorRejects(selector, rec(template?.metadata)?.labels)) {
    const labels = labelsValue(rec(template?.metadata)?.labels);
    out.push(invalid("spec.template.metadata.labels", labels, "`selector` does not match template `labels`"));
  }
  out.push(...validatePodTemplateSpec(template, "spec.template"));
  out.push(...templateRestartRules(rec(template?.spec), kind, "spec.template.spec"));
  return out;
}

function templateRestartRules(podSpec: R | undefined, kind: string, path: string): FieldError[] {
  const out: FieldError[] = [];
  const rp = effectiveRestartPolicy(podSpec);
  if (rp !== "Always") out.push(notSupported(child(path, "restartPolicy"), rp, ["Always"]));
  if (num(podSpec?.activeDeadlineSeconds) !== undefined) {
    out.push(
      forbidden(child(path, "activeDeadlineSeconds"), `activeDeadlineSeconds in ${kind} is not Supported`),
    );
  }
  return out;
}

function selectorAndTemplate(spec: R, kind: string): FieldError[] {
  const selector = labelSelectorAsSelector(spec.selector);
  if (selector === "invalid")
    return [invalid("spec.selector", labelSelectorRepr(spec.selector), "invalid label selector")];
  return templateForReplicaSet(spec, selector, kind);
}

export function validateDeployment(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const spec = rec(m.spec) ?? {};
  out.push(...nonNegative(num(spec.replicas), "spec.replicas"));
  out.push(...requiredSelector(spec, "deployment"));
  out.push(...selectorAndTemplate(spec, "ReplicaSet"));
  const strategy = rec(spec.strategy) ?? {};
  const type = str(strategy.type) || "RollingUpdate";
  const ru = rec(strategy.rollingUpdate);
  if (type === "Recreate") {
    if (ru)
      out.push(
        forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"),
      );
  } else if (type === "RollingUpdate") {
    const p = "spec.strategy.rollingUpdate";
    const maxUnavailable = ru?.maxUnavailable ?? "25%";
    const maxSurge = ru?.maxSurge ?? "25%";
    out.push(...positiveIntOrPercent(maxUnavailable, child(p, "maxUnavailable")));
    out.push(...positiveIntOrPercent(maxSurge, child(p, "maxSurge")));
    if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
      out.push(
        invalid(child(p, "maxUnavailable"), iosRepr(maxUnavailable), "may not be 0 when `maxSurge` is 0"),
      );
    }
    out.push(...notMoreThan100Percent(maxUnavailable, child(p, "maxUnavailable")));
  } else {
    const repr = new GoRepr(
      `apps.DeploymentStrategy{Type:"${type}", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`,
    );
    out.push(notSupported("spec.strategy", repr, ["Recreate", "RollingUpdate"]));
  }
  const minReady = num(spec.minReadySeconds) ?? 0;
  out.push(...nonNegative(minReady, "spec.minReadySeconds"));
  out.push(...nonNegative(num(spec.revisionHistoryLimit), "spec.revisionHistoryLimit"));
  const deadline = num(spec.progressDeadlineSeconds) ?? 600;
  out.push(...nonNegative(deadline, "spec.progressDeadlineSeconds"));
  if (deadline <= minReady)
    out.push(invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds"));
  return out;
}

export function validateReplicaSet(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const spec = rec(m.spec) ?? {};
  out.push(...nonNegative(num(spec.replicas), "spec.replicas"));
  out.push(...nonNegative(num(spec.minReadySeconds), "spec.minReadySeconds"));
  out.push(...requiredSelector(spec, "deployment"));
  out.push(...selectorAndTemplate(spec, "ReplicaSet"));
  return out;
}

export function validateDaemonSet(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const spec = rec(m.spec) ?? {};
  const template = rec(spec.template);
  out.push(...validateLabelSelector(spec.selector, "spec.selector"));
  const selector = labelSelectorAsSelector(spec.selector);
  if (selectorRejects(selector, rec(template?.metadata)?.labels)) {
    const labels = labelsValue(rec(template?.metadata)?.labels);
    out.push(invalid("spec.template.metadata.labels", labels, "`selector` does not match template `labels`"));
  }
  if (rec(spec.selector) && selector === "everything") {
    out.push(
      invalid("spec.selector", labelSelectorRepr(spec.selector), "empty selector is invalid for daemonset"),
    );
  }
  out.push(...validatePodTemplateSpec(template, "spec.template"));
  out.push(...templateRestartRules(rec(template?.spec), "DaemonSet", "spec.template.spec"));
  out.push(...nonNegative(num(spec.minReadySeconds), "spec.minReadySeconds"));
  const strategy = rec(spec.updateStrategy) ?? {};
  const type = str(strategy.type) || "RollingUpdate";
  if (type === "RollingUpdate") {
    const ru = rec(strategy.rollingUpdate);
    const p = "spec.updateStrategy.rollingUpdate";
    const maxUnavailable = ru?.maxUnavailable ?? 1;
    const maxSurge = ru?.maxSurge ?? 0;
    out.push(...positiveIntOrPercent(maxUnavailable, child(p, "maxUnavailable")));
    out.push(...positiveIntOrPercent(maxSurge, child(p, "maxSurge")));
    out.push(...notMoreThan100Percent(maxUnavailable, child(p, "maxUnavailable")));
    out.push(...notMoreThan100Percent(maxSurge, child(p, "maxSurge")));
    const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
    const hasSurge = intOrPercentValue(maxSurge) !== 0;
    if (hasUnavailable && hasSurge) {
      out.push(
        invalid(child(p, "maxSurge"), iosRepr(maxSurge), "may not be set when maxUnavailable is non-zero"),
      );
    } else if (!hasUnavailable && !hasSurge)
      out.push(required(child(p, "maxUnavailable"), "cannot be 0 when maxSurge is 0"));
  } else if (type !== "OnDelete") {
    const repr = new GoRepr(
      `&apps.DaemonSetUpdateStrategy{Type:"${type}", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}`,
    );
    out.push(notSupported("spec.updateStrategy", repr, ["RollingUpdate", "OnDelete"]));
  }
  out.push(...nonNegative(num(spec.revisionHistoryLimit), "spec.revisionHistoryLimit"));
  return out;
}

/** StatefulSet names become pod hostnames, so they must be DNS labels; the pod template's spec is not validated. */
export function validateStatefulSet(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSLabel);
  const spec = rec(m.spec) ?? {};
  const pmp = str(spec.podManagementPolicy) || "OrderedReady";
  if (pmp !== "OrderedReady" && pmp !== "Parallel") {
    out.push(invalid("spec.podManagementPolicy", pmp, "must be 'OrderedReady' or 'Parallel'"));
  }
  const strategy = rec(spec.updateStrategy) ?? {};
  const type = str(strategy.type) || "RollingUpdate";
  const ru = rec(strategy.rollingUpdate);
  const rp = "spec.updateStrategy.rollingUpdate";
  if (type === "OnDelete") {
    if (ru)
      out.push(
        invalid(
          rp,
          new GoRepr("&apps.RollingUpdateStatefulSetStrategy{...}"),
          "only allowed for updateStrategy 'RollingUpdate'",
        ),
      );
  } else if (type === "RollingUpdate") {
    if (ru) {
      out.push(...nonNegative(num(ru.partition), child(rp, "partition")));
      const mu = ru.maxUnavailable;
      if (mu !== undefined && mu !== null) {
        out.push(...positiveIntOrPercent(mu, child(rp, "maxUnavailable")));
        if (intOrPercentValue(mu) === 0)
          out.push(invalid(child(rp, "maxUnavailable"), iosRepr(mu), "cannot be 0"));
        out.push(...notMoreThan100Percent(mu, child(rp, "maxUnavailable")));
      }
    }
  } else {
    const repr = new GoRepr(
      `apps.StatefulSetUpdateStrategy{Type:"${type}", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`,
    );
    out.push(invalid("spec.updateStrategy", repr, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = rec(spec.persistentVolumeClaimRetentionPolicy);
  for (const k of ["whenDeleted", "whenScaled"]) {
    const v = retention?.[k];
    if (retention && v !== "Retain" && v !== "Delete") {
      out.push(
        notSupported(child("spec.persistentVolumeClaimRetentionPolicy", k), str(v) || "Retain", [
          "Retain",
          "Delete",
        ]),
      );
    }
  }
  out.push(...nonNegative(num(spec.replicas), "spec.replicas"));
  out.push(...nonNegative(num(spec.minReadySeconds), "spec.minReadySeconds"));
  out.push(...nonNegative(num(rec(spec.ordinals)?.start), "spec.ordinals.start"));
  out.push(...requiredSelector(spec, "statefulset"));
  const selector = labelSelectorAsSelector(spec.selector);
  const template = rec(spec.template);
  const labels = rec(template?.metadata)?.labels;
  if (selector === "invalid") out.push(invalid("spec.selector", labelSelectorRepr(spec.selector), ""));
  else {
    if (selector !== "everything" && selectorRejects(selector, labels)) {
      out.push(
        invalid(
          "spec.template.metadata.labels",
          labelsValue(labels),
          "`selector` does not match template `labels`",
        ),
      );
    }
    out.push(...validateLabels(labels, "spec.template.labels"));
    out.push(...validateAnnotations(rec(template?.metadata)?.annotations, "spec.template.annotations"));
  }
  out.push(...templateRestartRules(rec(template?.spec), "StatefulSet", "spec.template.spec"));
  return out;
}
