// kubectl autoscale: creates an autoscaling/v1 HorizontalPodAutoscaler for a scalable workload, as kubectl 1.32 does.

import { resolveKind } from "../../api/admission.ts";
import { ApiError } from "../../api/errors.ts";
import { createObject } from "../../api/operations.ts";
import {
  apiVersionOf,
  kindPrefix,
  qualifiedName,
  type ResourceInfo,
  resourceForKind,
} from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import { toJson, toYaml } from "../../printers/output.ts";
import { LAST_APPLIED, lastAppliedValue } from "../apply-merge.ts";
import {
  type Command,
  type CommandContext,
  CommandError,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  flagBool,
  flagInt,
  flagList,
  flagString,
  OUTPUT_FLAG,
  reportError,
  requireFlags,
} from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { parseResourceArgs } from "../resource-args.ts";
import { manifestNamespace, readManifests } from "./apply.ts";

const FLAGS: FlagSpec[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  { name: "min", type: "int", default: -1 },
  { name: "max", type: "int", default: -1 },
  { name: "cpu-percent", type: "int", default: -1 },
  { name: "name", type: "string", default: "" },
  { name: "save-config", type: "bool", default: false },
  { name: "record", type: "bool", default: false },
  { name: "recursive", short: "R", type: "bool", default: false },
  { name: "kustomize", short: "k", type: "string", default: "" },
  { name: "field-manager", type: "string", default: "kubectl-autoscale" },
  { name: "template", type: "string", default: "" },
  { name: "allow-missing-template-keys", type: "bool", default: true },
  { name: "show-managed-fields", type: "bool", default: false },
];

/** Kinds with a scale subresource (kubectl's validArgs: deployment, replicaset, replicationcontroller, statefulset). */
const SCALABLE = new Set(["deployments", "replicasets", "statefulsets", "replicationcontrollers"]);

/** The group/version and resource as a GroupVersionResource prints: "/v1, Resource=pods". */
function gvr(info: ResourceInfo): string {
  const gv = apiVersionOf(info);
  return `${gv.includes("/") ? gv : `/${gv}`}, Resource=${info.resource}`;
}

/** createHorizontalPodAutoscaler (kubectl 1.32): an autoscaling/v1 object, no namespace, min and target only when given. */
function buildHpa(ctx: CommandContext, target: KObject, info: ResourceInfo): KObject {
  const min = flagInt(ctx, "min") ?? -1;
  const cpu = flagInt(ctx, "cpu-percent") ?? -1;
  return {
    apiVersion: "autoscaling/v1",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: flagString(ctx, "name") || target.metadata.name } as KObject["metadata"],
    spec: {
      maxReplicas: flagInt(ctx, "max"),
      ...(min > 0 ? { minReplicas: min } : {}),
      scaleTargetRef: { apiVersion: apiVersionOf(info), kind: info.kind, name: target.metadata.name },
      ...(cpu >= 0 ? { targetCPUUtilizationPercentage: cpu } : {}),
    },
  };
}

/**
 * The autoscaling/v1 view of a stored (v2) HPA, as the v1 client gets it back: the cpu Utilization
 * target becomes targetCPUUtilizationPercentage, and the status keeps the replica counts.
 */
export function hpaAsV1(hpa: KObject): KObject {
  const spec = hpa.spec ?? {};
  const cpu = (spec.metrics ?? []).find(
    (m: { type?: string; resource?: { name?: string } }) =>
      m.type === "Resource" && m.resource?.name === "cpu",
  );
  const pct = cpu?.resource?.target?.averageUtilization;
  const st = hpa.status ?? {};
  return {
    apiVersion: "autoscaling/v1",
    kind: hpa.kind,
    metadata: hpa.metadata,
    spec: {
      maxReplicas: spec.maxReplicas,
      ...(spec.minReplicas !== undefined ? { minReplicas: spec.minReplicas } : {}),
      scaleTargetRef: spec.scaleTargetRef,
      ...(pct !== undefined ? { targetCPUUtilizationPercentage: pct } : {}),
    },
    status: {
      currentReplicas: st.currentReplicas ?? 0,
      desiredReplicas: st.desiredReplicas ?? 0,
      ...(st.lastScaleTime ? { lastScaleTime: st.lastScaleTime } : {}),
    },
  };
}

function targets(ctx: CommandContext): { info: ResourceInfo; name: string; namespace: string }[] {
  if (flagList(ctx, "filename").length > 0) {
    return readManifests(ctx).map((m) => ({
      info: resolveKind(m),
      name: String(m.metadata?.name ?? ""),
      namespace: manifestNamespace(ctx, m),
    }));
  }
  const refs = parseResourceArgs(ctx.args.positionals);
  if (refs.length === 0)
    throw new CommandError(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  const out: { info: ResourceInfo; name: string; namespace: string }[] = [];
  for (const ref of refs) {
    if (ref.names.length === 0)
      throw new CommandError("error: resource(s) were provided, but no name was specified");
    for (const name of ref.names) out.push({ info: ref.info, name, namespace: ctx.namespace });
  }
  return out;
}

function print(ctx: CommandContext, obj: KObject, verb: string): void {
  const output = flagString(ctx, "output");
  if (output === "yaml" || output === "json") {
    ctx.out.out((output === "yaml" ? toYaml : toJson)(obj));
    return;
  }
  const info = resourceForKind("HorizontalPodAutoscaler");
  const prefix = info ? kindPrefix(info) : "horizontalpodautoscaler.autoscaling";
  ctx.out.out(
    output === "name" ? `${prefix}/${obj.metadata.name}` : `${prefix}/${obj.metadata.name} ${verb}`,
  );
}

function run(ctx: CommandContext): number {
  requireFlags(ctx, "max");
  const max = flagInt(ctx, "max") ?? -1;
  const min = flagInt(ctx, "min") ?? -1;
  if (max < 1) throw new CommandError(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min)
    throw new CommandError(
      `error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`,
    );
  const dryRun = flagString(ctx, "dry-run");
  const hpaInfo = resourceForKind("HorizontalPodAutoscaler");
  let failed = false;
  let count = 0;
  for (const t of targets(ctx)) {
    try {
      const target = ctx.cluster.store.get(
        t.info.resource,
        t.info.namespaced ? t.namespace : undefined,
        t.name,
      );
      if (!target) throw new ApiError("NotFound", `${qualifiedName(t.info)} "${t.name}" not found`);
      if (!SCALABLE.has(t.info.resource))
        throw new CommandError(
          `error: cannot autoscale a ${t.info.kind}: could not find scale subresource for ${gvr(t.info)} in discovery information`,
        );
      const hpa = buildHpa(ctx, target, t.info);
      count++;
      if (dryRun === "client") {
        const shown = structuredClone(hpa);
        (shown.metadata as unknown as Record<string, unknown>).creationTimestamp = null;
        shown.status = { currentReplicas: 0, desiredReplicas: 0 };
        print(ctx, shown, "created (dry run)");
        continue;
      }
      if (flagBool(ctx, "save-config")) hpa.metadata.annotations = { [LAST_APPLIED]: lastAppliedValue(hpa) };
      hpa.metadata.namespace = t.namespace;
      if (!hpaInfo)
        throw new CommandError('error: the server doesn\'t have a resource type "horizontalpodautoscalers"');
      if (dryRun === "server") {
        print(ctx, hpaAsV1({ ...hpa, apiVersion: "autoscaling/v2" }), "autoscaled (server dry run)");
        continue;
      }
      const created = createObject(ctx.cluster, hpaInfo, hpa);
      ctx.cluster.reconcile();
      print(ctx, hpaAsV1(created), "autoscaled");
    } catch (e) {
      failed = true;
      reportError(ctx.out, e);
    }
  }
  if (count === 0 && !failed) throw new CommandError("error: no objects passed to autoscale");
  return failed ? 1 : 0;
}

export const autoscaleCommand: Command = {
  name: "autoscale",
  summary: "Auto-scale a deployment, replica set, stateful set, or replication controller",
  flags: FLAGS,
  run,
};
