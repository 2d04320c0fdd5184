// The words kubectl and az understand: flag spellings, boolean flags, resource short names, verbs.

/** How a flag is spelt and whether it takes the next word as its value. */
export interface FlagSpec {
  long: string;
  /** Boolean (or optional-value) flags never take the next word; `--flag=value` still works. */
  bool: boolean;
}

const v = (long: string): FlagSpec => ({ long, bool: false });
const b = (long: string): FlagSpec => ({ long, bool: true });

/** kubectl's short flags by letter (`-n` is `--namespace`). */
export const KUBECTL_SHORT: Readonly<Record<string, FlagSpec>> = {
  n: v("namespace"),
  A: b("all-namespaces"),
  o: v("output"),
  l: v("selector"),
  f: v("filename"),
  c: v("container"),
  i: b("stdin"),
  t: b("tty"),
  w: b("watch"),
  h: b("help"),
  R: b("recursive"),
  k: v("kustomize"),
  L: v("label-columns"),
  s: v("server"),
};

/** Short flags that mean something else under one verb (`kubectl logs -f` follows, `-p` is --previous). */
export const KUBECTL_SHORT_BY_VERB: Readonly<Record<string, Readonly<Record<string, FlagSpec>>>> = {
  logs: { f: b("follow"), p: b("previous") },
  patch: { p: v("patch") },
};

/** kubectl's boolean flags, and the optional-value ones (`--dry-run`, `--cascade`) that never take the next word. */
export const KUBECTL_BOOL = new Set([
  "all",
  "all-namespaces",
  "cascade",
  "current",
  "dry-run",
  "follow",
  "force",
  "help",
  "ignore-not-found",
  "no-headers",
  "overwrite",
  "previous",
  "quiet",
  "record",
  "recursive",
  "show-labels",
  "stdin",
  "timestamps",
  "tty",
  "validate",
  "wait",
  "watch",
  "watch-only",
]);

/** az's short flags by letter (`-g` is `--resource-group`). */
export const AZ_SHORT: Readonly<Record<string, FlagSpec>> = {
  g: v("resource-group"),
  n: v("name"),
  c: v("node-count"),
  s: v("node-vm-size"),
  l: v("location"),
  k: v("kubernetes-version"),
  o: v("output"),
  y: b("yes"),
  h: b("help"),
};

/** az's flags that take no value. */
export const AZ_BOOL = new Set([
  "admin",
  "debug",
  "enable-cluster-autoscaler",
  "enable-managed-identity",
  "generate-ssh-keys",
  "help",
  "no-wait",
  "only-show-errors",
  "overwrite-existing",
  "verbose",
  "yes",
]);

/** Resource names and short names, mapped to the plural kubectl stores them under. */
export const RESOURCE_NAMES: ReadonlyMap<string, string> = (() => {
  const rows: [plural: string, ...aliases: string[]][] = [
    ["configmaps", "configmap", "cm"],
    ["cronjobs", "cronjob", "cj"],
    ["daemonsets", "daemonset", "ds"],
    ["deployments", "deployment", "deploy"],
    ["endpoints", "ep"],
    ["events", "event", "ev"],
    ["horizontalpodautoscalers", "horizontalpodautoscaler", "hpa"],
    ["ingresses", "ingress", "ing"],
    ["jobs", "job"],
    ["namespaces", "namespace", "ns"],
    ["nodes", "node", "no"],
    ["persistentvolumeclaims", "persistentvolumeclaim", "pvc"],
    ["persistentvolumes", "persistentvolume", "pv"],
    ["pods", "pod", "po"],
    ["replicasets", "replicaset", "rs"],
    ["secrets", "secret"],
    ["serviceaccounts", "serviceaccount", "sa"],
    ["services", "service", "svc"],
    ["statefulsets", "statefulset", "sts"],
  ];
  const map = new Map<string, string>();
  for (const [plural, ...aliases] of rows) for (const n of [plural, ...aliases]) map.set(n, plural);
  return map;
})();

/** Verbs whose next word is a subcommand: `rollout status`, `set image`, `config set-context`. */
export const SUBCOMMAND_VERBS = new Set(["rollout", "set", "config", "auth", "certificate", "cluster-info"]);
/** Verbs (after any subcommand) whose next word names a resource type. */
export const RESOURCE_VERBS = new Set([
  "annotate",
  "autoscale",
  "create",
  "delete",
  "describe",
  "edit",
  "explain",
  "expose",
  "get",
  "label",
  "patch",
  "rollout",
  "scale",
  "set",
  "top",
  "wait",
]);
/** Verbs that act on a pod by default, so `pod/web` and `web` name the same thing. */
export const POD_VERBS = new Set(["logs", "exec", "attach", "port-forward"]);

/** "deploy" → "deployments", "deployments.apps" → "deployments"; other words unchanged. */
export function resourceType(word: string): string {
  const lower = word.toLowerCase();
  const base = lower.split(".")[0] ?? lower;
  return RESOURCE_NAMES.get(lower) ?? RESOURCE_NAMES.get(base) ?? word;
}
