// Defaulting for batch, apps (DaemonSet, StatefulSet) and storage kinds, as pkg/apis/*/v1/defaults.go does.

import { defaultPodSpec } from "./defaults.ts";
import type { KObject } from "./types.ts";

// biome-ignore lint/suspicious/noExplicitAny: defaulting walks free-form manifest JSON
type Any = any;

function setDefault(obj: Any, key: string, value: unknown): void {
  if (obj && typeof obj === "object" && obj[key] === undefined) obj[key] = value;
}

function defaultTemplate(spec: Any): void {
  const template = spec?.template;
  if (template && typeof template === "object") {
    setDefault(template, "metadata", {});
    defaultPodSpec(template.spec);
  }
}

/**
 * SetDefaults_Job. A job with neither completions nor parallelism runs one pod once
 * (completions 1, parallelism 1); with only completions set, parallelism is 1.
 */
export function defaultJobSpec(spec: Any): void {
  if (!spec || typeof spec !== "object") return;
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  setDefault(spec, "parallelism", 1);
  setDefault(spec, "backoffLimit", spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6);
  setDefault(spec, "completionMode", "NonIndexed");
  setDefault(spec, "suspend", false);
  setDefault(spec, "podReplacementPolicy", spec.podFailurePolicy ? "Failed" : "TerminatingOrFailed");
  defaultTemplate(spec);
}

export function defaultJob(obj: KObject): void {
  defaultJobSpec(obj.spec);
  setDefault(obj.spec, "manualSelector", false);
}

/** SetDefaults_CronJob: only the CronJob's own fields; the job template's pod spec gets PodSpec defaults. */
export function defaultCronJob(obj: KObject): void {
  const spec = obj.spec as Any;
  setDefault(spec, "concurrencyPolicy", "Allow");
  setDefault(spec, "suspend", false);
  setDefault(spec, "successfulJobsHistoryLimit", 3);
  setDefault(spec, "failedJobsHistoryLimit", 1);
  const jt = spec?.jobTemplate;
  if (jt && typeof jt === "object") {
    setDefault(jt, "metadata", {});
    defaultTemplate(jt.spec);
  }
}

/** SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, ten revisions kept. */
export function defaultDaemonSet(obj: KObject): void {
  const spec = obj.spec as Any;
  setDefault(spec, "updateStrategy", {});
  setDefault(spec.updateStrategy, "type", "RollingUpdate");
  if (spec.updateStrategy.type === "RollingUpdate") {
    setDefault(spec.updateStrategy, "rollingUpdate", {});
    setDefault(spec.updateStrategy.rollingUpdate, "maxUnavailable", 1);
    setDefault(spec.updateStrategy.rollingUpdate, "maxSurge", 0);
  }
  setDefault(spec, "revisionHistoryLimit", 10);
  defaultTemplate(spec);
}

/** PersistentVolumeClaimSpec defaults shared by claims and StatefulSet claim templates. */
function defaultClaimSpec(spec: Any): void {
  setDefault(spec, "volumeMode", "Filesystem");
}

/** SetDefaults_StatefulSet (StatefulSetAutoDeletePVC is on in 1.32, so the retention policy is filled in). */
export function defaultStatefulSet(obj: KObject): void {
  const spec = obj.spec as Any;
  setDefault(spec, "podManagementPolicy", "OrderedReady");
  setDefault(spec, "updateStrategy", {});
  if (spec.updateStrategy.type === undefined) {
    spec.updateStrategy.type = "RollingUpdate";
    setDefault(spec.updateStrategy, "rollingUpdate", {});
  }
  if (spec.updateStrategy.type === "RollingUpdate" && spec.updateStrategy.rollingUpdate)
    setDefault(spec.updateStrategy.rollingUpdate, "partition", 0);
  setDefault(spec, "persistentVolumeClaimRetentionPolicy", {});
  setDefault(spec.persistentVolumeClaimRetentionPolicy, "whenDeleted", "Retain");
  setDefault(spec.persistentVolumeClaimRetentionPolicy, "whenScaled", "Retain");
  setDefault(spec, "replicas", 1);
  setDefault(spec, "revisionHistoryLimit", 10);
  for (const t of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) {
    if (!t || typeof t !== "object") continue;
    setDefault(t, "apiVersion", "v1");
    setDefault(t, "kind", "PersistentVolumeClaim");
    setDefault(t, "spec", {});
    defaultClaimSpec(t.spec);
    setDefault(t, "status", { phase: "Pending" });
  }
  defaultTemplate(spec);
}

export function defaultPersistentVolumeClaim(obj: KObject): void {
  defaultClaimSpec(obj.spec);
}

export function defaultPersistentVolume(obj: KObject): void {
  const spec = obj.spec as Any;
  setDefault(spec, "persistentVolumeReclaimPolicy", "Retain");
  setDefault(spec, "volumeMode", "Filesystem");
}

export function defaultStorageClass(obj: KObject): void {
  setDefault(obj, "reclaimPolicy", "Delete");
  setDefault(obj, "volumeBindingMode", "Immediate");
}

/**
 * SetDefaults_LimitRangeItem for Container items: a missing default limit takes the max; a missing
 * default request takes the default limit, else the min. Example: max cpu 800m, min 200m →
 * default 800m, defaultRequest 800m (the cpu-constraints walkthrough shows exactly that).
 */
export function defaultLimitRange(obj: KObject): void {
  for (const item of Array.isArray(obj.spec?.limits) ? (obj.spec.limits as Any[]) : []) {
    if (!item || typeof item !== "object" || item.type !== "Container") continue;
    const def: Record<string, unknown> = { ...(item.default ?? {}) };
    const req: Record<string, unknown> = { ...(item.defaultRequest ?? {}) };
    for (const [k, v] of Object.entries(item.max ?? {})) if (def[k] === undefined) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (req[k] === undefined) req[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (req[k] === undefined) req[k] = v;
    if (Object.keys(def).length) item.default = def;
    if (Object.keys(req).length) item.defaultRequest = req;
  }
}
