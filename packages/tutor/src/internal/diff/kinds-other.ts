// Snapshot readers for networking, configuration, storage and cluster objects.

import { compact, type Fields, type KindReader } from "./kind.ts";
import { asArr, asNum, asObj, asStr, fingerprint } from "./read.ts";

const list = (...parts: (string | undefined | false)[]): string => parts.filter(Boolean).join(", ");

/** "keys: a, b" from the `key:` fields of a snapshot entry. */
function keysText(f: Fields): string {
  const keys = Object.keys(f)
    .filter((k) => k.startsWith("key:"))
    .map((k) => k.slice(4));
  return keys.length ? `keys: ${keys.join(", ")}` : "no keys";
}

/** Ready addresses behind a Service's Endpoints object. */
function endpointCount(ep: unknown): number {
  return asArr(asObj(ep).subsets).reduce<number>((n, s) => n + asArr(asObj(s).addresses).length, 0);
}

/** kubectl's PORT(S) cell: "80/TCP", "80:31234/TCP". */
function portsText(spec: unknown): string {
  return asArr(asObj(spec).ports)
    .map(asObj)
    .map((p) => `${asNum(p.port)}${p.nodePort ? `:${asNum(p.nodePort)}` : ""}/${asStr(p.protocol) || "TCP"}`)
    .join(",");
}

export const serviceReader: KindReader = {
  resource: "services",
  kind: "service",
  fields(o, sim) {
    const type = asStr(o.spec?.type) || "ClusterIP";
    const ns = o.metadata.namespace ?? "default";
    const ingress = asArr(asObj(asObj(o.status).loadBalancer).ingress).map(asObj);
    const ep = sim.get("endpoints", ns, o.metadata.name);
    return compact({
      type,
      ports: portsText(o.spec) || undefined,
      "external name": type === "ExternalName" ? asStr(o.spec?.externalName) : undefined,
      "external IP":
        type === "LoadBalancer"
          ? ingress.map((i) => asStr(i.ip) || asStr(i.hostname)).join(",") || "<pending>"
          : undefined,
      endpoints: o.spec?.selector || ep ? String(endpointCount(ep)) : undefined,
    });
  },
  summary: (f) =>
    list(f.type, f.ports, f["external name"], f["external IP"] && `external IP ${f["external IP"]}`),
};

export const endpointsReader: KindReader = {
  resource: "endpoints",
  kind: "endpoints",
  // A Service's own Endpoints show as its `endpoints` count; only hand-made ones are listed.
  fields: (o, sim) =>
    sim.get("services", o.metadata.namespace ?? "default", o.metadata.name)
      ? undefined
      : { addresses: String(endpointCount(o)) },
  summary: (f) => `${f.addresses} addresses`,
};

export const configMapReader: KindReader = {
  resource: "configmaps",
  kind: "configmap",
  fields(o) {
    // Every namespace gets one of these; it is not something the learner did.
    if (o.metadata.name === "kube-root-ca.crt") return undefined;
    const f: Fields = {};
    for (const field of ["data", "binaryData"] as const)
      for (const [k, v] of Object.entries(asObj(o[field])).sort(([a], [b]) => (a < b ? -1 : 1)))
        f[`key:${k}`] = fingerprint(asStr(v));
    return f;
  },
  summary: keysText,
};

export const secretReader: KindReader = {
  resource: "secrets",
  kind: "secret",
  fields(o) {
    // Keys only: nothing derived from a secret's values enters a snapshot. A change of value shows
    // as "updated" through the resourceVersion, which is never displayed.
    const f: Fields = { type: asStr(o.type) || "Opaque", _rv: o.metadata.resourceVersion };
    for (const k of Object.keys(asObj(o.data)).sort()) f[`key:${k}`] = "";
    return f;
  },
  summary: (f) => list(f.type, keysText(f)),
};

export const namespaceReader: KindReader = {
  resource: "namespaces",
  kind: "namespace",
  fields: (o) => ({ status: asStr(o.status?.phase) || "Active" }),
  summary: (f) => (f.status === "Active" ? "" : (f.status ?? "")),
};

export const nodeReader: KindReader = {
  resource: "nodes",
  kind: "node",
  fields(o) {
    const ready = asArr(o.status?.conditions)
      .map(asObj)
      .find((c) => c.type === "Ready");
    let status = ready?.status === "True" ? "Ready" : ready?.status === "False" ? "NotReady" : "Unknown";
    if (o.spec?.unschedulable === true) status += ",SchedulingDisabled";
    // node.kubernetes.io/* taints mirror the STATUS column (cordoned, not ready), so they are left out.
    const taints = asArr(o.spec?.taints)
      .map(asObj)
      .filter((t) => !asStr(t.key).startsWith("node.kubernetes.io/"))
      .map((t) => `${asStr(t.key)}${t.value ? `=${asStr(t.value)}` : ""}:${asStr(t.effect)}`);
    return compact({ status, taints: taints.length ? taints.join(",") : undefined });
  },
  summary: (f) => list(f.status, f.taints && `taints ${f.taints}`),
};

export const pvcReader: KindReader = {
  resource: "persistentvolumeclaims",
  kind: "persistentvolumeclaim",
  fields(o) {
    const phase = o.metadata.deletionTimestamp ? "Terminating" : asStr(o.status?.phase) || "Pending";
    const capacity = asStr(asObj(o.status?.capacity).storage);
    return compact({ status: phase, capacity: capacity || undefined });
  },
  summary: (f) => list(f.status, f.capacity),
};

export const ingressReader: KindReader = {
  resource: "ingresses",
  kind: "ingress",
  fields(o) {
    const hosts = asArr(o.spec?.rules).map((r) => asStr(asObj(r).host) || "*");
    const address = asArr(asObj(asObj(o.status).loadBalancer).ingress)
      .map((i) => asStr(asObj(i).ip) || asStr(asObj(i).hostname))
      .join(",");
    return compact({ hosts: hosts.join(",") || "*", address: address || undefined });
  },
  summary: (f) => list(`hosts ${f.hosts}`, f.address),
};

/** ResourceQuota and LimitRange: whether they are there, and what they allow. */
function policyReader(resource: string, kind: string): KindReader {
  return {
    resource,
    kind,
    fields: (o) => ({ _spec: fingerprint(JSON.stringify(o.spec ?? {})) }),
    summary: () => "",
  };
}

export const quotaReader = policyReader("resourcequotas", "resourcequota");
export const limitRangeReader = policyReader("limitranges", "limitrange");
