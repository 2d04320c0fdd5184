// The resource registry: how kubectl names each kind (plural, singular, short names) and where it is served.

export interface ResourceInfo {
  /** Plural resource name, the key under which objects are stored: "deployments". */
  resource: string;
  singular: string;
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: readonly string[];
  /** Part of `kubectl get all`. */
  inAll: boolean;
  /** Simulated by controllers and accepted by create/apply. */
  simulated: boolean;
}

type Row = [
  resource: string,
  singular: string,
  kind: string,
  groupVersion: string,
  namespaced: boolean,
  shortNames: string,
  inAll: boolean,
  simulated: boolean,
];

// The order here is the order of `kubectl api-resources` (core group first, then groups alphabetically).
const ROWS: readonly Row[] = [
  ["bindings", "binding", "Binding", "v1", true, "", false, false],
  ["componentstatuses", "componentstatus", "ComponentStatus", "v1", false, "cs", false, false],
  ["configmaps", "configmap", "ConfigMap", "v1", true, "cm", false, true],
  ["endpoints", "endpoints", "Endpoints", "v1", true, "ep", false, true],
  ["events", "event", "Event", "v1", true, "ev", false, true],
  ["limitranges", "limitrange", "LimitRange", "v1", true, "limits", false, true],
  ["namespaces", "namespace", "Namespace", "v1", false, "ns", false, true],
  ["nodes", "node", "Node", "v1", false, "no", false, true],
  [
    "persistentvolumeclaims",
    "persistentvolumeclaim",
    "PersistentVolumeClaim",
    "v1",
    true,
    "pvc",
    false,
    true,
  ],
  ["persistentvolumes", "persistentvolume", "PersistentVolume", "v1", false, "pv", false, true],
  ["pods", "pod", "Pod", "v1", true, "po", true, true],
  ["podtemplates", "podtemplate", "PodTemplate", "v1", true, "", false, false],
  ["replicationcontrollers", "replicationcontroller", "ReplicationController", "v1", true, "rc", true, false],
  ["resourcequotas", "resourcequota", "ResourceQuota", "v1", true, "quota", false, true],
  ["secrets", "secret", "Secret", "v1", true, "", false, true],
  ["serviceaccounts", "serviceaccount", "ServiceAccount", "v1", true, "sa", false, true],
  ["services", "service", "Service", "v1", true, "svc", true, true],
  ["controllerrevisions", "controllerrevision", "ControllerRevision", "apps/v1", true, "", false, true],
  ["daemonsets", "daemonset", "DaemonSet", "apps/v1", true, "ds", true, true],
  ["deployments", "deployment", "Deployment", "apps/v1", true, "deploy", true, true],
  ["replicasets", "replicaset", "ReplicaSet", "apps/v1", true, "rs", true, true],
  ["statefulsets", "statefulset", "StatefulSet", "apps/v1", true, "sts", true, true],
  [
    "horizontalpodautoscalers",
    "horizontalpodautoscaler",
    "HorizontalPodAutoscaler",
    "autoscaling/v2",
    true,
    "hpa",
    true,
    true,
  ],
  ["cronjobs", "cronjob", "CronJob", "batch/v1", true, "cj", true, true],
  ["jobs", "job", "Job", "batch/v1", true, "", true, true],
  ["leases", "lease", "Lease", "coordination.k8s.io/v1", true, "", false, false],
  ["endpointslices", "endpointslice", "EndpointSlice", "discovery.k8s.io/v1", true, "", false, false],
  ["events", "event", "Event", "events.k8s.io/v1", true, "ev", false, false],
  ["ingressclasses", "ingressclass", "IngressClass", "networking.k8s.io/v1", false, "", false, true],
  ["ingresses", "ingress", "Ingress", "networking.k8s.io/v1", true, "ing", false, true],
  ["networkpolicies", "networkpolicy", "NetworkPolicy", "networking.k8s.io/v1", true, "netpol", false, false],
  [
    "poddisruptionbudgets",
    "poddisruptionbudget",
    "PodDisruptionBudget",
    "policy/v1",
    true,
    "pdb",
    false,
    false,
  ],
  [
    "clusterrolebindings",
    "clusterrolebinding",
    "ClusterRoleBinding",
    "rbac.authorization.k8s.io/v1",
    false,
    "",
    false,
    false,
  ],
  ["clusterroles", "clusterrole", "ClusterRole", "rbac.authorization.k8s.io/v1", false, "", false, false],
  ["rolebindings", "rolebinding", "RoleBinding", "rbac.authorization.k8s.io/v1", true, "", false, false],
  ["roles", "role", "Role", "rbac.authorization.k8s.io/v1", true, "", false, false],
  ["priorityclasses", "priorityclass", "PriorityClass", "scheduling.k8s.io/v1", false, "pc", false, false],
  ["storageclasses", "storageclass", "StorageClass", "storage.k8s.io/v1", false, "sc", false, true],
];

function toInfo([resource, singular, kind, gv, namespaced, short, inAll, simulated]: Row): ResourceInfo {
  const [group, version] = gv.includes("/") ? (gv.split("/") as [string, string]) : ["", gv];
  return {
    resource,
    singular,
    kind,
    group,
    version,
    namespaced,
    shortNames: short ? short.split(",") : [],
    inAll,
    simulated,
  };
}

/** Every resource the API serves, in `kubectl api-resources` order. */
export const RESOURCES: readonly ResourceInfo[] = ROWS.map(toInfo);

const byKind = new Map<string, ResourceInfo>();
const byName = new Map<string, ResourceInfo>();
for (const r of RESOURCES) {
  // The core Event wins over events.k8s.io for the bare name, as kubectl's discovery order does.
  if (!byKind.has(r.kind)) byKind.set(r.kind, r);
  for (const n of [r.resource, r.singular, r.kind.toLowerCase(), ...r.shortNames])
    if (!byName.has(n)) byName.set(n, r);
  const qualified = r.group ? `${r.resource}.${r.group}` : r.resource;
  byName.set(qualified, r);
  if (r.group) byName.set(`${r.singular}.${r.group}`, r);
}

/** Looks a resource up the way kubectl's RESTMapper does: plural, singular, kind, short name, `name.group`. */
export function findResource(name: string): ResourceInfo | undefined {
  return byName.get(name.toLowerCase()) ?? byName.get(name);
}

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/** `deployments.apps`: how API errors name a resource. */
export function qualifiedName(r: ResourceInfo): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

/** `deployment.apps`: how kubectl prefixes names in `-o name` and in action messages. */
export function kindPrefix(r: ResourceInfo): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}

export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}
