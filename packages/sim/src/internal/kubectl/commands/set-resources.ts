// kubectl set resources: set requests and limits of containers in pod templates (set_resources.go).

import type { KObject } from "../../api/types.ts";
import { canonical, parseQty } from "../../printers/quantity.ts";
import { type Command, type CommandContext, CommandError, flagBool, flagString } from "../command.ts";
import {
  checkOutput,
  commit,
  dryRunMode,
  noPodTemplate,
  podSpecOf,
  reportAll,
  resolveTargets,
  SET_FLAGS,
  selectContainers,
} from "./set-common.ts";
import { LOCAL_ERROR, NO_RESOURCES } from "./set-image.ts";

/** populateResourceListV1: `cpu=200m,memory=512Mi` → canonical quantities by resource name. */
export function parseResourceList(spec: string): Record<string, string> | undefined {
  if (spec === "") return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(",")) {
    const parts = statement.split("=");
    if (parts.length !== 2)
      throw new CommandError(`error: Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const [name, value] = parts as [string, string];
    if (!parseQty(value)) {
      throw new CommandError(
        "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      );
    }
    out[name] = canonical(value);
  }
  return out;
}

function run(ctx: CommandContext): number {
  checkOutput(ctx);
  dryRunMode(ctx);
  const args = ctx.args.positionals;
  if (flagBool(ctx, "local")) throw new CommandError(LOCAL_ERROR);
  if (args.length === 0) throw new CommandError(NO_RESOURCES);
  const targets = resolveTargets(ctx, args);
  if (flagBool(ctx, "all") && flagString(ctx, "selector"))
    throw new CommandError("error: cannot set --all and --selector at the same time");
  const [limitsText, requestsText] = [flagString(ctx, "limits"), flagString(ctx, "requests")];
  if (!limitsText && !requestsText)
    throw new CommandError(
      "error: you must specify an update to requests or limits (in the form of --requests/--limits)",
    );
  const limits = parseResourceList(limitsText);
  const requests = parseResourceList(requestsText);
  const selector = flagString(ctx, "containers") || "*";
  const errors: string[] = [];
  for (const t of targets) {
    const next: KObject = structuredClone(t.obj);
    const spec = podSpecOf(next);
    if (!spec) {
      errors.push(noPodTemplate(t));
      continue;
    }
    const containers = selectContainers(spec, selector);
    if (containers.length === 0) {
      errors.push(`error: unable to find container named ${selector}`);
      continue;
    }
    for (const c of containers) {
      const res = { ...((c.resources as Record<string, Record<string, string>> | undefined) ?? {}) };
      if (limits) res.limits = { ...(res.limits ?? {}), ...limits };
      if (requests) res.requests = { ...(res.requests ?? {}), ...requests };
      c.resources = res;
    }
    const failed = commit(
      ctx,
      t,
      next,
      "resource requirements updated",
      "failed to patch resources update to pod template",
    );
    if (failed) errors.push(failed);
  }
  ctx.cluster.reconcile();
  return reportAll(ctx, errors);
}

export const setResourcesCommand: Command = {
  name: "resources",
  summary: "Update resource requests/limits on objects with pod templates",
  flags: [
    ...SET_FLAGS,
    { name: "containers", short: "c", type: "string", default: "*" },
    { name: "limits", type: "string", default: "" },
    { name: "requests", type: "string", default: "" },
  ],
  run,
};
