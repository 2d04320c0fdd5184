// kubectl describe for Deployment, ReplicaSet, DaemonSet and StatefulSet.
import type { KObject } from "../../api/types.ts";
import { canonical } from "../quantity.ts";
import {
  asArr,
  asNum,
  asObj,
  asStr,
  byteCompare,
  controllerOf,
  formatLabelSelector,
  formatLabels,
  isSet,
  parseTime,
  rfc1123zOf,
  selectorString,
  strMap,
  templateSpec,
} from "../util.ts";
import {
  annotationsMultiline,
  conditionsTypeStatusReason,
  type DescribeContext,
  describeEvents,
  eventsOf,
  labelsMultiline,
} from "./common.ts";
import { describePodTemplate } from "./volumes.ts";
import { PrefixWriter } from "./writer.ts";

/** getPodStatusForController: pods this object controls, counted by phase. */
export function podsStatus(ctx: DescribeContext, owner: KObject): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of ctx.list("pods", owner.metadata.namespace)) {
    const controlled = (pod.metadata.ownerReferences ?? []).some(
      (r) => r.controller === true && r.uid === owner.metadata.uid,
    );
    if (!controlled) continue;
    const phase = asStr(asObj(pod.status).phase);
    if (phase in counts) counts[phase as keyof typeof counts]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

/** JSON with sorted keys, for deep template comparison. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(byteCompare);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

const TEMPLATE_KEYS = new WeakMap<object, string>();

/**
 * EqualIgnoreHash: pod templates equal once the pod-template-hash label is dropped. Cached per
 * template object (stored templates are never edited in place).
 */
function templateKey(template: unknown): string {
  const source = asObj(template);
  const hit = TEMPLATE_KEYS.get(source);
  if (hit !== undefined) return hit;
  const t = structuredClone(source);
  const labels = asObj(asObj(t.metadata).labels);
  delete labels["pod-template-hash"];
  const key = canonicalJson(t);
  TEMPLATE_KEYS.set(source, key);
  return key;
}

function replicaSetsText(list: KObject[]): string {
  const parts = list.map(
    (rs) =>
      `${rs.metadata.name} (${asNum(asObj(rs.status).replicas)}/${asNum(asObj(rs.spec).replicas)} replicas created)`,
  );
  return parts.length === 0 ? "<none>" : parts.join(", ");
}

/** `kubectl describe deployment`. */
export function describeDeployment(d: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(d.spec);
  const status = asObj(d.status);
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ""}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123zOf(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, "Labels", d.metadata.labels);
  annotationsMultiline(w, "Annotations", d.metadata.annotations);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${asNum(spec.replicas)} desired | ${asNum(status.updatedReplicas)} updated | ${asNum(status.replicas)} total | ${asNum(status.availableReplicas)} available | ${asNum(status.unavailableReplicas)} unavailable\n`,
  );
  const strategy = asObj(spec.strategy);
  w.write(0, `StrategyType:\t${asStr(strategy.type)}\n`);
  w.write(0, `MinReadySeconds:\t${asNum(spec.minReadySeconds)}\n`);
  if (isSet(strategy.rollingUpdate)) {
    const ru = asObj(strategy.rollingUpdate);
    w.write(
      0,
      `RollingUpdateStrategy:\t${asStr(ru.maxUnavailable)} max unavailable, ${asStr(ru.maxSurge)} max surge\n`,
    );
  }
  describePodTemplate(spec.template, w);
  conditionsTypeStatusReason(w, status.conditions);
  const owned = ctx
    .list("replicasets", d.metadata.namespace)
    .filter((rs) =>
      (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === d.metadata.uid),
    )
    .sort(
      (a, b) =>
        (parseTime(a.metadata.creationTimestamp) ?? 0) - (parseTime(b.metadata.creationTimestamp) ?? 0) ||
        byteCompare(a.metadata.name, b.metadata.name),
    );
  const key = templateKey(spec.template);
  const newRS = owned.find((rs) => templateKey(asObj(rs.spec).template) === key);
  // GetAllReplicaSets' first list: old ReplicaSets that still have replicas.
  const oldRSs = owned.filter((rs) => rs !== newRS && asNum(asObj(rs.spec).replicas) !== 0);
  if (owned.length > 0) {
    w.write(0, `OldReplicaSets:\t${replicaSetsText(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(w, eventsOf(ctx, d), ctx.now);
  return w.toString();
}

/** `kubectl describe replicaset`. */
export function describeReplicaSet(rs: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(rs.spec);
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ""}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
  labelsMultiline(w, "Labels", rs.metadata.labels);
  annotationsMultiline(w, "Annotations", rs.metadata.annotations);
  const controlledBy = controllerOf(rs.metadata);
  if (controlledBy !== "") w.write(0, `Controlled By:\t${controlledBy}\n`);
  w.write(0, `Replicas:\t${asNum(asObj(rs.status).replicas)} current / ${asNum(spec.replicas)} desired\n`);
  w.write(0, `Pods Status:\t${podsStatus(ctx, rs)}\n`);
  describePodTemplate(spec.template, w);
  conditionsTypeStatusReason(w, asObj(rs.status).conditions);
  describeEvents(w, eventsOf(ctx, rs), ctx.now);
  return w.toString();
}

/** `kubectl describe daemonset`. */
export function describeDaemonSet(ds: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(ds.spec);
  const s = asObj(ds.status);
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(strMap(templateSpec(spec).nodeSelector))}\n`);
  labelsMultiline(w, "Labels", ds.metadata.labels);
  annotationsMultiline(w, "Annotations", ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${asNum(s.desiredNumberScheduled)}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${asNum(s.currentNumberScheduled)}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${asNum(s.updatedNumberScheduled)}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${asNum(s.numberAvailable)}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${asNum(s.numberMisscheduled)}\n`);
  w.write(0, `Pods Status:\t${podsStatus(ctx, ds)}\n`);
  describePodTemplate(spec.template, w);
  describeEvents(w, eventsOf(ctx, ds), ctx.now);
  return w.toString();
}

/** `kubectl describe statefulset`. */
export function describeStatefulSet(sts: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(sts.spec);
  w.write(0, `Name:\t${sts.metadata.name}\n`);
  w.write(0, `Namespace:\t${sts.metadata.namespace ?? ""}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123zOf(sts.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  labelsMultiline(w, "Labels", sts.metadata.labels);
  annotationsMultiline(w, "Annotations", sts.metadata.annotations);
  w.write(0, `Replicas:\t${asNum(spec.replicas)} desired | ${asNum(asObj(sts.status).replicas)} total\n`);
  const strategy = asObj(spec.updateStrategy);
  w.write(0, `Update Strategy:\t${asStr(strategy.type)}\n`);
  const ru = asObj(strategy.rollingUpdate);
  if (isSet(ru.partition)) {
    w.write(1, `Partition:\t${asNum(ru.partition)}\n`);
    if (isSet(ru.maxUnavailable)) w.write(1, `MaxUnavailable:\t${asStr(ru.maxUnavailable)}\n`);
  }
  w.write(0, `Pods Status:\t${podsStatus(ctx, sts)}\n`);
  describePodTemplate(spec.template, w);
  const claims = asArr(spec.volumeClaimTemplates).map(asObj);
  if (claims.length === 0) w.write(0, "Volume Claims:\t<none>\n");
  else {
    w.write(0, "Volume Claims:\n");
    for (const c of claims) {
      const meta = asObj(c.metadata);
      const cspec = asObj(c.spec);
      const beta = strMap(meta.annotations)["volume.beta.kubernetes.io/storage-class"];
      w.write(1, `Name:\t${asStr(meta.name)}\n`);
      w.write(1, `StorageClass:\t${beta ?? asStr(cspec.storageClassName)}\n`);
      labelsMultiline(w, "Labels", strMap(meta.labels), "  ");
      labelsMultiline(w, "Annotations", strMap(meta.annotations), "  ");
      const storage = asObj(asObj(cspec.resources).requests).storage;
      w.write(1, `Capacity:\t${isSet(storage) ? canonical(storage) : "<default>"}\n`);
      w.write(
        1,
        `Access Modes:\t[${asArr(cspec.accessModes)
          .map((m) => asStr(m))
          .join(" ")}]\n`,
      );
    }
  }
  describeEvents(w, eventsOf(ctx, sts), ctx.now);
  return w.toString();
}
