// kubectl cordon and uncordon (spec.unschedulable), and the node lookup drain and taint share.

import type { KObject } from "../../api/types.ts";
import * as cmd from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { matches, parseSelector } from "../selector.ts";

export { drainCommand } from "./node-drain.ts";
export { taintCommand } from "./node-taint.ts";

const FLAGS: FlagSpec[] = [cmd.DRY_RUN_FLAG, cmd.SELECTOR_FLAG];

/** The nodes a command names (by argument, or by -l), with kubectl's USAGE error when it names none. */
export function nodesFor(ctx: cmd.CommandContext, verb: string): KObject[] {
  const { store } = ctx.cluster;
  const selector = cmd.flagString(ctx, "selector");
  const names = ctx.args.positionals;
  if (names.length === 0 && !selector) {
    throw new cmd.CommandError(
      `error: USAGE: ${verb} NODE [flags]\nSee '${ctx.path} -h' for help and examples`,
    );
  }
  if (selector) {
    const sel = parseSelector(selector);
    return store.list("nodes").filter((n) => matches(sel, n.metadata.labels));
  }
  const out: KObject[] = [];
  for (const name of names) {
    const bare = name.replace(/^(nodes?|no)\//, "");
    const node = store.get("nodes", undefined, bare);
    if (!node) throw new cmd.CommandError(`Error from server (NotFound): nodes "${bare}" not found`);
    out.push(node);
  }
  return out;
}

/** Whether --dry-run asks for a client or server dry run. */
export function dryRun(ctx: cmd.CommandContext): boolean {
  const v = cmd.flagString(ctx, "dry-run");
  return v !== "" && v !== "none";
}

/**
 * Sets spec.unschedulable and prints kubectl's line: `node/X cordoned`, or `already cordoned` when
 * nothing changes. Returns whether the node ends up cordoned.
 */
export function setUnschedulable(ctx: cmd.CommandContext, node: KObject, desired: boolean): void {
  const verb = desired ? "cordoned" : "uncordoned";
  const current = node.spec?.unschedulable === true;
  const suffix = dryRun(ctx) ? " (dry run)" : "";
  if (current === desired) {
    ctx.out.out(`node/${node.metadata.name} already ${verb}${suffix}`);
    return;
  }
  if (!dryRun(ctx)) {
    node.spec ??= {};
    if (desired) node.spec.unschedulable = true;
    else delete node.spec.unschedulable;
    ctx.cluster.store.touch(node);
  }
  ctx.out.out(`node/${node.metadata.name} ${verb}${suffix}`);
}

function cordonRun(desired: boolean, verb: string) {
  return (ctx: cmd.CommandContext): number => {
    for (const node of nodesFor(ctx, verb)) setUnschedulable(ctx, node, desired);
    ctx.cluster.reconcile();
    return 0;
  };
}

/** `kubectl cordon NODE`: no new pods are scheduled there (SchedulingDisabled). */
export const cordonCommand: cmd.Command = {
  name: "cordon",
  summary: "Mark node as unschedulable",
  flags: FLAGS,
  run: cordonRun(true, "cordon"),
};

/** `kubectl uncordon NODE`: the node takes new pods again. */
export const uncordonCommand: cmd.Command = {
  name: "uncordon",
  summary: "Mark node as schedulable",
  flags: FLAGS,
  run: cordonRun(false, "uncordon"),
};
