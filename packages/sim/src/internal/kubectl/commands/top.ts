// kubectl top pod|node: resource usage from the simulated metrics-server (AKS ships it, so the API is there).

import type { KObject } from "../../api/types.ts";
import { nodeUsage, podUsage } from "../../controllers/metrics.ts";
import { TABLE_TABWRITER, tabwrite } from "../../printers/tabwriter.ts";
import { cpuMillis, memBytes } from "../../util/quantity.ts";
import {
  ALL_NS_FLAG,
  type Command,
  type CommandContext,
  CommandError,
  flagBool,
  flagString,
  SELECTOR_FLAG,
} from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { matches, parseSelector } from "../selector.ts";

const MI = 1024 * 1024;
/** kubectl's metricsCreationDelay: a pod older than this without metrics is reported by name. */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;

const COMMON: FlagSpec[] = [
  SELECTOR_FLAG,
  { name: "no-headers", type: "bool", default: false },
  { name: "sort-by", type: "string", default: "" },
  { name: "use-protocol-buffers", type: "bool", default: true },
];

interface Row {
  namespace: string;
  name: string;
  containers: { name: string; cpu: number; memory: number }[];
  cpu: number;
  memory: number;
}

/** Go's Duration.String() for a millisecond count: 150500 → "2m30.5s". */
function goDurationMs(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, "")}s`;
  return h > 0 ? `${h}h${m}m${sec}` : m > 0 ? `${m}m${sec}` : sec;
}

function checkSortBy(ctx: CommandContext): string {
  const sortBy = flagString(ctx, "sort-by");
  if (sortBy && sortBy !== "cpu" && sortBy !== "memory")
    throw new CommandError("error: --sort-by accepts only cpu or memory");
  return sortBy;
}

function byUsage<T extends { cpu: number; memory: number; name: string }>(sortBy: string) {
  return (a: T, b: T) =>
    sortBy === "cpu"
      ? b.cpu - a.cpu
      : sortBy === "memory"
        ? b.memory - a.memory
        : a.name < b.name
          ? -1
          : a.name > b.name
            ? 1
            : 0;
}

function runTopPod(ctx: CommandContext): number {
  const { store } = ctx.cluster;
  ctx.cluster.reconcile();
  const sortBy = checkSortBy(ctx);
  const name = ctx.args.positionals[0];
  const selText = flagString(ctx, "selector");
  if (name && (selText || flagString(ctx, "field-selector")))
    throw new CommandError("error: only one of NAME or selector can be provided");
  const all = flagBool(ctx, "all-namespaces");
  const sel = selText ? parseSelector(selText) : undefined;
  let pods: KObject[];
  if (name) {
    const pod = store.get("pods", ctx.namespace, name);
    if (!pod || !podUsage(store, pod))
      throw new CommandError(
        `Error from server (NotFound): podmetrics.metrics.k8s.io "${ctx.namespace}/${name}" not found`,
      );
    pods = [pod];
  } else {
    pods = store
      .list("pods", all ? undefined : ctx.namespace)
      .filter((p) => !sel || matches(sel, p.metadata.labels));
  }
  const rows: Row[] = [];
  for (const pod of pods) {
    const u = podUsage(store, pod);
    if (!u) continue;
    rows.push({
      namespace: pod.metadata.namespace ?? "",
      name: pod.metadata.name,
      containers: u.containers,
      cpu: u.containers.reduce((s, c) => s + c.cpu, 0),
      memory: u.containers.reduce((s, c) => s + c.memory, 0),
    });
  }
  if (rows.length === 0) {
    // verifyEmptyMetrics lists pods in the command's namespace, even with -A.
    const inNs = store.list("pods", ctx.namespace).filter((p) => !sel || matches(sel, p.metadata.labels));
    if (inNs.length > 0) {
      for (const p of inNs) {
        const age = store.now - Date.parse(p.metadata.creationTimestamp);
        if (age > METRICS_CREATION_DELAY_MS)
          throw new CommandError(
            `error: Metrics not available for pod ${p.metadata.namespace}/${p.metadata.name}, age: ${goDurationMs(age)}`,
          );
      }
      throw new CommandError("error: metrics not available yet");
    }
    ctx.out.err(all ? "No resources found" : `No resources found in ${ctx.namespace} namespace.`);
    return 0;
  }
  const containers = flagBool(ctx, "containers");
  rows.sort((a, b) =>
    all && !sortBy && a.namespace !== b.namespace
      ? a.namespace < b.namespace
        ? -1
        : 1
      : byUsage<Row>(sortBy)(a, b),
  );
  let text = "";
  if (!flagBool(ctx, "no-headers"))
    text += `${all ? "NAMESPACE\t" : ""}${containers ? "POD\t" : ""}NAME\tCPU(cores)\tMEMORY(bytes)\t\n`;
  const cell = (cpu: number, memory: number) => `${cpu}m\t${Math.floor(memory / MI)}Mi\t`;
  for (const r of rows) {
    const ns = all ? `${r.namespace}\t` : "";
    if (containers) {
      const list = [...r.containers].sort(byUsage(sortBy));
      for (const c of list) text += `${ns}${r.name}\t${c.name}\t${cell(c.cpu, c.memory)}\n`;
    } else text += `${ns}${r.name}\t${cell(r.cpu, r.memory)}\n`;
  }
  if (flagBool(ctx, "sum")) {
    const width = 3 + (all ? 1 : 0) + (containers ? 1 : 0);
    text += `${"\t".repeat(width - 2)}________\t________\t\n`;
    text += `${"\t".repeat(width - 3)}\t${cell(
      rows.reduce((s, r) => s + r.cpu, 0),
      rows.reduce((s, r) => s + r.memory, 0),
    )}\n`;
  }
  ctx.out.out(tabwrite(text, TABLE_TABWRITER).replace(/\n$/, ""));
  return 0;
}

function runTopNode(ctx: CommandContext): number {
  const { store } = ctx.cluster;
  ctx.cluster.reconcile();
  const sortBy = checkSortBy(ctx);
  const name = ctx.args.positionals[0];
  const selText = flagString(ctx, "selector");
  if (name && selText) throw new CommandError("error: only one of NAME or --selector can be provided");
  let nodes: KObject[];
  if (name) {
    const node = store.get("nodes", undefined, name);
    if (!node)
      throw new CommandError(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${name}" not found`);
    nodes = [node];
  } else {
    const sel = selText ? parseSelector(selText) : undefined;
    nodes = store.list("nodes").filter((n) => !sel || matches(sel, n.metadata.labels));
  }
  if (nodes.length === 0) throw new CommandError("error: metrics not available yet");
  const field = flagBool(ctx, "show-capacity") ? "capacity" : "allocatable";
  const rows = nodes.map((n) => {
    const u = nodeUsage(store, n);
    const avail = (n.status?.[field] ?? {}) as Record<string, unknown>;
    return {
      name: n.metadata.name,
      cpu: u.cpu,
      memory: u.memory,
      cpuAvail: cpuMillis(avail.cpu),
      memAvail: memBytes(avail.memory),
    };
  });
  rows.sort(byUsage(sortBy));
  const pct = (used: number, avail: number) => (avail > 0 ? Math.trunc((used / avail) * 100) : 0);
  let text = flagBool(ctx, "no-headers") ? "" : "NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n";
  for (const r of rows)
    text += `${r.name}\t${r.cpu}m\t${pct(r.cpu, r.cpuAvail)}%\t${Math.floor(r.memory / MI)}Mi\t${pct(r.memory * 1000, r.memAvail * 1000)}%\t\n`;
  ctx.out.out(tabwrite(text, TABLE_TABWRITER).replace(/\n$/, ""));
  return 0;
}

const TOP_HELP = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;

export const topCommand: Command = {
  name: "top",
  summary: "Display resource (CPU/memory) usage",
  subcommands: [
    {
      name: "pod",
      aliases: ["pods", "po"],
      summary: "Display resource (CPU/memory) usage of pods",
      flags: [
        ...COMMON,
        ALL_NS_FLAG,
        { name: "containers", type: "bool", default: false },
        { name: "field-selector", type: "string", default: "" },
        { name: "sum", type: "bool", default: false },
      ],
      run: runTopPod,
    },
    {
      name: "node",
      aliases: ["nodes", "no"],
      summary: "Display resource (CPU/memory) usage of nodes",
      flags: [...COMMON, { name: "show-capacity", type: "bool", default: false }],
      run: runTopNode,
    },
  ],
  run(ctx) {
    ctx.out.out(TOP_HELP);
    return 0;
  },
};
