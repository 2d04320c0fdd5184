// kubectl drain: cordon, then evict every pod on the node (with kubectl's refusals) and wait for them.

import type { KObject } from "../../api/types.ts";
import { controllerRef } from "../../controllers/context.ts";
import { deletePod } from "../../controllers/pod-deletion.ts";
import { goDuration } from "../../util/time.ts";
import * as cmd from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { matches, parseSelector } from "../selector.ts";
import { dryRun, nodesFor, setUnschedulable } from "./node-ops.ts";

const FLAGS: FlagSpec[] = [
  cmd.DRY_RUN_FLAG,
  cmd.SELECTOR_FLAG,
  { name: "chunk-size", type: "int", default: 500 },
  { name: "delete-emptydir-data", type: "bool", default: false },
  { name: "delete-local-data", type: "bool", default: false },
  { name: "disable-eviction", type: "bool", default: false },
  { name: "force", type: "bool", default: false },
  { name: "grace-period", type: "int", default: -1 },
  { name: "ignore-daemonsets", type: "bool", default: false },
  { name: "pod-selector", type: "string", default: "" },
  { name: "skip-wait-for-delete-timeout", type: "int", default: 0 },
  { name: "timeout", type: "duration", default: 0 },
];

/** How long drain waits for evicted pods at most when --timeout is 0 (kubectl would wait forever). */
const WAIT_CAP_MS = 10 * 60_000;

type Verdict = { delete: boolean; warning?: string; error?: string };

/** kubectl's pod filters, in order; the first that keeps a pod decides (drain/filters.go). */
function filter(ctx: cmd.CommandContext, pod: KObject): Verdict {
  const phase = pod.status?.phase as string | undefined;
  const done = phase === "Succeeded" || phase === "Failed";
  const ref = controllerRef(pod);
  if (ref?.kind === "DaemonSet" && !done) {
    if (!ctx.cluster.store.get("daemonsets", pod.metadata.namespace, ref.name)) {
      const msg = `daemonsets.apps "${ref.name}" not found`;
      return cmd.flagBool(ctx, "force") ? { delete: true, warning: msg } : { delete: false, error: msg };
    }
    if (!cmd.flagBool(ctx, "ignore-daemonsets"))
      return { delete: false, error: "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)" };
    return { delete: false, warning: "ignoring DaemonSet-managed Pods" };
  }
  if (pod.metadata.annotations?.["kubernetes.io/config.mirror"] !== undefined) return { delete: false };
  let warning: string | undefined;
  const emptyDir = ((pod.spec?.volumes ?? []) as { emptyDir?: unknown }[]).some(
    (v) => v.emptyDir !== undefined,
  );
  if (emptyDir && !done) {
    if (!cmd.flagBool(ctx, "delete-emptydir-data") && !cmd.flagBool(ctx, "delete-local-data"))
      return { delete: false, error: "Pods with local storage (use --delete-emptydir-data to override)" };
    warning = "deleting Pods with local storage";
  }
  if (!done && !ref) {
    if (!cmd.flagBool(ctx, "force"))
      return {
        delete: false,
        error: "cannot delete Pods that declare no controller (use --force to override)",
      };
    warning = "deleting Pods that declare no controller";
  }
  return warning ? { delete: true, warning } : { delete: true };
}

/** Groups "message: ns/a, ns/b" as kubectl's PodDeleteList does (errors get a "cannot delete" prefix). */
function grouped(items: [string, KObject][], errors: boolean): string[] {
  const by = new Map<string, string[]>();
  for (const [msg, pod] of items)
    by.set(msg, [...(by.get(msg) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
  return [...by].map(([msg, pods]) => {
    const text = errors && !msg.toLowerCase().startsWith("cannot delete") ? `cannot delete ${msg}` : msg;
    return `${text}: ${pods.join(", ")}`;
  });
}

/** Drains one node; returns the errors that stopped it (none when drained). */
function drainNode(ctx: cmd.CommandContext, node: KObject): string[] {
  const { cluster } = ctx;
  const name = node.metadata.name;
  const podSel = cmd.flagString(ctx, "pod-selector");
  const sel = podSel ? parseSelector(podSel) : undefined;
  const pods = cluster.store
    .list("pods")
    .filter((p) => p.spec?.nodeName === name && (!sel || matches(sel, p.metadata.labels)));
  const verdicts = pods.map((p) => [p, filter(ctx, p)] as const);
  const errors = grouped(
    verdicts.flatMap(([p, v]) => (v.error ? [[v.error, p] as [string, KObject]] : [])),
    true,
  );
  if (errors.length) return errors;
  const warnings = grouped(
    verdicts.flatMap(([p, v]) => (v.warning ? [[v.warning, p] as [string, KObject]] : [])),
    false,
  );
  if (warnings.length) ctx.out.err(`Warning: ${warnings.join("; ")}`);
  const victims = verdicts.filter(([, v]) => v.delete).map(([p]) => p);
  const evict = !cmd.flagBool(ctx, "disable-eviction");
  if (dryRun(ctx)) {
    for (const p of victims) ctx.out.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)`);
    return [];
  }
  const grace = cmd.flagInt(ctx, "grace-period") ?? -1;
  for (const p of victims) {
    if (evict) ctx.out.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}`);
    deletePod(cluster.ctx, p, grace >= 0 ? grace : undefined);
  }
  // Wait for each pod to be gone, printing them in the order they go.
  const left = new Map(victims.map((p) => [p.metadata.uid, p]));
  const report = () => {
    const alive = new Set(cluster.store.each("pods").map((p) => p.metadata.uid));
    for (const [uid, p] of [...left].sort((a, b) => (a[1].metadata.name < b[1].metadata.name ? -1 : 1))) {
      if (alive.has(uid)) continue;
      ctx.out.out(`pod/${p.metadata.name} ${evict ? "evicted" : "deleted"}`);
      left.delete(uid);
    }
  };
  const timeout = cmd.flagInt(ctx, "timeout") ?? 0;
  const gone = () => {
    report();
    return left.size === 0;
  };
  cluster.advanceUntil(gone, timeout > 0 ? timeout : WAIT_CAP_MS);
  if (left.size === 0) return [];
  const [first] = [...left.values()];
  const limit = goDuration(timeout > 0 ? timeout : WAIT_CAP_MS);
  return [
    `error when waiting for pod "${first?.metadata.name}" in namespace "${first?.metadata.namespace}" to terminate: global timeout reached: ${limit}`,
  ];
}

function run(ctx: cmd.CommandContext): number {
  const nodes = nodesFor(ctx, "drain");
  for (const node of nodes) setUnschedulable(ctx, node, true);
  ctx.cluster.reconcile();
  const pending: string[] = [];
  const fatal: string[] = [];
  for (const node of nodes) {
    const errs = drainNode(ctx, node);
    if (errs.length === 0) {
      ctx.out.out(`node/${node.metadata.name} drained${dryRun(ctx) ? " (dry run)" : ""}`);
      continue;
    }
    // utilerrors.Aggregate prints one error bare and several as "[a, b]".
    const text = errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`;
    ctx.out.err(
      `error: unable to drain node "${node.metadata.name}" due to error: ${text}, continuing command...`,
    );
    pending.push(node.metadata.name);
    fatal.push(...errs);
  }
  if (pending.length === 0) return 0;
  ctx.out.err(`There are pending nodes to be drained:\n${pending.map((n) => ` ${n}`).join("\n")}`);
  ctx.out.err(fatal.join("\n"));
  return 1;
}

/** `kubectl drain NODE --ignore-daemonsets [--delete-emptydir-data] [--force]`. */
export const drainCommand: cmd.Command = {
  name: "drain",
  summary: "Drain node in preparation for maintenance",
  flags: FLAGS,
  run,
};
