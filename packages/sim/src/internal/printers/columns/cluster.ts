// Config, cluster and storage tables: ConfigMap, Secret, Namespace, Node, quotas, PVC/PV, RBAC, …
import type { KObject } from "../../api/types.ts";
import { canonical } from "../quantity.ts";
import { asArr, asNum, asObj, asStr, byteCompare, isSet, type Obj, since, strMap } from "../util.ts";
import type { KindTable } from "./types.ts";

const age = (o: KObject, now: number) => since(now, o.metadata.creationTimestamp);
const count = (v: unknown) => String(Object.keys(asObj(v)).length);

/** `kubectl get configmaps`: DATA counts data and binaryData keys. */
export const configMapTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Data" }, { name: "Age" }],
  row: (o, now) => [
    o.metadata.name,
    String(Object.keys(asObj(o.data)).length + Object.keys(asObj(o.binaryData)).length),
    age(o, now),
  ],
};

/** `kubectl get secrets`. */
export const secretTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Type" }, { name: "Data" }, { name: "Age" }],
  row: (o, now) => [o.metadata.name, asStr(o.type), count(o.data), age(o, now)],
};

/** `kubectl get namespaces`. */
export const namespaceTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Status" }, { name: "Age" }],
  row: (o, now) => [o.metadata.name, asStr(asObj(o.status).phase), age(o, now)],
};

/** `kubectl get serviceaccounts`. */
export const serviceAccountTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Secrets" }, { name: "Age" }],
  row: (o, now) => [o.metadata.name, String(asArr(o.secrets).length), age(o, now)],
};

/** findNodeRoles: node-role.kubernetes.io/<role> keys and kubernetes.io/role values, sorted. */
export function nodeRoles(node: KObject): string[] {
  const roles = new Set<string>();
  const labels = node.metadata.labels ?? {};
  for (const k of Object.keys(labels)) {
    const v = labels[k] as string;
    if (k.startsWith("node-role.kubernetes.io/")) {
      const role = k.slice("node-role.kubernetes.io/".length);
      if (role !== "") roles.add(role);
    } else if (k === "kubernetes.io/role" && v !== "") roles.add(v);
  }
  return [...roles].sort(byteCompare);
}

function nodeAddress(status: Obj, type: string): string {
  const a = asArr(status.addresses)
    .map(asObj)
    .find((x) => x.type === type);
  return a ? asStr(a.address) : "<none>";
}

/** `kubectl get nodes`. */
export const nodeTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Status" },
    { name: "Roles" },
    { name: "Age" },
    { name: "Version" },
    { name: "Internal-IP", wide: true },
    { name: "External-IP", wide: true },
    { name: "OS-Image", wide: true },
    { name: "Kernel-Version", wide: true },
    { name: "Container-Runtime", wide: true },
  ],
  row(o, now) {
    const status = asObj(o.status);
    const ready = asArr(status.conditions)
      .map(asObj)
      .filter((c) => c.type === "Ready")
      .pop();
    const parts = ready === undefined ? ["Unknown"] : [ready.status === "True" ? "Ready" : "NotReady"];
    if (asObj(o.spec).unschedulable === true) parts.push("SchedulingDisabled");
    const info = asObj(status.nodeInfo);
    const roles = nodeRoles(o).join(",") || "<none>";
    return [
      o.metadata.name,
      parts.join(","),
      roles,
      age(o, now),
      asStr(info.kubeletVersion),
      nodeAddress(status, "InternalIP"),
      nodeAddress(status, "ExternalIP"),
      asStr(info.osImage) || "<unknown>",
      asStr(info.kernelVersion) || "<unknown>",
      asStr(info.containerRuntimeVersion) || "<unknown>",
    ];
  },
};

/** `kubectl get resourcequotas` (1.32 order: AGE before REQUEST and LIMIT). */
export const resourceQuotaTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Age" }, { name: "Request" }, { name: "Limit" }],
  row(o, now) {
    const hard = strMap(asObj(o.status).hard);
    const used = strMap(asObj(o.status).used);
    const request: string[] = [];
    const limit: string[] = [];
    for (const name of Object.keys(hard).sort(byteCompare)) {
      const pieces = name.split(".");
      const target = pieces.length > 1 && pieces[0] === "limits" ? limit : request;
      target.push(`${name}: ${canonical(used[name] ?? "0")}/${canonical(hard[name])}`);
    }
    return [o.metadata.name, age(o, now), request.join(", "), limit.join(", ")];
  },
};

/** The API server's default table for kinds without a printer: NAME, CREATED AT (RFC 3339). */
export const createdAtTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Created At" }],
  row: (o) => [o.metadata.name, o.metadata.creationTimestamp],
};

/** `kubectl get poddisruptionbudgets`. */
export const pdbTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Min Available" },
    { name: "Max Unavailable" },
    { name: "Allowed Disruptions" },
    { name: "Age" },
  ],
  row(o, now) {
    const spec = asObj(o.spec);
    return [
      o.metadata.name,
      isSet(spec.minAvailable) ? asStr(spec.minAvailable) : "N/A",
      isSet(spec.maxUnavailable) ? asStr(spec.maxUnavailable) : "N/A",
      String(asNum(asObj(o.status).disruptionsAllowed)),
      age(o, now),
    ];
  },
};

/** `kubectl get rolebindings` and `clusterrolebindings`. */
export const roleBindingTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Role" },
    { name: "Age" },
    { name: "Users", wide: true },
    { name: "Groups", wide: true },
    { name: "ServiceAccounts", wide: true },
  ],
  row(o, now) {
    const ref = asObj(o.roleRef);
    const subjects = asArr(o.subjects).map(asObj);
    const of = (kind: string) => subjects.filter((s) => s.kind === kind);
    return [
      o.metadata.name,
      `${asStr(ref.kind)}/${asStr(ref.name)}`,
      age(o, now),
      of("User")
        .map((s) => asStr(s.name))
        .join(", "),
      of("Group")
        .map((s) => asStr(s.name))
        .join(", "),
      of("ServiceAccount")
        .map((s) => `${asStr(s.namespace)}/${asStr(s.name)}`)
        .join(", "),
    ];
  },
};

/** `kubectl get priorityclasses`. */
export const priorityClassTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Value" },
    { name: "Global-Default" },
    { name: "Age" },
    { name: "PreemptionPolicy" },
  ],
  row: (o, now) => [
    o.metadata.name,
    String(asNum(o.value)),
    o.globalDefault === true ? "true" : "false",
    age(o, now),
    asStr(o.preemptionPolicy),
  ],
};

/** `kubectl get leases`. */
export const leaseTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Holder" }, { name: "Age" }],
  row: (o, now) => [o.metadata.name, asStr(asObj(o.spec).holderIdentity), age(o, now)],
};
