// Resolving a container's environment and its references to ConfigMaps and Secrets, as the kubelet does.

import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";

type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name?: string; key: string; optional?: boolean };
    secretKeyRef?: { name?: string; key: string; optional?: boolean };
    fieldRef?: { fieldPath: string };
    resourceFieldRef?: { resource: string };
  };
};
type EnvFrom = {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
};
export type ContainerSpec = {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: EnvFrom[];
  [k: string]: unknown;
};

function decode(b64: string): string {
  return Buffer.from(b64, "base64").toString("utf8");
}

/**
 * The container's environment, or the kubelet's CreateContainerConfigError message when a
 * required ConfigMap, Secret or key is missing (e.g. `configmap "app-config" not found`).
 */
export function resolveEnv(
  store: Store,
  pod: KObject,
  c: ContainerSpec,
): { env: Record<string, string> } | { error: string } {
  const ns = pod.metadata.namespace ?? "default";
  const env: Record<string, string> = {};
  for (const from of c.envFrom ?? []) {
    const prefix = from.prefix ?? "";
    if (from.configMapRef) {
      const cm = store.get("configmaps", ns, from.configMapRef.name ?? "");
      if (!cm) {
        if (from.configMapRef.optional) continue;
        return { error: `configmap "${from.configMapRef.name ?? ""}" not found` };
      }
      for (const [k, v] of Object.entries((cm.data ?? {}) as Record<string, string>)) env[prefix + k] = v;
    }
    if (from.secretRef) {
      const s = store.get("secrets", ns, from.secretRef.name ?? "");
      if (!s) {
        if (from.secretRef.optional) continue;
        return { error: `secret "${from.secretRef.name ?? ""}" not found` };
      }
      for (const [k, v] of Object.entries((s.data ?? {}) as Record<string, string>))
        env[prefix + k] = decode(v);
    }
  }
  for (const e of c.env ?? []) {
    if (e.value !== undefined || !e.valueFrom) {
      env[e.name] = expand(e.value ?? "", env);
      continue;
    }
    const { configMapKeyRef: cmRef, secretKeyRef: sRef, fieldRef, resourceFieldRef } = e.valueFrom;
    if (cmRef) {
      const cm = store.get("configmaps", ns, cmRef.name ?? "");
      const v = (cm?.data as Record<string, string> | undefined)?.[cmRef.key];
      if (v === undefined) {
        if (cmRef.optional) continue;
        return {
          error: cm
            ? `couldn't find key ${cmRef.key} in ConfigMap ${ns}/${cmRef.name}`
            : `configmap "${cmRef.name ?? ""}" not found`,
        };
      }
      env[e.name] = v;
    } else if (sRef) {
      const s = store.get("secrets", ns, sRef.name ?? "");
      const v = (s?.data as Record<string, string> | undefined)?.[sRef.key];
      if (v === undefined) {
        if (sRef.optional) continue;
        return {
          error: s
            ? `couldn't find key ${sRef.key} in Secret ${ns}/${sRef.name}`
            : `secret "${sRef.name ?? ""}" not found`,
        };
      }
      env[e.name] = decode(v);
    } else if (fieldRef) {
      env[e.name] = fieldValue(pod, fieldRef.fieldPath);
    } else if (resourceFieldRef) {
      env[e.name] = "0";
    }
  }
  return { env };
}

/** `$(VAR)` references to earlier variables, as the kubelet expands them. */
function expand(value: string, env: Record<string, string>): string {
  return value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string) => env[name] ?? m);
}

function fieldValue(pod: KObject, path: string): string {
  switch (path) {
    case "metadata.name":
      return pod.metadata.name;
    case "metadata.namespace":
      return pod.metadata.namespace ?? "default";
    case "metadata.uid":
      return pod.metadata.uid;
    case "spec.nodeName":
      return pod.spec?.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec?.serviceAccountName ?? "default";
    case "status.podIP":
      return pod.status?.podIP ?? "";
    case "status.hostIP":
      return pod.status?.hostIP ?? "";
    default: {
      const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
      if (m) return pod.metadata[m[1] as "labels" | "annotations"]?.[m[2] ?? ""] ?? "";
      return "";
    }
  }
}

/** The first volume that cannot be mounted, in the kubelet's FailedMount words. */
export function missingVolume(store: Store, pod: KObject): string | undefined {
  const ns = pod.metadata.namespace ?? "default";
  for (const v of (pod.spec?.volumes ?? []) as {
    name: string;
    configMap?: { name?: string; optional?: boolean };
    secret?: { secretName?: string; optional?: boolean };
  }[]) {
    if (v.configMap && !v.configMap.optional && !store.get("configmaps", ns, v.configMap.name ?? "")) {
      return `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name ?? ""}" not found`;
    }
    if (v.secret && !v.secret.optional && !store.get("secrets", ns, v.secret.secretName ?? "")) {
      return `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName ?? ""}" not found`;
    }
  }
  return undefined;
}
