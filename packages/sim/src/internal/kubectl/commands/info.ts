// kubectl version, cluster-info, api-resources and config: what the client knows about itself and the cluster.

import { ROOT_CA } from "../../api/bootstrap.ts";
import { KUBERNETES_VERSION, REGION } from "../../api/nodes.ts";
import { RESOURCES, type ResourceInfo } from "../../api/resources.ts";
import type { ClusterState } from "../../api/state.ts";
import { followCurrentContext, serverUrlOf } from "../../az/contexts.ts";
import { formatTable } from "../../printers/tabwriter.ts";
import { fnv32a } from "../../util/rng.ts";
import {
  type Command,
  type CommandContext,
  CommandError,
  flagBool,
  flagList,
  flagString,
  OUTPUT_FLAG,
} from "../command.ts";
import type { FlagSpec } from "../flags.ts";

/** The client's build, as `kubectl version -o json` prints it (upstream v1.32.4 release build). */
const BUILD = {
  major: "1",
  minor: "32",
  gitVersion: KUBERNETES_VERSION,
  gitCommit: "59526cd4867447956156ae3a602fcbac10a2c335",
  gitTreeState: "clean",
  buildDate: "2025-04-22T16:02:27Z",
  goVersion: "go1.23.6",
  compiler: "gc",
  platform: "linux/amd64",
};
const KUSTOMIZE = "v5.5.0";

/**
 * The API server URL AKS gives a cluster: the default DNS prefix (name[:10]-group[:16]-subscription[:6])
 * plus eight characters of hash. Deterministic in the state's clusterId, e.g.
 * `https://bosun-aks-bosun-rg-000000-k3v9x2qa.hcp.eastus.azmk8s.io:443`.
 */
export function aksServerUrl(clusterId: string, name = "bosun-aks", group = "bosun-rg"): string {
  const h = `${fnv32a(`${clusterId}/${name}`).toString(36)}${fnv32a(`${name}/${clusterId}`).toString(36)}`;
  const suffix = h.padEnd(8, "0").slice(0, 8);
  return `https://${name.slice(0, 10)}-${group.slice(0, 16)}-000000-${suffix}.hcp.${REGION}.azmk8s.io:443`;
}

const current = (s: ClusterState) => s.kubeconfig.contexts.find((c) => c.name === s.kubeconfig.current);
const fail = (message: string): never => {
  throw new CommandError(message);
};
const bool = (name: string): FlagSpec => ({ name, type: "bool", default: false });
const str = (name: string): FlagSpec => ({ name, type: "string", default: "" });
const noArgs = (ctx: CommandContext) => {
  const args = ctx.args.positionals;
  if (args.length)
    fail(`error: unexpected arguments: [${args.join(" ")}]\nSee '${ctx.path} -h' for help and examples`);
};
type Run = (ctx: CommandContext) => number;
function sub(name: string, summary: string, run: Run, flags: FlagSpec[] = [], aliases?: string[]): Command {
  return { name, summary, flags, run, ...(aliases ? { aliases } : {}) };
}
const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const YAML_PLAIN = /^[\w./][\w./:@+-]*$/;
const YAML_TYPED =
  /^(true|false|yes|no|on|off|null|y|n|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|\d{4}-\d\d?-\d.*)$/i;
/** Go yaml's scalar for these plain strings: quoted when it would read as another type. */
const yamlScalar = (s: string) => (YAML_PLAIN.test(s) && !YAML_TYPED.test(s) ? s : JSON.stringify(s));

type Tree = string | Tree[] | { [k: string]: Tree };

/** Go yaml's layout, starting with a newline: map keys sorted, list dashes at the parent's indentation. */
function toGoYaml(v: Tree, indent = ""): string {
  const inner = `${indent}  `;
  if (typeof v === "string") return ` ${yamlScalar(v)}\n`;
  if (Array.isArray(v)) {
    if (v.length === 0) return " []\n";
    return `\n${v.map((item) => `${indent}-${toGoYaml(item, inner).replace(/^\n\s*/, " ")}`).join("")}`;
  }
  const keys = Object.keys(v).sort();
  if (keys.length === 0) return " {}\n";
  const child = (c: Tree) => toGoYaml(c, Array.isArray(c) ? indent : inner);
  return `\n${keys.map((k) => `${indent}${k}:${child(v[k] as Tree)}`).join("")}`;
}

function runVersion(ctx: CommandContext): number {
  noArgs(ctx);
  const output = flagString(ctx, "output");
  if (!["", "yaml", "json"].includes(output)) fail("error: --output must be 'yaml' or 'json'");
  const client = flagBool(ctx, "client");
  const server = client ? {} : { serverVersion: BUILD };
  const v = { clientVersion: BUILD, kustomizeVersion: KUSTOMIZE, ...server };
  if (output === "json") ctx.out.out(JSON.stringify(v, null, 2));
  else if (output === "yaml") ctx.out.out(`${toGoYaml(v).slice(1)}\n`);
  else {
    ctx.out.out(`Client Version: ${BUILD.gitVersion}\nKustomize Version: ${KUSTOMIZE}`);
    if (!client) ctx.out.out(`Server Version: ${BUILD.gitVersion}`);
  }
  return 0;
}

/** `kubectl version`: client, kustomize and server versions. */
export const versionCommand = sub("version", "Print the client and server version information", runVersion, [
  OUTPUT_FLAG,
  bool("client"),
]);

function runClusterInfo(ctx: CommandContext): number {
  const state = ctx.cluster.state;
  const name = current(state)?.cluster ?? "bosun-aks";
  const server = serverUrlOf(state, name) ?? aksServerUrl(state.clusterId, name);
  const proxy = `${server}/api/v1/namespaces/kube-system/services`;
  ctx.out.out(`Kubernetes control plane is running at ${server}`);
  ctx.out.out(`CoreDNS is running at ${proxy}/kube-dns:dns/proxy`);
  ctx.out.out(`Metrics-server is running at ${proxy}/https:metrics-server:/proxy`);
  ctx.out.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
  return 0;
}

const DUMP_REFUSED =
  "error: kubectl cluster-info dump is not available in Bosun; look around with kubectl get, describe, logs and events";

/** `kubectl cluster-info` as AKS answers it; `cluster-info dump` is refused. */
export const clusterInfoCommand: Command = {
  ...sub("cluster-info", "Display cluster information", runClusterInfo),
  subcommands: [
    sub("dump", "Dump cluster information", () => fail(DUMP_REFUSED), [OUTPUT_FLAG, str("output-directory")]),
  ],
};

const VERBS_ALL = "create,delete,deletecollection,get,list,patch,update,watch";
const VERBS: Record<string, string> = { bindings: "create", componentstatuses: "get,list" };
VERBS.namespaces = "create,delete,get,list,patch,update,watch";
const verbsOf = (r: ResourceInfo) => VERBS[r.resource] ?? VERBS_ALL;
const gvOf = (r: ResourceInfo) => (r.group ? `${r.group}/${r.version}` : r.version);
const HEADER = ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", "VERBS", "CATEGORIES"];

function runApiResources(ctx: CommandContext): number {
  noArgs(ctx);
  const sortBy = flagString(ctx, "sort-by");
  if (!["", "name", "kind"].includes(sortBy)) fail("error: --sort-by accepts only name or kind");
  const output = flagString(ctx, "output");
  if (!["", "wide", "name"].includes(output)) fail(`error: --output ${output} is not available`);
  const [verbs, categories, set] = [flagList(ctx, "verbs"), flagList(ctx, "categories"), ctx.args.set];
  const rows = RESOURCES.filter(
    (r) =>
      (!set.has("api-group") || r.group === flagString(ctx, "api-group")) &&
      (!set.has("namespaced") || r.namespaced === flagBool(ctx, "namespaced")) &&
      verbs.every((v) => verbsOf(r).split(",").includes(v)) &&
      categories.every((c) => c === "all" && r.inAll),
  );
  const key = (r: ResourceInfo) => (sortBy === "name" ? r.resource : sortBy === "kind" ? r.kind : r.group);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // A stable sort, as sort.Stable: by the key, then by resource name.
  rows.sort((a, b) => cmp(key(a), key(b)) || cmp(a.resource, b.resource));
  if (output === "name") {
    for (const r of rows) ctx.out.out(r.group ? `${r.resource}.${r.group}` : r.resource);
    return 0;
  }
  const wide = output === "wide";
  const table = rows.map((r) => {
    const row = [r.resource, r.shortNames.join(","), gvOf(r), String(r.namespaced), r.kind];
    return wide ? [...row, verbsOf(r), r.inAll ? "all" : ""] : row;
  });
  if (!flagBool(ctx, "no-headers")) table.unshift(HEADER.slice(0, wide ? 7 : 5));
  if (table.length > 0) ctx.out.out(formatTable(table));
  return 0;
}

/** `kubectl api-resources`: the resources Bosun's API serves, as discovery lists them. */
export const apiResourcesCommand = sub(
  "api-resources",
  "Print the supported API resources",
  runApiResources,
  [
    OUTPUT_FLAG,
    { name: "namespaced", type: "bool", default: true },
    ...["api-group", "sort-by"].map(str),
    ...["verbs", "categories"].map((name): FlagSpec => ({ name, type: "stringSlice", default: [] })),
    ...["cached", "no-headers"].map(bool),
  ],
);

function runGetContexts(ctx: CommandContext): number {
  const kc = ctx.cluster.state.kubeconfig;
  const [output, names] = [flagString(ctx, "output"), ctx.args.positionals];
  const all = [...kc.contexts].sort(byName);
  const shown = names.length ? all.filter((c) => names.includes(c.name)) : all;
  if (output === "name") for (const c of shown) ctx.out.out(c.name);
  else if (output !== "") {
    fail(
      `error: --output ${output} is not available in kubectl config get-contexts; resetting to default output format`,
    );
  } else {
    const mark = (name: string) => (name === kc.current ? "*" : "");
    const rows = shown.map((c) => [mark(c.name), c.name, c.cluster, c.user, c.namespace ?? ""]);
    if (!flagBool(ctx, "no-headers")) rows.unshift(["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"]);
    ctx.out.out(formatTable(rows));
  }
  const missing = names.find((n) => !all.some((c) => c.name === n));
  if (missing !== undefined) fail(`error: context ${missing} not found`);
  return 0;
}

function runUseContext(ctx: CommandContext): number {
  const args = ctx.args.positionals;
  if (args.length !== 1) {
    ctx.out.out(
      'Set the current-context in a kubeconfig file.\n\nAliases:\nuse-context, use\n\nExamples:\n  # Use the context for the minikube cluster\n  kubectl config use-context minikube\n\nUsage:\n  kubectl config use-context CONTEXT_NAME [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
    );
    fail(`error: Unexpected args: [${args.join(" ")}]`);
  }
  const name = args[0] ?? "";
  const kc = ctx.cluster.state.kubeconfig;
  if (!kc.contexts.some((c) => c.name === name)) fail(`error: no context exists with the name: "${name}"`);
  kc.current = name;
  followCurrentContext(ctx.cluster);
  ctx.out.out(`Switched to context "${name}".`);
  return 0;
}

function runSetContext(ctx: CommandContext): number {
  const kc = ctx.cluster.state.kubeconfig;
  const [useCurrent, given] = [flagBool(ctx, "current"), ctx.args.positionals[0] ?? ""];
  if (useCurrent && given) fail("error: you cannot specify both a context name and --current");
  if (!useCurrent && !given) fail("error: you must specify a non-empty context name or --current");
  if (useCurrent && !kc.current) fail("error: no current context is set");
  const name = useCurrent ? kc.current : given;
  let context = kc.contexts.find((c) => c.name === name);
  const verb = context ? "modified" : "created";
  if (!context) {
    context = { name, cluster: "", user: "" };
    kc.contexts.push(context);
  }
  if (ctx.args.set.has("cluster")) context.cluster = flagString(ctx, "cluster");
  if (ctx.args.set.has("user")) context.user = flagString(ctx, "user");
  const ns = flagString(ctx, "namespace");
  if (ctx.args.set.has("namespace") && ns) context.namespace = ns;
  else if (ctx.args.set.has("namespace")) delete context.namespace;
  ctx.out.out(`Context "${name}" ${verb}.`);
  return 0;
}

function runCurrentContext(ctx: CommandContext): number {
  ctx.out.out(ctx.cluster.state.kubeconfig.current || fail("error: current-context is not set"));
  return 0;
}

/** The kubeconfig `kubectl config view` shows, clusters and users derived from the contexts (Go's field order). */
export function kubeconfigView(state: ClusterState, opts: { minify?: boolean; raw?: boolean } = {}) {
  const contexts = opts.minify
    ? [current(state) ?? fail("error: current-context must exist in order to minify")]
    : [...state.kubeconfig.contexts].sort(byName);
  const uniq = (xs: string[]) => [...new Set(xs.filter((x) => x !== ""))].sort();
  const hex = (i: number) => fnv32a(`${state.clusterId}:token:${i}`).toString(16).padStart(8, "0");
  const secret = (text: string, placeholder: string) => (opts.raw ? text : placeholder);
  const key = (u: string) => btoa(`-----BEGIN PRIVATE KEY-----\nBosun ${u}\n-----END PRIVATE KEY-----\n`);
  const ca = secret(btoa(ROOT_CA), "DATA+OMITTED");
  const clusters = uniq(contexts.map((c) => c.cluster)).map((name) => {
    const server = serverUrlOf(state, name) ?? aksServerUrl(state.clusterId, name);
    const cluster = { server, "certificate-authority-data": ca };
    return { name, cluster };
  });
  const users = uniq(contexts.map((c) => c.user)).map((name) => ({
    name,
    user: {
      "client-certificate-data": ca,
      "client-key-data": secret(key(name), "DATA+OMITTED"),
      token: secret([1, 2, 3, 4].map(hex).join(""), "REDACTED"),
    },
  }));
  const ctxs = contexts.map(({ name, cluster, user, namespace }) => ({
    name,
    context: { cluster, user, ...(namespace ? { namespace } : {}) },
  }));
  const head = { kind: "Config", apiVersion: "v1", preferences: {} };
  return { ...head, clusters, users, contexts: ctxs, "current-context": state.kubeconfig.current };
}

function runView(ctx: CommandContext): number {
  const output = flagString(ctx, "output") || "yaml";
  const opts = { minify: flagBool(ctx, "minify"), raw: flagBool(ctx, "raw") };
  const view = kubeconfigView(ctx.cluster.state, opts);
  if (output === "json") ctx.out.out(JSON.stringify(view, null, 4));
  else if (output === "yaml") ctx.out.out(toGoYaml(view as unknown as Tree).slice(1));
  else fail(`error: Bosun's kubectl config view prints yaml or json, not ${output}`);
  return 0;
}

/** `kubectl config`: reads and writes `state.kubeconfig`, the learner's kubeconfig file. */
export const configCommand: Command = {
  name: "config",
  summary: "Modify kubeconfig files",
  subcommands: [
    sub("current-context", "Display the current-context", runCurrentContext),
    sub("get-contexts", "Describe one or many contexts", runGetContexts, [OUTPUT_FLAG, bool("no-headers")]),
    sub("set-context", "Set a context entry in kubeconfig", runSetContext, [bool("current")]),
    sub("use-context", "Set the current-context in a kubeconfig file", runUseContext, [], ["use"]),
    sub("view", "Display merged kubeconfig settings or a specified kubeconfig file", runView, [
      OUTPUT_FLAG,
      ...["minify", "raw", "flatten", "merge"].map(bool),
    ]),
  ],
};
