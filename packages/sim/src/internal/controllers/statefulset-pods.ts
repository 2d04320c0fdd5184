// A StatefulSet's members: ordinal names, the per-pod template (hostname, claims) and the claims themselves.

import { admitObject } from "../api/admission-plugins.ts";
import { defaultPersistentVolumeClaim } from "../api/defaults-workloads.ts";
import { ApiError } from "../api/errors.ts";
import { resourceForKind } from "../api/resources.ts";
import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";

const PVC_INFO = resourceForKind("PersistentVolumeClaim");
export const REVISION_LABEL = "controller-revision-hash";

/** `web-3` → 3 for a StatefulSet named web; undefined for names that are not its members. */
export function ordinalOf(sts: KObject, pod: KObject): number | undefined {
  const prefix = `${sts.metadata.name}-`;
  const name = pod.metadata.name;
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}

/** The first ordinal (spec.ordinals.start, 0 by default). */
export function startOrdinal(sts: KObject): number {
  return (sts.spec?.ordinals?.start as number | undefined) ?? 0;
}

type ClaimTemplate = {
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: unknown;
};

export function claimTemplates(sts: KObject): ClaimTemplate[] {
  return (sts.spec?.volumeClaimTemplates ?? []) as ClaimTemplate[];
}

/** `<template>-<statefulset>-<ordinal>`: www-web-0. */
export function claimName(sts: KObject, t: ClaimTemplate, ordinal: number): string {
  return `${t.metadata?.name ?? ""}-${sts.metadata.name}-${ordinal}`;
}

/**
 * The template for member `ordinal`: identity labels (pod-name, pod-index, revision), the stable
 * hostname and the headless Service as subdomain, and its own claims in place of the templates.
 */
export function memberTemplate(sts: KObject, ordinal: number, revision: string) {
  return (t: KObject["spec"]): KObject["spec"] => {
    const name = `${sts.metadata.name}-${ordinal}`;
    t.metadata = t.metadata ?? {};
    t.metadata.labels = {
      ...(t.metadata.labels ?? {}),
      "apps.kubernetes.io/pod-index": String(ordinal),
      [REVISION_LABEL]: revision,
      "statefulset.kubernetes.io/pod-name": name,
    };
    t.spec.hostname = name;
    if (sts.spec?.serviceName) t.spec.subdomain = sts.spec.serviceName;
    const volumes = ((t.spec.volumes ?? []) as { name: string }[]).slice();
    for (const ct of claimTemplates(sts)) {
      const v = {
        name: ct.metadata?.name ?? "",
        persistentVolumeClaim: { claimName: claimName(sts, ct, ordinal) },
      };
      const i = volumes.findIndex((x) => x.name === v.name);
      if (i >= 0) volumes[i] = v;
      else volumes.push(v);
    }
    if (volumes.length) t.spec.volumes = volumes;
    return t;
  };
}

/**
 * Creates the member's missing claims (they outlive the pod: the default retention policy is
 * Retain). Returns the names created, or an error message when admission refused one.
 */
export function ensureClaims(
  store: Store,
  sts: KObject,
  ordinal: number,
): { created: string[]; error?: string } {
  const created: string[] = [];
  if (!PVC_INFO) return { created };
  const ns = sts.metadata.namespace ?? "default";
  for (const t of claimTemplates(sts)) {
    const name = claimName(sts, t, ordinal);
    if (store.get("persistentvolumeclaims", ns, name)) continue;
    const selector = (sts.spec?.selector?.matchLabels ?? {}) as Record<string, string>;
    const pvc: KObject = {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: {
        name,
        namespace: ns,
        uid: "",
        resourceVersion: "",
        creationTimestamp: "",
        labels: { ...(t.metadata?.labels ?? {}), ...selector },
        ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
        finalizers: ["kubernetes.io/pvc-protection"],
      },
      spec: structuredClone(t.spec ?? {}),
    };
    defaultPersistentVolumeClaim(pvc);
    try {
      admitObject(store, PVC_INFO, pvc);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { created, error: `failed to create PVC ${name}: ${e.message}` };
    }
    store.create(PVC_INFO, pvc);
    created.push(name);
  }
  return { created };
}
